package dev.shoal.transfer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.protocol.Urn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Response heads as bytes off the wire, the way a downloader reads them. */
class HttpResponseTest {
    private static final String URN = "urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ";

    private static HttpResponse read(String head) throws IOException {
        return HttpResponse.parse(HttpHeadReader.read(
                new ByteArrayInputStream((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1))));
    }

    private static void assertBadAnswer(String head) {
        assertThatThrownBy(() -> read(head)).as(head).isInstanceOfSatisfying(HttpProtocolException.class,
                e -> assertThat(e.status()).isEqualTo(HttpResponse.BAD_ANSWER));
    }

    @Test
    void aPartialAnswerAsGtkGnutellaSendsIt() throws IOException {
        HttpResponse r = read("HTTP/1.1 206 Partial Content\r\nServer: gtk-gnutella/1.2.2\r\n"
                + "Content-Range: bytes 100-299/7200\r\nContent-Length: 200\r\n"
                + "X-Gnutella-Content-URN: " + URN + "\r\nX-Alt: 127.1.2.3:6347, tls=C0\r\nX-Alt: 127.1.2.4");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.reason()).isEqualTo("Partial Content");
        assertThat(r.keepAlive()).isTrue();
        assertThat(r.contentRange()).contains(new ContentRange(new ByteRange(100, 299), 7200));
        assertThat(r.contentLength()).isEqualTo(OptionalLong.of(200));
        assertThat(r.contentUrn()).contains(Urn.parse(URN));
        assertThat(r.altLocations()).containsExactly(
                new InetSocketAddress(InetAddress.getByName("127.1.2.3"), 6347),
                new InetSocketAddress(InetAddress.getByName("127.1.2.4"), 6346));
    }

    @Test
    void aBusyAnswerSaysWhenToComeBackAndWhereWeStandInLine() throws IOException {
        HttpResponse r = read("HTTP/1.1 503 Busy\r\nRetry-After: 7\r\n"
                + "X-Queue: position=3, length=9, limit=4, pollMin=7, pollMax=14\r\nContent-Length: 0");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(r.queue()).contains(new XQueue(3, 7, 14));
        assertThat(r.contentRange()).isEmpty();
        assertThat(r.contentUrn()).isEmpty();
        assertThat(r.altLocations()).isEmpty();
    }

    @Test
    void theStatusLineIsStrictButTheReasonIsOptional() throws IOException {
        assertThat(read("HTTP/1.1 200").reason()).isEmpty();
        assertThat(read("HTTP/1.0 404 Not Found").status()).isEqualTo(404);
        for (String bad : List.of("GNUTELLA/0.6 200 OK", "HTTP/2 200 OK", "HTTP/1.1 20 OK", "HTTP/1.1 2000 OK",
                "HTTP/1.1 +20 OK", "HTTP/1.1  200 OK", "HTTP/1.x 200 OK", "HTTP/1.1 200OK", "HTTP/1.1 099 Low",
                "http/1.1 200 OK", "GET / HTTP/1.1")) {
            assertBadAnswer(bad);
        }
    }

    @Test
    void whetherTheConnectionStaysOpenFollowsTheVersion() throws IOException {
        assertThat(read("HTTP/1.1 200 OK\r\nConnection: Keep-Alive, close").keepAlive()).isFalse();
        assertThat(read("HTTP/1.0 200 OK").keepAlive()).isFalse();
        assertThat(read("HTTP/1.0 200 OK\r\nConnection: keep-alive").keepAlive()).isTrue();
    }

    @Test
    void lengthsAndRangesThatDecideWhichBytesAreWhoseAreStrict() throws IOException {
        assertThat(read("HTTP/1.1 200 OK").contentLength()).isEmpty();
        for (String bad : List.of("-1", "+5", "5 5", "0x10", "", "9999999999999999999")) {
            assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: " + bad).contentLength()).as(bad)
                    .isInstanceOf(HttpProtocolException.class);
        }
        for (String bad : List.of("bytes */7200", "bytes 0-7200/7200", "items 0-1/2", "bytes 5-1/9")) {
            assertThatThrownBy(() -> read("HTTP/1.1 206 Partial Content\r\nContent-Range: " + bad).contentRange())
                    .as(bad).isInstanceOf(HttpProtocolException.class);
        }
    }

    @Test
    void adviceThatCannotBeReadIsLeftOut() throws IOException {
        HttpResponse r = read("HTTP/1.1 503 Busy\r\nRetry-After: Fri, 31 Dec 1999 23:59:59 GMT\r\n"
                + "X-Queue: length=3\r\nX-Gnutella-Content-URN: urn:tree:tiger:ABC\r\nX-Content-URN: " + URN);
        assertThat(r.retryAfter()).isEmpty();
        assertThat(r.queue()).isEmpty();
        // The newer header wins even when it names a hash we do not use.
        assertThat(r.contentUrn()).isEmpty();
        assertThat(read("HTTP/1.1 200 OK\r\nX-Content-URN: " + URN).contentUrn()).contains(Urn.parse(URN));
        assertThat(read("HTTP/1.1 503 Busy\r\nRetry-After: -5").retryAfter()).isEmpty();
    }
}
