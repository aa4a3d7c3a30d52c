package dev.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.ShoalProcess;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import dev.shoal.node.api.UploadInfo;
import dev.shoal.protocol.Base32;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shoal get} as a user runs it: a real process, killed with SIGKILL half-way and run again. */
class GetCommandProcessTest {
    private static final int SIZE = 6 * 1024 * 1024;
    private static final Pattern BYTES = Pattern.compile("\"bytes\":(\\d+)");

    @TempDir
    Path temp;
    private final List<ShoalNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(ShoalNode::close);
    }

    private ShoalNode source(String name, byte[] content, ShoalNode hub) throws Exception {
        Path share = Files.createDirectories(temp.resolve(name));
        Files.write(share.resolve("big sample.bin"), content);
        // About 1.5 MiB/s per source: the download takes a few seconds, long enough to kill it.
        ShoalNode node = Shoal.start(NodeConfig.defaults(temp.resolve(name + "-data"))
                .withListen(new InetSocketAddress("127.0.0.1", 0)).withShares(List.of(share))
                .withUploads(4, 1536 * 1024));
        nodes.add(node);
        node.libraryReady().get(20, TimeUnit.SECONDS);
        if (hub != null) {
            node.connect(hub.listenAddress()).get(10, TimeUnit.SECONDS);
        }
        return node;
    }

    @Test
    void aKilledDownloadResumesWhereItStoppedAndIsVerified() throws Exception {
        byte[] content = new byte[SIZE];
        new Random(99).nextBytes(content);
        String urn = "urn:sha1:" + Base32.encode(MessageDigest.getInstance("SHA-1").digest(content));
        ShoalNode hub = source("hub", content, null);
        ShoalNode other = source("other", content, hub);
        String peer = "127.0.0.1:" + hub.listenAddress().getPort();
        Path data = temp.resolve("get-data");
        Path out = temp.resolve("out");
        String[] args = {"get", urn, "--peer", peer, "--data", data.toString(), "--out", out.toString(), "--json",
                "--timeout", "120"};

        try (ShoalProcess first = ShoalProcess.start(temp.resolve("get1.log"), args)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> lastBytes(first.stdout()) >= SIZE * 4L / 10);
            first.kill();
        }
        assertThat(Files.exists(out.resolve("big sample.bin"))).as("nothing delivered before verification").isFalse();

        try (ShoalProcess second = ShoalProcess.start(temp.resolve("get2.log"), args)) {
            assertThat(second.awaitExit(Duration.ofSeconds(120))).isZero();
            String last = second.stdout().get(second.stdout().size() - 1);
            assertThat(last).contains("\"state\":\"done\"", "\"urn\":\"" + urn + "\"",
                    "\"path\":\"" + out.resolve("big sample.bin") + "\"");
        }
        assertThat(Files.readAllBytes(out.resolve("big sample.bin"))).isEqualTo(content);
        long served = 0;
        for (ShoalNode n : List.of(hub, other)) {
            served += n.uploads().stream().mapToLong(UploadInfo::bytesSent).sum();
        }
        assertThat(served).as("bytes sent by the sources over both runs").isLessThan((long) (SIZE * 1.3));
    }

    @Test
    void aFileNobodyHasFailsWithAReason() throws Exception {
        ShoalNode hub = source("hub", new byte[] {1, 2, 3}, null);
        try (ShoalProcess get = ShoalProcess.start(temp.resolve("get.log"), "get",
                "urn:sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "--peer", "127.0.0.1:" + hub.listenAddress().getPort(),
                "--data", temp.resolve("d").toString(), "--timeout", "2")) {
            assertThat(get.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
        }
        assertThat(Files.readString(temp.resolve("get.log")))
                .contains("shoal: no source found for urn:sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    }

    private static long lastBytes(List<String> lines) {
        long max = 0;
        for (String line : lines) {
            Matcher m = BYTES.matcher(line);
            if (m.find()) {
                max = Math.max(max, Long.parseLong(m.group(1)));
            }
        }
        return max;
    }
}
