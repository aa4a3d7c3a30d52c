package dev.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.FakeGWebCache;
import dev.shoal.RawPeer;
import dev.shoal.ShoalProcess;
import dev.shoal.protocol.Base32;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Ping;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shoal node} as a process: the listening line, and a clean stop on SIGTERM. */
class NodeCommandProcessTest {
    @TempDir
    Path temp;

    @Test
    void printsTheRealAddressAndSaysByeToPeersOnSigterm() throws Exception {
        Path share = Files.createDirectories(temp.resolve("share"));
        Files.writeString(share.resolve("a.txt"), "a");
        try (ShoalProcess node = ShoalProcess.start(temp.resolve("node.log"), "node", "--bind", "127.0.0.1", "--port", "0",
                "--share", share.toString(), "--data", temp.resolve("data").toString())) {
            InetSocketAddress address = node.awaitListening();
            assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(address.getPort()).isPositive();
            assertThat(node.stdout().get(0)).isEqualTo("listening on 127.0.0.1:" + address.getPort());
            await().atMost(Duration.ofSeconds(20)).until(() -> node.stdout().size() > 1);
            assertThat(node.stdout().get(1)).as("a node is an ultrapeer unless told").isEqualTo("role: ultrapeer");

            try (RawPeer peer = RawPeer.connectAsUltrapeer(address)) {
                peer.setReadTimeout(20_000);
                // A pong proves the node has the link established, so its shutdown owes it a Bye.
                peer.sendFrame(MessageCodec.frame(Guid.random(), 1, 0, Ping.PLAIN));
                peer.readUntil(MessageType.PONG);
                int exit = node.terminate();
                assertThat(exit).as("exit status after SIGTERM").isIn(0, 143);
                Bye bye = Bye.decode(peer.readUntil(MessageType.BYE).payload());
                assertThat(bye.code()).isEqualTo(Bye.SHUTDOWN);
            }
        }
        assertThat(Files.readString(temp.resolve("node.log"))).contains("stopped").doesNotContain("Exception");
    }

