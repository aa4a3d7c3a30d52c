package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shoal.net.HttpSession;
import dev.shoal.node.api.NodeStats;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running node tells clients on its own machine what it dropped, over HTTP on its port, and nobody else. */
class StatsEndpointTest {
    @TempDir
    Path temp;
    private TestNodes net;

    @BeforeEach
    void start() {
        net = new TestNodes(temp);
    }

    @AfterEach
    void stop() {
        net.close();
    }

    @Test
    void aRunningNodeAnswersLoopbackClientsWithItsCounters() throws Exception {
        ServentNode node = net.ultrapeer("n", 4, Map.of());
        try (Socket s = new Socket("127.0.0.1", node.listenAddress().getPort())) {
            s.getOutputStream().write("SSH-2.0-nothing\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().readAllBytes();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> node.stats().count("unknown_protocol") == 1);

        NodeStats remote = Shoal.stats(node.listenAddress());

        assertThat(remote.count("unknown_protocol")).isEqualTo(1);
        assertThat(remote.drops()).extracting(NodeStats.Drop::reason)
                .isEqualTo(node.stats().drops().stream().map(NodeStats.Drop::reason).toList());
        try (Socket s = new Socket("127.0.0.1", node.listenAddress().getPort())) {
            s.getOutputStream().write("GET /shoal/stats HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Type: application/x-ndjson")
                    .contains("{\"reason\":\"unknown_protocol\",\"group\":\"connection\",");
        }
    }

    @Test
    void strangersAreForbidden() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HttpSession stranger = new FakeSession(new InetSocketAddress("192.0.2.7", 40000),
                new ByteArrayInputStream("Host: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), out);
        StatsEndpoint.serve(stranger, () -> {
            throw new AssertionError("a stranger must not cost us a snapshot");
        });
        assertThat(out.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 403 Forbidden\r\n")
                .endsWith("Content-Length: 0\r\nConnection: close\r\n\r\n");
    }

    @Test
    void theWireFormReadsBackTheSame() {
        NodeStats s = new NodeStats(3, 1, 2, 4, List.of(new NodeStats.Drop("query_flood", "message", "too many", 12),
                new NodeStats.Drop("banned", "connection", "banned \"for\" a while", 0)));
        assertThat(StatsEndpoint.parse(StatsEndpoint.lines(s))).isEqualTo(s);
    }

    @Test
    void somethingThatIsNotANodeIsSaidSo() throws Exception {
        try (ServerSocket notANode = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (Socket s = notANode.accept()) {
                    s.getOutputStream().write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (java.io.IOException ignored) {
                    // the test sees the result
                }
            });
            answer.start();
            assertThatThrownBy(() -> StatsEndpoint.fetch((InetSocketAddress) notANode.getLocalSocketAddress(),
                    Duration.ofSeconds(5))).isInstanceOf(ShoalException.class).hasMessageContaining("404");
            answer.join();
        }
    }

    /** Regression: the address went into the URL without brackets, and the URL was refused before any request. */
    @Test
    void aNodeOnIpv6LoopbackIsAskedAtItsBracketedAddress() throws Exception {
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        try (ServerSocket node = new ServerSocket(0, 1, ipv6Loopback)) {
            CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> {
                try (Socket s = node.accept()) {
                    String head = new String(s.getInputStream().readNBytes(40), StandardCharsets.US_ASCII);
                    s.getOutputStream().write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    return head;
                } catch (java.io.IOException e) {
                    return e.toString();
                }
            });
            assertThatThrownBy(() -> StatsEndpoint.fetch(new InetSocketAddress(ipv6Loopback, node.getLocalPort()),
                    Duration.ofSeconds(5))).isInstanceOf(ShoalException.class).hasMessageContaining("404");
            assertThat(request.get(10, TimeUnit.SECONDS)).startsWith("GET /shoal/stats HTTP/1.1\r\n");
        }
    }

    private record FakeSession(InetSocketAddress remoteAddress, InputStream in, OutputStream out) implements HttpSession {
        @Override
        public String firstLine() {
            return "GET /shoal/stats HTTP/1.1";
        }

        @Override
        public InetSocketAddress localAddress() {
            return new InetSocketAddress("127.0.0.1", 6346);
        }

        @Override
        public void sendFile(Path file, long offset, long length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
