package dev.shoal.transfer.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.GtkgCaptures;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.GgepExtension;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.Urn;
import dev.shoal.transfer.AltLocs;
import dev.shoal.transfer.TestFiles;
import dev.shoal.transfer.TestUploadServer;
import dev.shoal.transfer.browse.BrowseFetch;
import dev.shoal.transfer.http.ChunkedInputStream;
import dev.shoal.transfer.http.HttpHead;
import dev.shoal.transfer.http.HttpHeadReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What we answer to a browse host request, byte for byte, next to what gtk-gnutella answers. */
class BrowseResponderTest {
    private static final String ASK = "GET / HTTP/1.1\r\nHost: x\r\nAccept: application/x-gnutella-packets\r\n";

    @TempDir
    Path tmp;
    private final AtomicBoolean enabled = new AtomicBoolean(true);
    private final List<String> refused = new ArrayList<>();
    private final AtomicInteger filesServed = new AtomicInteger();
    private TestUploadServer server;
    private ServedFile file;

    private TestUploadServer serve(SharedList list) throws IOException {
        file = TestFiles.share(tmp.resolve("shared"), 1, "one.txt", "one".getBytes(StandardCharsets.US_ASCII));
        Bandwidth unlimited = new Bandwidth(0, TestUploadServer.SYSTEM_TIME);
        UploadListener listener = new UploadListener() {
            @Override
            public void requestRefused(InetSocketAddress remote, String requestLine, int status) {
                refused.add(status + " " + requestLine);
            }

            @Override
            public void browseServed(InetSocketAddress remote, long files, long bytes, boolean complete) {
                filesServed.addAndGet((int) files);
            }
        };
        server = new TestUploadServer(new HttpUploadHandler(TestFiles.lookup(file), new UploadSlots(), unlimited,
                listener, "Shoal-Test/1.0", new AltLocs(), TestUploadServer.SYSTEM_TIME.clock(),
                new BrowseResponder(list, enabled::get, unlimited, listener, "Shoal-Test/1.0")));
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** {@code files} files, ten to a hit, as the node's listing makes them. */
    static List<Frame> frames(int files) {
        List<Frame> frames = new ArrayList<>();
        for (int first = 0; first < files; first += QueryHit.MAX_RESULTS) {
            List<QueryHit.Result> results = new ArrayList<>();
            for (int i = first; i < Math.min(files, first + QueryHit.MAX_RESULTS); i++) {
                byte[] sha1 = ByteBuffer.allocate(20).putInt(i).array();
                results.add(QueryHit.Result.of(i + 1, 500 + i, "shared file number " + i + ".ogg", Urn.sha1(sha1)));
            }
            QueryHit hit = new QueryHit(new InetSocketAddress("127.0.0.1", 6346), 10_000, results, "SHOL",
                    QueryHit.Flags.of(false, false, false, false, true), Ggep.of(GgepExtension.flag("BH")),
                    new byte[0], Guid.ZERO);
            frames.add(MessageCodec.frame(Guid.ZERO, 1, 0, hit));
        }
        return frames;
    }

    private static byte[] concat(List<Frame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(f -> out.writeBytes(f.toBytes()));
        return out.toByteArray();
    }

    /** One exchange on a connection of its own: the head, and the body as sent (still framed). */
    private record Answer(HttpHead head, byte[] body) {
        String header(String name) {
            return head.first(name).orElse(null);
        }
    }

    private Answer ask(String request) throws IOException {
        byte[] raw = RawHttp.exchange(server.address(), request + "Connection: close\r\n\r\n");
        InputStream in = new ByteArrayInputStream(raw);
        HttpHead head = HttpHeadReader.read(in);
        return new Answer(head, in.readAllBytes());
    }

    @Test
    void theListGoesOutChunkedWithGtkGnutellasHeadersAndItsMessageFormat() throws IOException {
        List<Frame> frames = frames(95);
        serve(local -> frames.iterator());

        Answer a = ask(ASK);

        HttpHead gtkg = HttpHeadReader.read(new ByteArrayInputStream(Arrays.copyOfRange(
                GtkgCaptures.read("http-browse-host.txt"), 133, 514)));
        assertThat(a.head().startLine()).isEqualTo(gtkg.startLine()).isEqualTo("HTTP/1.1 200 OK");
        for (String same : List.of("Content-Type", "Transfer-Encoding", "Connection")) {
            assertThat(a.header(same)).as(same).isEqualTo(gtkg.first(same).orElseThrow());
        }
        assertThat(a.header("X-Features")).isEqualTo("browse/1.0");
        assertThat(gtkg.first("X-Features").orElseThrow()).contains("browse/1.0");
        assertThat(a.header("Content-Length")).isNull();
        assertThat(a.header("Content-Encoding")).isNull();
        byte[] body = new ChunkedInputStream(new ByteArrayInputStream(a.body())).readAllBytes();
        assertThat(body).isEqualTo(concat(frames));
        assertThat(messageHeaders(body)).hasSize(10).allSatisfy(BrowseResponderTest::looksLikeGtkGnutellas);
        assertThat(messageHeaders(GtkgCaptures.read("browse-host-body-dechunked.stream")))
                .allSatisfy(BrowseResponderTest::looksLikeGtkGnutellas);
        // The server counts its answer after the last chunk is out, which the client may read first.
        await().atMost(Duration.ofSeconds(10)).until(() -> filesServed.get() == 95);
    }

    private static List<Header> messageHeaders(byte[] stream) {
        List<Header> headers = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(stream);
        while (b.hasRemaining()) {
            try {
                Header h = Header.read(b, 65_535);
                headers.add(h);
                b.position(b.position() + h.payloadLength());
            } catch (dev.shoal.protocol.FramingException e) {
                throw new AssertionError(e);
            }
        }
        return headers;
    }

    private static void looksLikeGtkGnutellas(Header h) {
        assertThat(h.guid()).isEqualTo(Guid.ZERO);
        assertThat(h.type()).isEqualTo(MessageType.QUERY_HIT);
        assertThat(h.ttl()).isEqualTo(1);
        assertThat(h.hops()).isZero();
    }

    @Test
    void deflateIsOneZlibStreamUnderTheChunks() throws IOException {
        List<Frame> frames = frames(300);
        serve(local -> frames.iterator());

        Answer a = ask(ASK + "Accept-Encoding: deflate\r\n");

        assertThat(a.header("Content-Encoding")).isEqualTo("deflate");
        assertThat(a.header("Transfer-Encoding")).isEqualTo("chunked");
        byte[] deflated = new ChunkedInputStream(new ByteArrayInputStream(a.body())).readAllBytes();
        assertThat(deflated[0]).isEqualTo((byte) 0x78);
        assertThat(deflated.length).isLessThan(concat(frames).length / 3);
        assertThat(new InflaterInputStream(new ByteArrayInputStream(deflated)).readAllBytes())
                .isEqualTo(concat(frames));
    }

    @Test
    void clientsThatReadNoChunksGetTheListUntilTheConnectionCloses() throws IOException {
        List<Frame> frames = frames(25);
        serve(local -> frames.iterator());

        for (String request : List.of(ASK.replace("HTTP/1.1", "HTTP/1.0"), ASK + "User-Agent: LimeWire/5.5.16\r\n")) {
            Answer a = ask(request);
            assertThat(a.header("Transfer-Encoding")).isNull();
            assertThat(a.header("Connection")).isEqualTo("close");
            assertThat(a.body()).isEqualTo(concat(frames));
        }
    }

    @Test
    void ourOwnBrowserReadsWhatWeServeAndTheConnectionCarriesTheNextRequest() throws IOException {
        List<Frame> frames = frames(42);
        serve(local -> frames.iterator());
        List<QueryHit> got = new ArrayList<>();
        try (Socket s = new Socket()) {
            s.connect(server.address(), 5000);
            s.setSoTimeout(10_000);
            BrowseFetch.Outcome outcome = BrowseFetch.run(s.getInputStream(), s.getOutputStream(), "x", "Shoal-Test",
                    new BrowseFetch.Limits(1000, 1 << 20, 65_535, 0), (h, hit) -> got.add(hit));
            assertThat(outcome.files()).isEqualTo(42);
        }
        assertThat(got).hasSize(5).allSatisfy(h -> assertThat(h.browseHost()).isTrue());

        byte[] twoRequests = (ASK + "\r\nGET /uri-res/N2R?" + file.urn() + " HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(RawHttp.exchange(server.address(),
                twoRequests)));
        assertThat(HttpHeadReader.read(in).startLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(new ChunkedInputStream(in).readAllBytes()).isEqualTo(concat(frames));
        assertThat(HttpHeadReader.read(in).first("X-Gnutella-Content-URN")).contains(file.urn().toString());
        assertThat(in.readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("one");
    }

    @Test
    void turnedOffItRefusesWith403AndStopsAdvertisingIt() throws IOException {
        serve(local -> frames(5).iterator());
        assertThat(ask("GET /uri-res/N2R?" + file.urn() + " HTTP/1.1\r\n").header("X-Features"))
                .isEqualTo("browse/1.0");
        enabled.set(false);

        Answer a = ask(ASK);

        assertThat(a.head().startLine()).isEqualTo("HTTP/1.1 403 Browse Host Disabled");
        assertThat(a.header("Content-Length")).isEqualTo("0");
        assertThat(a.header("X-Features")).isNull();
        assertThat(a.body()).isEmpty();
        assertThat(ask("GET /uri-res/N2R?" + file.urn() + " HTTP/1.1\r\n").header("X-Features")).isNull();
        assertThat(refused).containsExactly("403 GET / HTTP/1.1");
    }

    @Test
    void withoutOurMediaTypeInAcceptTheAnswerIs406AndHeadGetsNoBody() throws IOException {
        serve(local -> frames(5).iterator());

        assertThat(ask("GET / HTTP/1.1\r\nAccept: text/html\r\n").head().startLine())
                .isEqualTo("HTTP/1.1 406 Not Acceptable");
        Answer head = ask(ASK.replace("GET", "HEAD"));
        assertThat(head.head().startLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(head.header("Content-Type")).isEqualTo("application/x-gnutella-packets");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void theListIsBuiltAsItIsSentNeverAllAtOnce() throws IOException {
        int files = 100_000;
        int slack = 100;
        AtomicInteger received = new AtomicInteger();
        AtomicInteger built = new AtomicInteger();
        serve(local -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return built.get() * QueryHit.MAX_RESULTS < files;
            }

            @Override
            public Frame next() {
                // A responder that built the whole list before sending would wait here forever.
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (built.get() - received.get() > slack) {
                    if (System.nanoTime() > until) {
                        throw new IllegalStateException("built " + built + " hits, the browser has " + received);
                    }
                    LockSupport.parkNanos(100_000);
                }
                return hitNumber(built.getAndIncrement());
            }
        });
        try (Socket s = new Socket()) {
            s.connect(server.address(), 5000);
            s.setSoTimeout(20_000);
            BrowseFetch.Outcome outcome = BrowseFetch.run(s.getInputStream(), s.getOutputStream(), "x", "Shoal-Test",
                    new BrowseFetch.Limits(files, 1L << 30, 65_535, 0), (h, hit) -> received.incrementAndGet());
            assertThat(outcome.files()).isEqualTo(files);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> filesServed.get() == files);
    }

    private static Frame hitNumber(int n) {
        List<QueryHit.Result> results = new ArrayList<>();
        for (int i = 0; i < QueryHit.MAX_RESULTS; i++) {
            int file = n * QueryHit.MAX_RESULTS + i;
            results.add(QueryHit.Result.of(file + 1, 1000, "file " + file + ".txt",
                    Urn.sha1(ByteBuffer.allocate(20).putInt(file).array())));
        }
        return MessageCodec.frame(Guid.ZERO, 1, 0, new QueryHit(new InetSocketAddress("127.0.0.1", 6346), 1, results,
                "SHOL", null, Ggep.EMPTY, new byte[0], Guid.ZERO));
    }

    @Test
    void atMostAFewBrowsesRunAtOnceTheNextIsToldToComeBack() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        serve(local -> new Iterator<>() {
            private boolean sent;

            @Override
            public boolean hasNext() {
                return !sent;
            }

            @Override
            public Frame next() {
                started.incrementAndGet();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sent = true;
                return frames(1).get(0);
            }
        });
        List<Socket> holding = new ArrayList<>();
        try {
            for (int i = 0; i < BrowseResponder.MAX_CONCURRENT; i++) {
                Socket s = new Socket();
                s.connect(server.address(), 5000);
                s.getOutputStream().write((ASK + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                holding.add(s);
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> started.get() == BrowseResponder.MAX_CONCURRENT);

            Answer busy = ask(ASK);

            assertThat(busy.head().startLine()).isEqualTo("HTTP/1.1 503 Busy");
            assertThat(busy.header("Retry-After")).isEqualTo("60");
        } finally {
            release.countDown();
            for (Socket s : holding) {
                s.close();
            }
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> ask(ASK).head().startLine().equals("HTTP/1.1 200 OK"));
    }
}
