package dev.shoal.transfer.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.GtkgCaptures;
import dev.shoal.transfer.TestFiles;
import dev.shoal.transfer.TestUploadServer;
import dev.shoal.transfer.http.HttpHead;
import dev.shoal.transfer.http.HttpHeadReader;
import dev.shoal.transfer.http.XQueue;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpUploadHandlerTest {
    private static final String NAME = "Café Récif – été.txt";
    private static final byte[] SECRET = "TOP-SECRET-MARKER-0123456789".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tmp;
    private byte[] data;
    private ServedFile file;
    private TestUploadServer server;

    @BeforeEach
    void setUp() throws IOException {
        data = TestFiles.random(100_000, 1);
        file = TestFiles.share(tmp.resolve("shared"), 3, NAME, data);
        // A file beside the share that no request may ever reach.
        Files.write(tmp.resolve("passwd"), SECRET);
        Files.write(tmp.resolve("shared").resolve("passwd"), SECRET);
        server = TestUploadServer.serving(file);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private RawHttp.Response get(String target, String... headers) throws IOException {
        return RawHttp.one(RawHttp.exchange(server.address(), request("GET", target, headers)));
    }

    private static String request(String method, String target, String... headers) {
        StringBuilder sb = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: x\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        return sb.append("Connection: close\r\n\r\n").toString();
    }

    private String n2r() {
        return "/uri-res/N2R?" + file.urn();
    }

    @Test
    void wholeFileByUrn() throws IOException {
        RawHttp.Response r = get(n2r());
        assertThat(r.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(r.header("Server")).isEqualTo("Shoal-Test/1.0");
        assertThat(r.header("Content-Type")).isEqualTo("application/binary");
        assertThat(r.header("Content-Length")).isEqualTo("100000");
        assertThat(r.header("X-Gnutella-Content-URN")).isEqualTo(file.urn().toString());
        assertThat(r.header("Connection")).isEqualTo("close");
        assertThat(r.header("Content-Range")).isNull();
        assertThat(r.body()).isEqualTo(data);
    }

    @Test
    void wholeFileByIndexAndEncodedName() throws IOException {
        RawHttp.Response r = get("/get/3/Caf%C3%A9%20R%C3%A9cif%20%E2%80%93%20%C3%A9t%C3%A9.txt");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(data);
    }

    @Test
    void indexWithWrongNameIsNotFound() throws IOException {
        assertThat(get("/get/3/other.txt").status()).isEqualTo(404);
        assertThat(get("/get/999/nothing.txt").status()).isEqualTo(404);
        assertThat(get("/get/3/").status()).isEqualTo(404);
    }

    @Test
    void closedRange() throws IOException {
        RawHttp.Response r = get(n2r(), "Range: bytes=100-299");
        assertThat(r.statusLine()).isEqualTo("HTTP/1.1 206 Partial Content");
        assertThat(r.header("Content-Range")).isEqualTo("bytes 100-299/100000");
        assertThat(r.header("Content-Length")).isEqualTo("200");
        assertThat(r.header("X-Gnutella-Content-URN")).isEqualTo(file.urn().toString());
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(data, 100, 300));
    }

    @Test
    void openAndSuffixRanges() throws IOException {
        RawHttp.Response open = get(n2r(), "Range: bytes=99000-");
        assertThat(open.header("Content-Range")).isEqualTo("bytes 99000-99999/100000");
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(data, 99000, 100000));

        RawHttp.Response suffix = get(n2r(), "Range: bytes=-10");
        assertThat(suffix.header("Content-Range")).isEqualTo("bytes 99990-99999/100000");
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(data, 99990, 100000));

        RawHttp.Response clipped = get(n2r(), "Range: bytes=99998-200000");
        assertThat(clipped.header("Content-Range")).isEqualTo("bytes 99998-99999/100000");
        assertThat(clipped.body()).hasSize(2);
    }

    @Test
    void unsatisfiableRangeIs416WithSize() throws IOException {
        for (String range : List.of("bytes=100000-", "bytes=200000-300000", "bytes=-0")) {
            RawHttp.Response r = get(n2r(), "Range: " + range);
            assertThat(r.statusLine()).isEqualTo("HTTP/1.1 416 Requested Range Not Satisfiable");
            assertThat(r.header("Content-Range")).isEqualTo("bytes */100000");
            assertThat(r.header("Content-Length")).isEqualTo("0");
            assertThat(r.header("X-Gnutella-Content-URN")).isEqualTo(file.urn().toString());
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    void reversedOrMalformedRangeIs400() throws IOException {
        for (String range : List.of("bytes=500-100", "bytes=abc", "lines=1-2", "bytes=1-2-3", "bytes=-")) {
            RawHttp.Response r = get(n2r(), "Range: " + range);
            assertThat(r.statusLine()).as(range).isEqualTo("HTTP/1.1 400 Malformed Range request");
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    void unknownUrnIs404() throws IOException {
        RawHttp.Response r = get("/uri-res/N2R?urn:sha1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
        assertThat(r.statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
        assertThat(r.header("Content-Length")).isEqualTo("0");
        assertThat(r.header("X-Gnutella-Content-URN")).isNull();
    }

    @Test
    void headSendsHeadersOnly() throws IOException {
        byte[] raw = RawHttp.exchange(server.address(), request("HEAD", n2r()));
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n")
                .contains("Content-Length: 100000\r\n")
                .contains("X-Gnutella-Content-URN: " + file.urn() + "\r\n");
    }

    @Test
    void keepAliveServesSeveralRequestsThenHonoursClose() throws IOException {
        String first = "GET " + n2r() + " HTTP/1.1\r\nRange: bytes=0-9\r\n\r\n";
        String second = "GET " + n2r() + " HTTP/1.1\r\nRange: bytes=10-19\r\n\r\n";
        String third = request("GET", n2r(), "Range: bytes=20-29");
        List<RawHttp.Response> rs = RawHttp.parseAll(RawHttp.exchange(server.address(), first + second + third));
        assertThat(rs).hasSize(3);
        assertThat(rs.get(0).header("Connection")).isNull();
        assertThat(rs.get(1).body()).isEqualTo(Arrays.copyOfRange(data, 10, 20));
        assertThat(rs.get(2).header("Connection")).isEqualTo("close");
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void http10ClosesByDefault() throws IOException {
        byte[] raw = RawHttp.exchange(server.address(), "GET " + n2r() + " HTTP/1.0\r\n\r\n"
                + "GET " + n2r() + " HTTP/1.0\r\n\r\n");
        assertThat(RawHttp.parseAll(raw)).hasSize(1);
    }

    @Test
    void pathTricksNeverEscapeTheLookup() throws IOException {
        List<String> targets = List.of(
                "/get/3/../../etc/passwd", "/get/1/../../etc/passwd", "/get/3/..%2f..%2fpasswd",
                "/get/3/%2e%2e/%2e%2e/passwd", "/get/3/%2e%2e%2fpasswd", "/passwd", "/shared/passwd",
                "/" + tmp.resolve("passwd"), "/get/3/" + tmp.resolve("passwd"), "/uri-res/N2R?../passwd",
                "/get/3/%00", "/get/3/Caf%C3%A9%00.txt", "/get/3/%zz", "/get/3/%C3", "//etc/passwd",
                "http://x/passwd", "passwd", "*", "/get/-1/x", "/get/99999999999999999999/x");
        for (String t : targets) {
            byte[] raw = RawHttp.exchange(server.address(), request("GET", t));
            RawHttp.Response r = RawHttp.one(raw);
            assertThat(r.status()).as(t).isIn(400, 404);
            assertThat(RawHttp.indexOf(raw, SECRET, 0)).as(t).isEqualTo(-1);
            assertThat(r.body()).as(t).isEmpty();
        }
    }

    @Test
    void nulByteInRequestLineIs400AndCloses() throws IOException {
        byte[] raw = RawHttp.exchange(server.address(),
                "GET /get/3/a\0b HTTP/1.1\r\n\r\nGET " + n2r() + " HTTP/1.1\r\n\r\n");
        RawHttp.Response r = RawHttp.one(raw);
        assertThat(r.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(r.header("Connection")).isEqualTo("close");
    }

    @Test
    void overLongRequestLineIs414AndCloses() throws IOException {
        String target = "/get/3/" + "a".repeat(9000);
        RawHttp.Response r = RawHttp.one(RawHttp.exchange(server.address(), request("GET", target)));
        assertThat(r.statusLine()).isEqualTo("HTTP/1.1 414 URI Too Long");
        assertThat(r.header("Connection")).isEqualTo("close");
    }

    @Test
    void headerLimitsAre431() throws IOException {
        String big = "X-Big: " + "b".repeat(17 * 1024);
        RawHttp.Response r = RawHttp.one(RawHttp.exchange(server.address(), request("GET", n2r(), big)));
        assertThat(r.statusLine()).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");

        String[] many = new String[101];
        for (int i = 0; i < many.length; i++) {
            many[i] = "X-H" + i + ": v";
        }
        RawHttp.Response r2 = RawHttp.one(RawHttp.exchange(server.address(), request("GET", n2r(), many)));
        assertThat(r2.status()).isEqualTo(431);
        assertThat(r2.header("Connection")).isEqualTo("close");
    }

    @Test
    void garbageIs400() throws IOException {
        for (String junk : List.of("\u0001\u0002\u0003 hello\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\n\r\n",
                "GET / HTTP/1.1\r\nno colon here\r\n\r\n", "GET / HTTP/1.1\r\n: empty\r\n\r\n",
                "GET / HTTP/1.1\rX\r\n\r\n", "GE(T / HTTP/1.1\r\n\r\n")) {
            RawHttp.Response r = RawHttp.one(RawHttp.exchange(server.address(), junk));
            assertThat(r.status()).as(junk).isEqualTo(400);
            assertThat(r.header("Connection")).isEqualTo("close");
        }
    }

    @Test
    void otherMethodsAre501AndBodiesRefused() throws IOException {
        assertThat(RawHttp.one(RawHttp.exchange(server.address(), request("POST", n2r()))).status()).isEqualTo(501);
        assertThat(RawHttp.one(RawHttp.exchange(server.address(),
                request("GET", n2r(), "Content-Length: 5") + "hello")).status()).isEqualTo(400);
    }

    @Test
    void silentOrTruncatedClientsAreDroppedQuietly() throws IOException {
        assertThat(RawHttp.exchange(server.address(), "")).isEmpty();
        assertThat(RawHttp.exchange(server.address(), "GET / HTTP/1.1\r\nHost")).isEmpty();
    }

    @Test
    void busySlotsAnswer503WithQueuePositionThenServeInOrder() throws IOException {
        server.close();
        server = TestUploadServer.serving(new UploadSlots(1, java.time.Duration.ofSeconds(7)), 0, file);
        try (Socket holder = new Socket(); Socket waiter = new Socket()) {
            holder.connect(server.address());
            waiter.connect(server.address());
            holder.setSoTimeout(5000);
            waiter.setSoTimeout(5000);
            String ranged = "GET " + n2r() + " HTTP/1.1\r\nRange: bytes=0-9\r\n\r\n";
            holder.getOutputStream().write(ranged.getBytes(StandardCharsets.US_ASCII));
            assertThat(readOneResponse(holder).status()).isEqualTo(206);

            waiter.getOutputStream().write(ranged.getBytes(StandardCharsets.US_ASCII));
            RawHttp.Response busy = readOneResponse(waiter);
            assertThat(busy.statusLine()).isEqualTo("HTTP/1.1 503 Busy");
            assertThat(busy.header("Retry-After")).isEqualTo("7");
            assertThat(XQueue.parse(busy.header("X-Queue"))).contains(new XQueue(1, 7, 14));
            assertThat(busy.header("X-Gnutella-Content-URN")).isEqualTo(file.urn().toString());

            holder.close();
            // The slot is freed when its connection ends; the waiter gets it on a later poll.
            RawHttp.Response[] served = new RawHttp.Response[1];
            await().pollInterval(Duration.ofMillis(50)).until(() -> {
                waiter.getOutputStream().write(ranged.getBytes(StandardCharsets.US_ASCII));
                served[0] = readOneResponse(waiter);
                return served[0].status() != 503;
            });
            assertThat(served[0].status()).isEqualTo(206);
            assertThat(served[0].body()).isEqualTo(Arrays.copyOfRange(data, 0, 10));
        }
    }

    @Test
    void altLocationsAreLearntAndHandedOut() throws IOException {
        get(n2r(), "Range: bytes=0-0", "X-Alt: 127.10.0.1:6347, 127.10.0.2, tls=F8, host.example:1");
        RawHttp.Response r = get(n2r(), "Range: bytes=0-0");
        assertThat(r.header("X-Alt")).contains("127.10.0.1:6347").contains("127.10.0.2:6346")
                .doesNotContain("host.example");
    }

    @Test
    void matchesGtkGnutellaCaptureForTheSameFile() throws IOException {
        byte[] capture = GtkgCaptures.read("http-range-206.txt");
        byte[] full = GtkgCaptures.read("http-uri-res-200.txt");
        byte[] crlf2 = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int reqEnd = RawHttp.indexOf(full, crlf2, 0) + 4;
        int bodyStart = RawHttp.indexOf(full, crlf2, reqEnd) + 4;
        byte[] guide = Arrays.copyOfRange(full, bodyStart, full.length);
        assertThat(guide).hasSize(7200);
        ServedFile shared = TestFiles.share(tmp.resolve("gtkg"), 5, "ubuntu-linux-guide.txt", guide);
        assertThat(shared.urn().base32()).isEqualTo("5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ");

        int capReqEnd = RawHttp.indexOf(capture, crlf2, 0) + 4;
        RawHttp.Response theirs = RawHttp.one(Arrays.copyOfRange(capture, capReqEnd, capture.length));
        try (TestUploadServer ours = TestUploadServer.serving(shared)) {
            RawHttp.Response mine = RawHttp.one(RawHttp.exchange(ours.address(), Arrays.copyOf(capture, capReqEnd)));
            assertThat(mine.statusLine()).isEqualTo(theirs.statusLine());
            for (String h : List.of("Content-Range", "Content-Length", "X-Gnutella-Content-URN", "Connection")) {
                assertThat(mine.header(h)).as(h).isEqualTo(theirs.header(h));
            }
            assertThat(mine.body()).isEqualTo(theirs.body());
        }
    }

    @Test
    void failingLookupCostsOnlyThatConnection() throws IOException {
        SharedFileLookup broken = new SharedFileLookup() {
            @Override
            public java.util.Optional<ServedFile> byUrn(dev.shoal.protocol.Urn urn) {
                throw new IllegalStateException("index closed");
            }

            @Override
            public java.util.Optional<ServedFile> byIndex(long index) {
                throw new IllegalStateException("index closed");
            }
        };
        try (TestUploadServer s = new TestUploadServer(TestUploadServer.handler(broken, new UploadSlots(), 0, "x"))) {
            RawHttp.Response r = RawHttp.one(RawHttp.exchange(s.address(), request("GET", n2r())));
            assertThat(r.statusLine()).isEqualTo("HTTP/1.1 500 Internal Server Error");
            assertThat(RawHttp.one(RawHttp.exchange(s.address(), request("GET", "/get/1/a"))).status()).isEqualTo(500);
        }
    }

    private static RawHttp.Response readOneResponse(Socket s) throws IOException {
        var in = s.getInputStream();
        HttpHead head = HttpHeadReader.read(in);
        int length = Integer.parseInt(head.first("Content-Length").orElse("0"));
        byte[] body = in.readNBytes(length);
        List<String> lines = head.headers().stream().map(h -> h.name() + ": " + h.value()).toList();
        return new RawHttp.Response(head.startLine(), lines, body);
    }
}
