package dev.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.ShoalProcess;
import dev.shoal.protocol.Urn;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shoal browse} as a user runs it, against a {@code shoal node} process on loopback. */
class BrowseCommandProcessTest {
    @TempDir
    Path temp;

    private Path share() throws Exception {
        Path share = Files.createDirectories(temp.resolve("share"));
        Files.writeString(share.resolve("first song.ogg"), "a".repeat(2048));
        Files.writeString(share.resolve("second song.ogg"), "b".repeat(3000));
        Files.writeString(share.resolve("notes.txt"), "c");
        return share;
    }

    @Test
    void everyFileTheNodeSharesIsOneLineAndTheCountEndsTheRun() throws Exception {
        try (ShoalProcess node = ShoalProcess.start(temp.resolve("node.log"), "node", "--bind", "127.0.0.1", "--port", "0", "--share",
                share().toString(), "--data", temp.resolve("node-data").toString())) {
            String host = hostPort(node.awaitListening());
            // The node lists its share in the background: ask until all three are there.
            await().atMost(Duration.ofSeconds(30)).until(() -> CliRun.of("browse", host).outLines().size() == 3);

            Path log = temp.resolve("browse.log");
            try (ShoalProcess browse = ShoalProcess.start(log, "browse", host)) {
                assertThat(browse.awaitExit(Duration.ofSeconds(60))).isZero();
                assertThat(browse.stdout()).containsExactlyInAnyOrder(
                        "first song.ogg  2.0 KiB  " + urn("a".repeat(2048)),
                        "second song.ogg  2.9 KiB  " + urn("b".repeat(3000)),
                        "notes.txt  1 B  " + urn("c"));
            }
            assertThat(TerminalScreen.render(Files.readString(log))).containsExactly("3 files from " + host);

            CliRun json = CliRun.of("browse", host, "--json");
            assertThat(json.exitCode()).isZero();
            assertThat(json.outLines()).hasSize(3).anySatisfy(line -> assertThat(line).startsWith(
                    "{\"name\":\"second song.ogg\",\"size\":3000,\"urn\":\"" + urn("b".repeat(3000))
                            + "\",\"host\":\"127.0.0.1\",\"port\":" + node.awaitListening().getPort() + ","));
            node.terminate();
        }
    }

    @Test
    void aNodeStartedWithNoBrowseHostRefusesAndTheReasonIsOneLine() throws Exception {
        try (ShoalProcess node = ShoalProcess.start(temp.resolve("node.log"), "node", "--bind", "127.0.0.1", "--port", "0", "--share",
                share().toString(), "--data", temp.resolve("node-data").toString(), "--no-browse-host")) {
            String host = hostPort(node.awaitListening());
            Path log = temp.resolve("browse.log");
            try (ShoalProcess browse = ShoalProcess.start(log, "browse", host)) {
                assertThat(browse.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
                assertThat(browse.stdout()).isEmpty();
            }
            assertThat(TerminalScreen.render(Files.readString(log))).containsExactly("shoal: cannot browse " + host
                    + ": the host refused to be browsed (403 Browse Host Disabled)");
            node.terminate();
        }
    }

    @Test
    void nobodyListeningAndBadArgumentsAreOneLineEach() throws Exception {
        CliRun nobody = CliRun.of("browse", "127.0.0.1:1");
        assertThat(nobody.exitCode()).isEqualTo(1);
        assertThat(nobody.errLines()).singleElement().asString()
                .startsWith("shoal: cannot browse 127.0.0.1:1: cannot connect: ");

        CliRun noPort = CliRun.of("browse", "127.0.0.1");
        assertThat(noPort.exitCode()).isEqualTo(2);
        assertThat(noPort.errLines()).singleElement().asString().startsWith("shoal: ")
                .endsWith("(see 'shoal browse --help')");
        CliRun badTimeout = CliRun.of("browse", "127.0.0.1:1", "--timeout", "0");
        assertThat(badTimeout.exitCode()).isEqualTo(2);
        assertThat(badTimeout.errLines()).containsExactly(
                "shoal: --timeout must be positive (see 'shoal browse --help')");
    }

    private static String urn(String content) throws Exception {
        return Urn.sha1(MessageDigest.getInstance("SHA-1").digest(content.getBytes(StandardCharsets.UTF_8))).toString();
    }

    private static String hostPort(InetSocketAddress a) {
        return "127.0.0.1:" + a.getPort();
    }
}
