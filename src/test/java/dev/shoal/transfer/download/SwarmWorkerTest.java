package dev.shoal.transfer.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Urn;
import dev.shoal.thex.HashTree;
import dev.shoal.thex.Thex;
import dev.shoal.transfer.http.XThexUri;
import dev.shoal.time.VirtualTime;
import dev.shoal.transfer.TestFiles;
import dev.shoal.transfer.TestUploadServer;
import dev.shoal.transfer.http.HttpHeadReader;
import dev.shoal.transfer.http.RequestTarget;
import dev.shoal.transfer.upload.ServedFile;
import dev.shoal.transfer.upload.UploadSlots;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One worker against a real upload server on loopback, with a {@link Swarm} that hands it the whole
 * file as one run and keeps what it is given: what a worker does, seen from its side of the seam.
 */
class SwarmWorkerTest {
    private static final int SIZE = 300_000;
    private static final int CHUNK = 64 * 1024;
    private final byte[] data = TestFiles.random(SIZE, 11);
    private final Urn urn = TestFiles.urnOf(data);

    @TempDir
    Path tmp;

    /** Takes every piece into memory; asks by URN unless told to use {@code byIndex}. */
    private final class KeepingSwarm implements Swarm {
        final byte[] file = new byte[SIZE];
        final List<Integer> completed = new ArrayList<>();
        final RequestTarget byIndex;
        final List<XThexUri> offers = new ArrayList<>();
        final List<String> treeEvents = new ArrayList<>();
        byte[] tree;
        /** Hands out chunk 0 alone, then the rest: a tree offered with chunk 0 is fetched in between. */
        boolean twoRuns;
        int runs;
        boolean handedOut;
        Exception why;
        boolean ended;

        KeepingSwarm(RequestTarget byIndex) {
            this.byIndex = byIndex;
        }

        @Override
        public Urn urn() {
            return urn;
        }

        @Override
        public ChunkLayout layout() {
            return new ChunkLayout(SIZE, CHUNK);
        }

        @Override
        public Optional<ChunkScheduler.Run> nextRun(Source source, long maxBytes) {
            if (twoRuns && runs < 2) {
                return Optional.of(runs++ == 0 ? new ChunkScheduler.Run(0, 1, false)
                        : new ChunkScheduler.Run(1, layout().count() - 1, false));
            }
            if (handedOut || twoRuns) {
                return Optional.empty();
            }
            handedOut = true;
            return Optional.of(new ChunkScheduler.Run(0, layout().count(), false));
        }

        @Override
        public void release(ChunkScheduler.Run run, Source source) {
        }

        @Override
        public boolean wanted(int chunk) {
            return !completed.contains(chunk);
        }

        @Override
        public boolean writePiece(int chunk, long position, ByteBuffer bytes) {
            bytes.get(file, (int) position, bytes.remaining());
            return true;
        }

        @Override
        public boolean completeChunk(int chunk, Source source) {
            return completed.add(chunk);
        }

        @Override
        public boolean storeChunk(int chunk, Source source, ByteBuffer copy) {
            throw new AssertionError("no duplicates here");
        }

        @Override
        public String target(Source source) {
            return byIndex != null ? byIndex.path() : new RequestTarget.ByUrn(urn).path();
        }

        @Override
        public boolean askByIndex(Source source) {
            return false;
        }

        @Override
        public List<InetSocketAddress> alternatesFor(Source source) {
            return List.of();
        }

        @Override
        public void learn(List<InetSocketAddress> locations) {
        }

        @Override
        public void offersTree(Source source, XThexUri offer) {
            offers.add(offer);
        }

        @Override
        public Optional<String> treeToFetch(Source source) {
            if (offers.isEmpty() || !treeEvents.isEmpty()) {
                return Optional.empty();
            }
            treeEvents.add("asked after " + completed.size() + " chunks");
            return Optional.of(offers.get(0).uri());
        }

        @Override
        public void treeArrived(Source source, byte[] body) {
            treeEvents.add("arrived");
            tree = body;
        }

        @Override
        public void treeFailed(Source source) {
            treeEvents.add("failed");
        }

        @Override
        public void ended(Source source, Exception why) {
            this.why = why;
            ended = true;
        }
    }

