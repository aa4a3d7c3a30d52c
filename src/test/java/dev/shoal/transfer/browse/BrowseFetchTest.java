package dev.shoal.transfer.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.GtkgCaptures;
import dev.shoal.JsonTree;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.Urn;
import dev.shoal.transfer.http.ChunkedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterInputStream;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/** Reading a host's answer to a browse: every framing and encoding servents use, and every way it can go wrong. */
class BrowseFetchTest {
    private static final BrowseFetch.Limits LIMITS = new BrowseFetch.Limits(1000, 1024 * 1024, 65_535, 3);
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: application/x-gnutella-packets\r\n";

    private final List<QueryHit> got = new ArrayList<>();
    private final List<Header> headers = new ArrayList<>();
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    private BrowseFetch.Outcome fetch(InputStream answer, BrowseFetch.Limits limits) throws IOException {
        return BrowseFetch.run(answer, sent, "127.0.0.1:6346", "Shoal-Test/1.0", limits, (h, hit) -> {
            headers.add(h);
            got.add(hit);
        });
    }

    private BrowseFetch.Outcome fetch(byte[] answer) throws IOException {
        return fetch(new ByteArrayInputStream(answer), LIMITS);
    }

    private static byte[] bytes(String head, byte[] body) {
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private static byte[] hits(int count, int perHit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int first = 0; first < count; first += perHit) {
            out.writeBytes(MessageCodec.frame(Guid.ZERO, 1, 0, hit(first, Math.min(perHit, count - first))).toBytes());
        }
        return out.toByteArray();
    }

    private static QueryHit hit(int first, int n) {
        List<QueryHit.Result> results = new ArrayList<>();
        for (int i = first; i < first + n; i++) {
            byte[] sha1 = new byte[20];
            sha1[0] = (byte) i;
            sha1[1] = (byte) (i >> 8);
            results.add(QueryHit.Result.of(i + 1, 1000 + i, "file " + i + ".txt", Urn.sha1(sha1)));
        }
        return new QueryHit(new InetSocketAddress("127.0.0.1", 6346), 64, results, "TEST",
                QueryHit.Flags.of(false, false, false, false, false), Ggep.EMPTY, new byte[0], Guid.ZERO);
    }

