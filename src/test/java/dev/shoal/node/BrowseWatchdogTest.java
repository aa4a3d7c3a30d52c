package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.Browse;
import dev.shoal.node.api.Download;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SearchResult;
import dev.shoal.node.api.ShoalException;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.Urn;
import dev.shoal.transfer.upload.ServedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browses that need more than a dial: a firewalled host reached by Push, and hosts that go silent
 * or trickle forever, cut off by the node's timers (virtual time, moved by the test).
 */
class BrowseWatchdogTest {
    @TempDir
    Path temp;
    TestNodes net;
    ServentNode browser;

    @BeforeEach
    void start() {
        net = new TestNodes(temp);
        browser = net.ultrapeer("browser", 4, Map.of());
    }

    @AfterEach
    void stop() {
        net.close();
    }

    @Test
    void aFirewalledHostIsBrowsedOverTheConnectionItOpensAfterOurPushAndItsFileDownloads() throws Exception {
        byte[] data = new byte[300_000];
        new Random(3).nextBytes(data);
        Path path = Files.write(Files.createDirectories(temp.resolve("fw")).resolve("walled in.bin"), data);
        ServedFile file = new ServedFile(9, "walled in.bin", path, data.length,
                Urn.sha1(MessageDigest.getInstance("SHA-1").digest(data)));
        try (FirewalledPeer peer = new FirewalledPeer(browser.listenAddress(), file, closedPort(), true)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !browser.peers().isEmpty());
            List<SearchHit> hits = new CopyOnWriteArrayList<>();
            browser.search("walled", 1, hits::add);
            await().atMost(Duration.ofSeconds(10)).until(() -> !hits.isEmpty());

            Browse browse = browser.browse(hits.get(0), hit -> {
            });

            assertThat(browse.done().get(20, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(peer.pushes).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.address()).isEqualTo(browser.listenAddress()));
            SearchResult listed = browse.results().get(0);
            assertThat(listed.name()).isEqualTo("walled in.bin");
            assertThat(listed.sources()).singleElement().satisfies(s -> {
                assertThat(s.firewalled()).isTrue();
                assertThat(s.serventId()).isEqualTo(peer.serventId().toHex());
            });
            Download d = browser.download(listed.urn(), listed.name(), listed.size(), listed.sources());
            assertThat(Files.readAllBytes(d.completion().get(60, TimeUnit.SECONDS))).isEqualTo(data);
        }
    }

    @Test
    void aHostThatAcceptsAndThenSaysNothingIsCutOffAfterTheReadTimeout() throws Exception {
        Duration readTimeout = browser.config().tuning().readTimeout();
        try (SilentHost host = new SilentHost()) {
            Browse browse = browser.browse(host.address(), hit -> {
            });
            host.awaitRequest();

            net.time().advance(readTimeout);
            net.time().advance(readTimeout);

            assertThatThrownBy(() -> browse.done().get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ShoalException.class).hasMessage("cannot browse " + host.hostPort()
                            + ": cut off: it sent nothing for " + readTimeout.toSeconds() + " s");
        }
    }

    @Test
    void aHostThatTricklesItsListForeverIsCutOffAtTheDeadline() throws Exception {
        Duration step = browser.config().tuning().readTimeout().dividedBy(2);
        byte[] hit = MessageCodec.frame(Guid.ZERO, 1, 0, new QueryHit(new InetSocketAddress("127.0.0.1", 6346), 10,
                List.of(QueryHit.Result.of(1, 10, "slow.txt", Urn.sha1(new byte[20]))), "SLOW",
                QueryHit.Flags.of(false, false, false, false, false), Ggep.EMPTY, new byte[0], Guid.random()))
                .toBytes();
        long steps = BrowseClient.DEADLINE.dividedBy(step) + 1;
        assertThat(hit.length).as("a byte per step outlasts the deadline").isGreaterThan((int) steps);
        try (SilentHost host = new SilentHost()) {
            RunningBrowse browse = (RunningBrowse) browser.browse(host.address(), h -> {
            });
            host.awaitRequest();
            host.send(("HTTP/1.1 200 OK\r\nContent-Type: application/x-gnutella-packets\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < steps; i++) {
                long before = browse.bytesRead();
                host.send(new byte[] {hit[i]});
                // The deadline's cut-off ends the browse on its own thread: no byte is read after it.
                await().atMost(Duration.ofSeconds(10)).until(() -> browse.bytesRead() > before
                        || browse.done().isDone());
                if (browse.done().isDone()) {
                    break;
                }
                net.time().advance(step);
            }

            assertThatThrownBy(() -> browse.done().get(20, TimeUnit.SECONDS)).cause()
                    .hasMessage("cannot browse " + host.hostPort() + ": cut off: it took longer than "
                            + BrowseClient.DEADLINE.toMinutes() + " min");
            assertThat(browse.filesReceived()).isZero();
        }
    }

    private static InetSocketAddress closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort());
        }
    }

    /** Accepts one connection, reads the request head, and answers only what the test sends. */
    private static final class SilentHost implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private volatile Socket accepted;
        private volatile boolean requested;

        SilentHost() throws IOException {
            Thread t = new Thread(this::serve, "silent-host");
            t.setDaemon(true);
            t.start();
        }

        private void serve() {
            try {
                accepted = server.accept();
                InputStream in = accepted.getInputStream();
                int matched = 0;
                byte[] end = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
                while (matched < end.length) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                requested = true;
            } catch (IOException e) {
                // closed by the test
            }
        }

        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", server.getLocalPort());
        }

        String hostPort() {
            return "127.0.0.1:" + server.getLocalPort();
        }

        void awaitRequest() {
            await().atMost(Duration.ofSeconds(10)).until(() -> requested);
        }

        void send(byte[] bytes) throws IOException {
            OutputStream out = accepted.getOutputStream();
            out.write(bytes);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
            if (accepted != null) {
                accepted.close();
            }
        }
    }
}