    @Test
    void aTreeOfferedWithTheFirstAnswerIsFetchedBeforeTheNextRun() throws Exception {
        HashTree expected = TestFiles.treeOf(data);
        ServedFile f = TestFiles.share(tmp, 1, "f.bin", data, urn, expected.root());
        try (TestUploadServer server = TestUploadServer.serving(f)) {
            KeepingSwarm swarm = new KeepingSwarm(null);
            swarm.twoRuns = true;
            work(swarm, server.address());

            assertThat(swarm.why).isNull();
            assertThat(swarm.offers).first().isEqualTo(XThexUri.of(urn, expected.root()));
            assertThat(swarm.treeEvents).containsExactly("asked after 1 chunks", "arrived");
            assertThat(Thex.decode(swarm.tree, SIZE, expected.root())).isEqualTo(expected);
            assertThat(swarm.file).isEqualTo(data);
            // One connection carried the chunks and the tree.
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aTreeAnswerThatIsNotOkIsReportedAsFailedAndTheChunksStillCome() throws Exception {
        ServedFile f = TestFiles.share(tmp, 1, "f.bin", data);
        try (TestUploadServer server = TestUploadServer.serving(f)) {
            KeepingSwarm swarm = new KeepingSwarm(null);
            swarm.twoRuns = true;
            swarm.offers.add(XThexUri.of(urn, TestFiles.treeOf(data).root()));
            work(swarm, server.address());

            assertThat(swarm.treeEvents).containsExactly("asked after 0 chunks", "failed");
            assertThat(swarm.why).isNull();
            assertThat(swarm.file).isEqualTo(data);
        }
    }

    private static void work(KeepingSwarm swarm, InetSocketAddress address) {
        VirtualTime time = new VirtualTime();
        SourceConnection connection = new SourceConnection(address, "Worker-Test/1.0", time, n -> { },
                aborted -> ChannelLink.connect(address, Duration.ofSeconds(5)));
        new SwarmWorker(swarm, Source.of(address), connection, time).run();
        assertThat(swarm.ended).isTrue();
    }

    @Test
    void shortAnswersAreContinuedAndEveryChunkIsCompletedOnce() throws Exception {
        KeepingSwarm swarm = new KeepingSwarm(null);
        try (CappingServer capping = new CappingServer(data, urn, 50_000)) {
            work(swarm, capping.address());
            assertThat(capping.requests()).isEqualTo((SIZE + 49_999) / 50_000);
        }
        assertThat(swarm.why).isNull();
        assertThat(swarm.file).isEqualTo(data);
        assertThat(swarm.completed).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aBusySourceEndsTheWorkerWithTheRetryAfterItAsked() throws Exception {
        ServedFile f = TestFiles.share(tmp, 1, "f.bin", data);
        try (TestUploadServer server = TestUploadServer.serving(new UploadSlots(1, Duration.ofSeconds(7)), 0, f);
                Socket holder = new Socket()) {
            holder.connect(server.address());
            holder.getOutputStream().write(("GET /uri-res/N2R?" + urn + " HTTP/1.1\r\nRange: bytes=0-0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(HttpHeadReader.read(holder.getInputStream()).startLine()).startsWith("HTTP/1.1 206");

            KeepingSwarm swarm = new KeepingSwarm(null);
            work(swarm, server.address());

            assertThat(swarm.why).isInstanceOfSatisfying(Swarm.Busy.class,
                    busy -> assertThat(busy.retryAfter).isEqualTo(Duration.ofSeconds(7)));
            assertThat(swarm.completed).isEmpty();
        }
    }

    @Test
    void aSourceServingAnotherFileUnderTheNameAskedIsUseless() throws Exception {
        Urn other = TestFiles.urnOf(TestFiles.random(10, 12));
        ServedFile f = TestFiles.share(tmp, 1, "f.bin", data, other);
        try (TestUploadServer server = TestUploadServer.serving(f)) {
            KeepingSwarm swarm = new KeepingSwarm(new RequestTarget.ByIndex(1, "f.bin"));
            work(swarm, server.address());

            assertThat(swarm.why).isInstanceOf(Swarm.Useless.class).hasMessageContaining("serves another file");
            assertThat(swarm.completed).isEmpty();
        }
    }
}
