package dev.shoal.transfer.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.node.ConfigViews;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Urn;
import dev.shoal.time.ExecutorScheduler;
import dev.shoal.transfer.AltLocs;
import dev.shoal.transfer.TestFiles;
import dev.shoal.transfer.TestUploadServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources reached by Push: the swarm asks the {@link PushRequester} for a connection when a
 * source cannot be dialled or its hit said it is firewalled, and dials when a Push fails. The
 * "pushed" connections here are sockets to a real upload server, read through the same stream
 * link the node uses for a GIV connection.
 */
class PushSourceTest {
    private static final int SIZE = 2 * 1024 * 1024 + 777;
    private static final String NAME = "behind a wall.bin";
    private static final Guid SERVENT = Guid.fromHex("0123456789abcdef0123456789abcdef");
    private static final SwarmConfig CONFIG = ConfigViews.swarm(NodeConfig.defaults(Path.of("unused")))
            .withChunkSize(128 * 1024)
            .withReadTimeout(Duration.ofSeconds(5))
            .withPushTimeout(Duration.ofSeconds(5))
            .withCheckpointInterval(Duration.ofMillis(50));

    @TempDir
    Path tmp;
    private byte[] data;
    private Urn urn;
    private TestUploadServer holder;
    private final AltLocs mesh = new AltLocs();
    private final List<SwarmDownload> downloads = new CopyOnWriteArrayList<>();
    private final ExecutorScheduler time = new ExecutorScheduler("push-test-time");

    @BeforeEach
    void setUp() throws IOException {
        data = TestFiles.random(SIZE, 7);
        urn = TestFiles.urnOf(data);
        holder = TestUploadServer.serving(TestFiles.share(tmp.resolve("share"), 3, NAME, data, urn));
    }

    @AfterEach
    void tearDown() {
        downloads.forEach(SwarmDownload::cancel);
        holder.close();
        time.close();
    }

    /** Answers each Push by connecting to the holder, as a firewalled servent would connect to us. */
    private final class ConnectingRequester implements PushRequester {
        final List<Source> pushed = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<SourceLink> push(Source source) {
            pushed.add(source);
            try {
                Socket s = new Socket();
                s.connect(holder.address(), 5000);
                return CompletableFuture.completedFuture(SourceLink.of(s.getInputStream(), s.getOutputStream(),
                        () -> closeQuietly(s)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private SwarmDownload download(SwarmConfig config, PushRequester pusher, Source source) {
        SwarmDownload d = new SwarmDownload(new DownloadRequest(urn, SIZE, NAME, List.of(source)),
                new SwarmSetup(tmp.resolve("incomplete"), tmp.resolve("downloads"), config, mesh, pusher, time),
                DownloadListener.NONE);
        downloads.add(d);
        d.start();
        return d;
    }

    @Test
    void aSourceThatRefusesConnectionsIsPushedAndTheFileArrivesWhole() throws Exception {
        InetSocketAddress closed = closedPort();
        ConnectingRequester pusher = new ConnectingRequester();

        Path file = download(CONFIG, pusher, new Source(closed, 3, NAME, SERVENT, false)).result()
                .get(60, TimeUnit.SECONDS);

        assertThat(Files.readAllBytes(file)).isEqualTo(data);
        assertThat(pusher.pushed).isNotEmpty().allMatch(s -> s.serventId().equals(SERVENT) && s.index() == 3);
        assertThat(mesh.get(urn, 10)).as("a pushed source is no alternate location for others")
                .doesNotContain(closed);
    }

    @Test
    void aFirewalledSourceIsPushedWithoutDiallingIt() throws Exception {
        try (ServerSocket wall = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            AtomicInteger dialled = countAccepts(wall);
            ConnectingRequester pusher = new ConnectingRequester();
            Source source = new Source(new InetSocketAddress(InetAddress.getLoopbackAddress(), wall.getLocalPort()),
                    3, NAME, SERVENT, true);

            Path file = download(CONFIG, pusher, source).result().get(60, TimeUnit.SECONDS);

            assertThat(Files.readAllBytes(file)).isEqualTo(data);
            assertThat(pusher.pushed).isNotEmpty();
            assertThat(dialled).hasValue(0);
        }
    }

    @Test
    void aFirewalledSourceIsDialledWhenNoPushCanReachIt() throws Exception {
        PushRequester noRoute = source -> CompletableFuture.failedFuture(
                new UnreachableSourceException("no route for a Push"));
        Source source = new Source(holder.address(), 3, NAME, SERVENT, true);

        Path file = download(CONFIG, noRoute, source).result().get(60, TimeUnit.SECONDS);

        assertThat(Files.readAllBytes(file)).isEqualTo(data);
        assertThat(holder.connections()).isPositive();
    }

    @Test
    void aPushNeverAnsweredEndsTheDownloadAndCancelsTheWait() throws Exception {
        List<CompletableFuture<SourceLink>> waits = new CopyOnWriteArrayList<>();
        PushRequester silent = source -> {
            CompletableFuture<SourceLink> f = new CompletableFuture<>();
            waits.add(f);
            return f;
        };
        SwarmConfig quick = CONFIG.withPushTimeout(Duration.ofMillis(200));
        Source unreachable = new Source(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0), 3, NAME,
                SERVENT, true);

        SwarmDownload d = download(quick, silent, unreachable);

        assertThatThrownBy(() -> d.result().get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(DownloadException.class).hasMessageContaining("no usable source left");
        assertThat(waits).hasSize(quick.maxFailures()).allMatch(CompletableFuture::isCancelled);
    }

    @Test
    void cancellingADownloadStopsItsWaitForAGiv() throws Exception {
        CompletableFuture<SourceLink> wait = new CompletableFuture<>();
        CompletableFuture<Void> asked = new CompletableFuture<>();
        PushRequester silent = source -> {
            asked.complete(null);
            return wait;
        };
        SwarmDownload d = download(CONFIG.withPushTimeout(Duration.ofMinutes(5)), silent,
                new Source(holder.address(), 3, NAME, SERVENT, true));
        asked.get(10, TimeUnit.SECONDS);

        d.cancel();

        assertThatThrownBy(() -> d.result().get(20, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        wait.exceptionally(e -> null).get(20, TimeUnit.SECONDS);
        assertThat(wait).isCancelled();
        assertThat(holder.connections()).as("never dialled while the Push was pending").isZero();
    }

    @Test
    void aSourceThatCanNeitherBeDialledNorPushedIsNotKept() {
        Source nowhere = new Source(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 3, NAME);

        SwarmDownload d = download(CONFIG, new ConnectingRequester(), nowhere);

        assertThatThrownBy(() -> d.result().get(60, TimeUnit.SECONDS)).hasMessageContaining("no usable source left");
    }

    private static InetSocketAddress closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort());
        }
    }

    private static AtomicInteger countAccepts(ServerSocket server) {
        AtomicInteger n = new AtomicInteger();
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    n.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "wall-accept");
        t.setDaemon(true);
        t.start();
        return n;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