    private static byte[] chunked(byte[] body, boolean deflate, boolean zlibHeader) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        OutputStream chunks = new ChunkedOutputStream(wire);
        OutputStream out = deflate ? new DeflaterOutputStream(chunks, new Deflater(Deflater.DEFAULT_COMPRESSION,
                !zlibHeader), 512, true) : chunks;
        for (int i = 0; i < body.length; i += 700) {
            out.write(body, i, Math.min(700, body.length - i));
            out.flush();
        }
        out.close();
        return wire.toByteArray();
    }

    private List<String> names() {
        return got.stream().flatMap(h -> h.results().stream()).map(QueryHit.Result::name).toList();
    }

    @Test
    void gtkGnutellasCapturedAnswerIsReadAndOurRequestIsWhatABrowserSends() throws IOException {
        byte[] exchange = GtkgCaptures.read("http-browse-host.txt");
        Object expected = JsonTree.parse(new String(GtkgCaptures.read("expected.json"), StandardCharsets.UTF_8));
        int answerAt = (int) JsonTree.num(JsonTree.obj(JsonTree.obj(expected, "http"), "http-browse-host.txt"),
                "response_offset");

        BrowseFetch.Outcome outcome = fetch(Arrays.copyOfRange(exchange, answerAt, exchange.length));

        List<Object> messages = JsonTree.list(JsonTree.obj(expected, "browse_host_stream"), "messages");
        assertThat(names()).containsExactlyElementsOf(JsonTree.list(messages.get(0), "names").stream()
                .map(Object::toString).toList());
        assertThat(outcome).isEqualTo(new BrowseFetch.Outcome(6, false, 0));
        assertThat(headers).singleElement().satisfies(h -> {
            assertThat(h.guid()).isEqualTo(Guid.ZERO);
            assertThat(h.ttl()).isEqualTo(1);
            assertThat(h.hops()).isZero();
        });
        assertThat(got.get(0).results()).allSatisfy(r -> assertThat(r.urns()).hasSize(1));
        assertThat(sent.toString(StandardCharsets.ISO_8859_1)).startsWith("GET / HTTP/1.1\r\n")
                .contains("\r\nAccept: application/x-gnutella-packets\r\n", "\r\nAccept-Encoding: deflate\r\n");
    }

    @Test
    void chunkedDeflatedPlainAndCountedBodiesAllGiveTheSameList() throws IOException {
        byte[] list = hits(95, 10);
        List<byte[]> answers = List.of(
                bytes(OK + "Transfer-Encoding: chunked\r\n\r\n", chunked(list, false, true)),
                bytes(OK + "Transfer-Encoding: chunked\r\nContent-Encoding: deflate\r\n\r\n", chunked(list, true, true)),
                bytes(OK + "Transfer-Encoding: chunked\r\nContent-Encoding: deflate\r\n\r\n", chunked(list, true, false)),
                bytes(OK + "Content-Length: " + list.length + "\r\n\r\n", list),
                bytes(OK + "Connection: close\r\n\r\n", list));
        for (byte[] answer : answers) {
            got.clear();
            assertThat(fetch(answer)).isEqualTo(new BrowseFetch.Outcome(95, false, 0));
            assertThat(names()).hasSize(95).startsWith("file 0.txt").endsWith("file 94.txt");
        }
    }

    @Test
    void refusalsSayWhetherTheHostWillNotOrCannot() {
        String[][] cases = {
            {"HTTP/1.1 403 Browse Host Disabled\r\n\r\n", "REFUSED", "(403 Browse Host Disabled)"},
            {"HTTP/1.1 503 Busy\r\nRetry-After: 60\r\n\r\n", "REFUSED", "(503 Busy)"},
            {"HTTP/1.1 429 Cannot Browse Too Often\r\n\r\n", "REFUSED", "(429 Cannot Browse Too Often)"},
            {"HTTP/1.1 406 Not Acceptable\r\n\r\n", "UNSUPPORTED", "does not offer browsing (406 Not Acceptable)"},
            {"HTTP/1.1 404 Not Found\r\n\r\n", "UNSUPPORTED", "(404 Not Found)"},
            {"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>", "UNSUPPORTED", "sent text/html"},
            {"GNUTELLA/0.6 200 OK\r\n\r\n", "BAD_ANSWER", "not an HTTP/1.x status line"},
            {"", "BAD_ANSWER", "without answering"},
            {OK + "Content-Encoding: gzip\r\n\r\n", "BAD_ANSWER", "gzip"},
            {OK + "Transfer-Encoding: gzip\r\n\r\n", "BAD_ANSWER", "Transfer-Encoding"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> fetch(c[0].getBytes(StandardCharsets.ISO_8859_1))).as(c[0])
                    .isInstanceOfSatisfying(BrowseFailure.class,
                            f -> assertThat(f.reason()).isEqualTo(BrowseFailure.Reason.valueOf(c[1])))
                    .hasMessageContaining(c[2]);
        }
    }

    @Test
    void garbageAfterAGoodHeadIsRefusedAtOnce() {
        byte[] noise = new byte[100_000];
        new Random(9).nextBytes(noise);
        assertThatThrownBy(() -> fetch(bytes(OK + "\r\n", noise)))
                .isInstanceOfSatisfying(BrowseFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(BrowseFailure.Reason.BAD_ANSWER))
                .hasMessageContaining("not a stream of Gnutella messages");
    }

    @Test
    void aListCutInsideAMessageOrShortOfItsLengthIsBroken() {
        byte[] list = hits(20, 10);
        byte[] cut = Arrays.copyOf(list, list.length - 5);
        assertThatThrownBy(() -> fetch(bytes(OK + "\r\n", cut))).hasMessageContaining("ended inside a message");
        assertThatThrownBy(() -> fetch(bytes(OK + "Content-Length: " + list.length + "\r\n\r\n", cut)))
                .hasMessageContaining("before its Content-Length");
    }

    @Test
    void hitsThatDoNotDecodeAreSkippedUpToALimitAndOtherMessagesIgnored() throws IOException {
        byte[] broken = MessageCodec.frame(Guid.ZERO, 1, 0, hit(0, 1)).toBytes();
        broken[23] = 9; // says nine results where one is
        byte[] ping = new Frame(new Header(Guid.ZERO, MessageType.PING, 1, 0, 0), new byte[0]).toBytes();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(broken);
        body.writeBytes(ping);
        body.writeBytes(hits(3, 10));
        assertThat(fetch(bytes(OK + "\r\n", body.toByteArray()))).isEqualTo(new BrowseFetch.Outcome(3, false, 1));

        ByteArrayOutputStream many = new ByteArrayOutputStream();
        for (int i = 0; i <= LIMITS.maxBadMessages(); i++) {
            many.writeBytes(broken);
        }
        assertThatThrownBy(() -> fetch(bytes(OK + "\r\n", many.toByteArray())))
                .hasMessageContaining("more than " + LIMITS.maxBadMessages() + " malformed hits");
    }

    @Test
    void aListThatNeverEndsIsCutAtTheFileLimitHoldingOnlyThatMany() throws IOException {
        byte[] tenHits = hits(100, 10);
        InputStream endless = new SequenceInputStream(new ByteArrayInputStream((OK + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1)), new InputStream() {
                    private int at;

                    @Override
                    public int read() {
                        return tenHits[at++ % tenHits.length] & 0xFF;
                    }
                });

        BrowseFetch.Outcome outcome = fetch(endless, new BrowseFetch.Limits(995, 1 << 30, 65_535, 3));

        assertThat(outcome).isEqualTo(new BrowseFetch.Outcome(995, true, 0));
        assertThat(names()).hasSize(995);
    }

    @Test
    void anEndlessDeflatedStreamIsCutAtTheByteLimitWhateverItInflatesTo() {
        InputStream zeros = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        InputStream answer = new SequenceInputStream(new ByteArrayInputStream((OK + "Content-Encoding: deflate\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1)), new DeflaterInputStream(zeros));

        assertThatThrownBy(() -> fetch(answer, LIMITS))
                .isInstanceOfSatisfying(BrowseFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(BrowseFailure.Reason.TOO_LARGE))
                .hasMessageContaining("longer than " + LIMITS.maxBodyBytes() + " bytes");
    }
}
