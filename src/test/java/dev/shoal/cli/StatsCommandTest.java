package dev.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.json.JsonLine;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shoal stats --peer}: what a running node dropped, as a table or JSON lines; one line on failure. */
class StatsCommandTest {
    @TempDir
    Path temp;

    private static void speakNonsenseTo(ShoalNode node) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), node.listenAddress().getPort())) {
            s.getOutputStream().write("HELLO?\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().readAllBytes();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> node.stats().count("unknown_protocol") == 1);
    }

    @Test
    void itListsTheReasonsCountedWithTheirCountsAndMeanings() throws Exception {
        try (ShoalNode node = Shoal.start(NodeConfig.defaults(temp.resolve("n"))
                .withListen(new InetSocketAddress("127.0.0.1", 0)))) {
            speakNonsenseTo(node);
            String peer = "127.0.0.1:" + node.listenAddress().getPort();

            CliRun table = CliRun.of("stats", "--peer", peer);
            assertThat(table.exitCode()).isZero();
            assertThat(table.outLines().get(1)).isEqualTo("0 messages dropped, 1 connection refused, 0 links and sessions closed, 0 UDP datagrams dropped");
            assertThat(table.outLines()).anySatisfy(l -> assertThat(l).matches(
                    " +1  connection  unknown_protocol +first line neither Gnutella nor HTTP"));
            assertThat(table.outLines()).noneMatch(l -> l.contains("query_flood"));

            CliRun json = CliRun.of("stats", "--peer", peer, "--json", "--all");
            assertThat(json.exitCode()).isZero();
            Map<String, Object> gauges = JsonLine.parse(json.outLines().get(0));
            assertThat(gauges).containsKeys("links", "handshaking", "http_sessions", "banned_addresses");
            List<Map<String, Object>> reasons = json.outLines().subList(1, json.outLines().size()).stream()
                    .map(JsonLine::parse).toList();
            assertThat(reasons).anySatisfy(r -> assertThat(r).containsEntry("reason", "unknown_protocol")
                    .containsEntry("group", "connection").containsEntry("count", 1));
            assertThat(reasons).anySatisfy(r -> assertThat(r).containsEntry("reason", "query_flood")
                    .containsEntry("count", 0));
        }
    }

    @Test
    void nothingListeningIsOneLineAndExit1() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        CliRun run = CliRun.of("stats", "--peer", "127.0.0.1:" + port);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .isEqualTo("shoal: nothing answers at 127.0.0.1:" + port + ": is a node running there?");
        assertThat(CliRun.of("stats").exitCode()).as("--peer is required").isEqualTo(2);
    }
}