    @Test
    void aConfigFileSetsTheOptionsAndTheCommandLineWins() throws Exception {
        Path share = Files.createDirectories(temp.resolve("configured share"));
        Files.writeString(share.resolve("configured only.txt"), "from the config file");
        Path config = Files.writeString(temp.resolve("node.properties"),
                "bind=127.0.0.1\nport=1\nshare=" + share + "\nmax-ttl=3\n");
        try (ShoalProcess node = ShoalProcess.start(temp.resolve("node.log"), "node", "--config", config.toString(),
                "--port", "0", "--data", temp.resolve("data").toString())) {
            InetSocketAddress address = node.awaitListening();
            assertThat(address.getPort()).as("--port 0 beats port=1").isNotEqualTo(1);

            // The node lists its share in the background: ask until it has.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(CliRun.of("search", "configured",
                    "--peer", "127.0.0.1:" + address.getPort(), "--timeout", "1").outLines())
                    .singleElement().asString().startsWith("configured only.txt"));
            node.terminate();
        }
    }

    @Test
    void theDataFolderFollowsHomeAndTheLogFileThereRecordsUploads() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path share = Files.createDirectories(temp.resolve("share"));
        Files.writeString(share.resolve("shared.txt"), "shared over HTTP");
        try (ShoalProcess node = ShoalProcess.start(null, Map.of("HOME", home.toString()), temp.resolve("node.log"),
                "node", "--bind", "127.0.0.1", "--port", "0", "--share", share.toString(), "--peer", "127.0.0.1:1")) {
            InetSocketAddress address = node.awaitListening();
            String peer = "127.0.0.1:" + address.getPort();
            Path out = temp.resolve("out");
            // The node hashes its share in the background: a hash query sent before that finds
            // nothing, and get asks again only 20 s later. Ask until the node has it.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(CliRun.of("search", "shared",
                    "--peer", peer, "--timeout", "1").outLines()).isNotEmpty());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(CliRun.of("get",
                    "urn:sha1:" + Base32.encode(MessageDigest.getInstance("SHA-1")
                            .digest("shared over HTTP".getBytes(StandardCharsets.UTF_8))),
                    "--peer", peer, "--out", out.toString(), "--data", temp.resolve("get").toString()).exitCode())
                    .isZero());
            Path log = home.resolve(".shoal").resolve("shoal.log");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Files.readString(log))
                    .contains("listening on " + peer)
                    .contains("uploading shared.txt to 127.0.0.1:")
                    .containsPattern("upload of shared.txt to 127.0.0.1:\\d+ ended: 16 bytes sent"));
            assertThat(Files.readString(log)).doesNotContain("/127.0.0.1")
                    .containsPattern("WARN .* - cannot connect to 127.0.0.1:1: ").doesNotContain("Exception");
            assertThat(Files.readString(temp.resolve("node.log"))).contains("listening on " + peer);
            node.terminate();
        }
    }

    @Test
    void aLeafSaysItsRoleAndThatItSharesNothing() throws Exception {
        try (ShoalProcess node = ShoalProcess.start(temp.resolve("node.log"), "node", "--bind", "127.0.0.1", "--port", "0", "--role", "leaf",
                "--data", temp.resolve("data").toString())) {
            node.awaitListening();
            await().atMost(Duration.ofSeconds(20)).until(() -> node.stdout().contains("role: leaf"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    Files.readString(temp.resolve("node.log"))).contains("sharing nothing: --share DIR shares a folder"));
            node.terminate();
        }
    }

    @Test
    void aPortInUseSaysSoAndSuggestsPortZero() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ShoalProcess node = ShoalProcess.start(temp.resolve("node.log"), "node", "--bind", "127.0.0.1",
                        "--port", Integer.toString(taken.getLocalPort()), "--data", temp.resolve("data").toString())) {
            assertThat(node.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(Files.readString(temp.resolve("node.log")).strip().lines()).last().asString().isEqualTo(
                    "shoal: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": Address already in use "
                            + "(is another Shoal running there? --port 0 picks a free port)");
        }
    }

    /** A second Shoal whose configured port is taken takes a free one and says so; only --port is strict. */
    @Test
    void aPortFromTheConfigFileThatIsTakenGivesWayToAFreeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path config = Files.writeString(temp.resolve("second.properties"),
                    "bind=127.0.0.1\nport=" + taken.getLocalPort() + "\n");
            try (ShoalProcess node = ShoalProcess.start(temp.resolve("node.log"), "node", "--config", config.toString(),
                    "--data", temp.resolve("data").toString())) {
                InetSocketAddress address = node.awaitListening();
                assertThat(address.getPort()).isNotEqualTo(taken.getLocalPort());
                assertThat(Files.readString(temp.resolve("node.log"))).contains("port " + taken.getLocalPort()
                        + " is in use (another Shoal?): taking a free port instead");
                node.terminate();
            }
        }
    }

    /** With only a GWebCache (a fake one here), the node says how finding the network goes. */
    @Test
    void bootstrapProgressIsPrinted() throws Exception {
        try (FakeGWebCache cache = FakeGWebCache.serving("/gwc", "H|127.0.0.1:1|10\nH|127.0.0.1:2|10\n");
                ShoalProcess node = ShoalProcess.start(temp.resolve("node.log"), "node", "--bind", "127.0.0.1",
                        "--port", "0", "--role", "leaf", "--gwebcache", cache.url().toString(),
                        "--data", temp.resolve("data").toString())) {
            node.awaitListening();
            await().atMost(Duration.ofSeconds(20)).until(() -> node.stdout()
                    .contains("bootstrapping: asked 1 cache, 2 hosts, 0 connected"));
            node.terminate();
        }
    }
}
