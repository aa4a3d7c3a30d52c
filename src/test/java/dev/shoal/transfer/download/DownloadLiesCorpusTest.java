package dev.shoal.transfer.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.corpus.CaseBytes;
import dev.shoal.protocol.Urn;
import dev.shoal.time.VirtualTime;
import dev.shoal.transfer.TestFiles;
import dev.shoal.transfer.http.HttpHeadReader;
import dev.shoal.transfer.http.RequestTarget;
import dev.shoal.transfer.http.XThexUri;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The download side of the bad-input corpus ({@code src/test/resources/corpus/download/*.case}):
 * a source on loopback that lies (wrong lengths, ranges or file, endless or broken heads,
 * redirects, 503s) answers one download worker with the case's bytes, and the worker must give the
 * source up with the expected typed reason, having kept none of the lie. A case file has a
 * {@code #} description, one {@code answer BYTES} line per request the source answers on one
 * connection (in {@link CaseBytes}' notation; {@code ${size}} is the file's size), after which the
 * source closes, and {@code expect ended REASON} (the simple name of the exception the worker
 * ends with) and optionally {@code expect kept N} (bytes kept, default 0).
 */
class DownloadLiesCorpusTest {
    private static final int SIZE = 100_000;
    private final byte[] data = TestFiles.random(SIZE, 7);
    private final Urn urn = TestFiles.urnOf(data);

    record LieCase(String name, String about, List<String> answers, String ended, long kept) {
        @Override
        public String toString() {
            return "download/" + name + ": " + about;
        }
    }

    static List<LieCase> download() throws IOException, URISyntaxException {
        Path dir = Path.of(DownloadLiesCorpusTest.class.getResource("/corpus/download").toURI());
        List<LieCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".case")).sorted().toList()) {
                String about = null;
                String ended = null;
                long kept = 0;
                List<String> answers = new ArrayList<>();
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String l = line.strip();
                    if (l.startsWith("#")) {
                        about = about == null ? l.substring(1).strip() : about;
                    } else if (l.startsWith("answer ")) {
                        answers.add(l.substring(7));
                    } else if (l.startsWith("expect ended ")) {
                        ended = l.substring(13).strip();
                    } else if (l.startsWith("expect kept ")) {
                        kept = Long.parseLong(l.substring(12).strip());
                    } else if (!l.isEmpty()) {
                        throw new IllegalArgumentException(f + ": unknown line " + l);
                    }
                }
                cases.add(new LieCase(f.getFileName().toString().replaceFirst("\\.case$", ""), about, answers, ended,
                        kept));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void download(LieCase c) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread liar = new Thread(() -> answer(server, c), "lying-source");
            liar.start();
            InetSocketAddress address = (InetSocketAddress) server.getLocalSocketAddress();
            KeepingSwarm swarm = new KeepingSwarm();
            VirtualTime time = new VirtualTime();
            SourceConnection connection = new SourceConnection(address, "Corpus/1.0", time, n -> { },
                    aborted -> ChannelLink.connect(address, Duration.ofSeconds(5)));
            new SwarmWorker(swarm, Source.of(address), connection, time).run();
            liar.join();
            assertThat(swarm.why).as("the worker gave the source up").isNotNull();
            assertThat(swarm.why.getClass().getSimpleName()).as("%s", swarm.why).isEqualTo(c.ended());
            assertThat(swarm.kept).as("bytes kept from the lie").isEqualTo(c.kept());
            assertThat(swarm.completed).as("chunks completed").isEqualTo(c.kept() == SIZE ? 2 : 0);
        }
    }

    /** Reads each request head and answers it with the case's bytes; then closes. */
    private void answer(ServerSocket server, LieCase c) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            for (String answer : c.answers()) {
                if (HttpHeadReader.read(in) == null) {
                    return;
                }
                s.getOutputStream().write(CaseBytes.parse(answer.replace("${size}", Integer.toString(SIZE))
                        .replace("${last}", Integer.toString(SIZE - 1))));
                s.getOutputStream().flush();
            }
        } catch (IOException e) {
            // the worker hung up first: that is its right
        }
    }

    /** Hands out the whole file as one run (two chunks) and counts what it is given. */
    private final class KeepingSwarm implements Swarm {
        long kept;
        int completed;
        boolean handedOut;
        Exception why;

        @Override
        public Urn urn() {
            return urn;
        }

        @Override
        public ChunkLayout layout() {
            return new ChunkLayout(SIZE, 64 * 1024);
        }

        @Override
        public Optional<ChunkScheduler.Run> nextRun(Source source, long maxBytes) {
            if (handedOut) {
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
            return true;
        }

        @Override
        public boolean writePiece(int chunk, long position, ByteBuffer bytes) {
            kept += bytes.remaining();
            bytes.position(bytes.limit());
            return true;
        }

        @Override
        public boolean completeChunk(int chunk, Source source) {
            completed++;
            return true;
        }

        @Override
        public boolean storeChunk(int chunk, Source source, ByteBuffer copy) {
            throw new AssertionError("no duplicates here");
        }

        @Override
        public String target(Source source) {
            return new RequestTarget.ByUrn(urn).path();
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
        }

        @Override
        public Optional<String> treeToFetch(Source source) {
            return Optional.empty();
        }

        @Override
        public void treeArrived(Source source, byte[] body) {
        }

        @Override
        public void treeFailed(Source source) {
        }

        @Override
        public void ended(Source source, Exception why) {
            this.why = why;
        }
    }
}
