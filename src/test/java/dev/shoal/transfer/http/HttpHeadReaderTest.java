package dev.shoal.transfer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpHeadReaderTest {
    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Hands out one byte per read, like a slow network. */
    private static InputStream trickle(String s) {
        InputStream in = bytes(s);
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void readsHeadAndLeavesTheBody() throws IOException {
        InputStream in = trickle("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-1/2\r\n"
                + "X-Alt: 127.1.2.4\r\nx-alt:  127.5.6.8 \r\n\r\nAB");
        HttpHead h = HttpHeadReader.read(in);
        assertThat(h.startLine()).isEqualTo("HTTP/1.1 206 Partial Content");
        assertThat(h.first("content-range")).contains("bytes 0-1/2");
        assertThat(h.all("X-ALT")).containsExactly("127.1.2.4", "127.5.6.8");
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("AB");
    }

    @Test
    void acceptsBareLfFoldingAndLeadingEmptyLines() throws IOException {
        HttpHead h = HttpHeadReader.read(bytes("\r\nGET / HTTP/1.0\nX-A: one\n  two\n\n"));
        assertThat(h.startLine()).isEqualTo("GET / HTTP/1.0");
        assertThat(h.first("X-A")).contains("one two");
    }

    @Test
    void cleanEofIsNullAndTruncatedHeadIsEof() throws IOException {
        assertThat(HttpHeadReader.read(bytes(""))).isNull();
        assertThatThrownBy(() -> HttpHeadReader.read(bytes("GET / HTTP/1.1\r\nHost: x\r\n")))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void limitsAreExact() throws IOException {
        String okLine = "GET /" + "a".repeat(8192 - 2 - 14) + " HTTP/1.1";
        assertThat(okLine.length() + 2).isEqualTo(8192);
        assertThat(HttpHeadReader.read(bytes(okLine + "\r\n\r\n")).startLine()).isEqualTo(okLine);
        assertStatus("GET /a" + okLine.substring(5) + "\r\n\r\n", 414);

        StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\n");
        for (int i = 0; i < 100; i++) {
            many.append("X: ").append(i).append("\r\n");
        }
        assertThat(HttpHeadReader.read(bytes(many + "\r\n")).headers()).hasSize(100);
        assertStatus(many + "X: 101\r\n\r\n", 431);
        assertStatus("GET / HTTP/1.1\r\nX: " + "v".repeat(16 * 1024) + "\r\n\r\n", 431);
    }

    @Test
    void rejectsNulBareCrAndBadNames() {
        assertStatus("GET /\0 HTTP/1.1\r\n\r\n", 400);
        assertStatus("GET / HTTP/1.1\r\nA: b\rc\r\n\r\n", 400);
        assertStatus("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", 400);
        assertStatus("GET / HTTP/1.1\r\n: x\r\n\r\n", 400);
        assertStatus("GET / HTTP/1.1\r\n folded-first\r\n\r\n", 400);
        assertStatus("\r\n\r\n\r\n\r\n\r\n\r\n", 400);
    }

    private static void assertStatus(String head, int status) {
        assertThatThrownBy(() -> HttpHeadReader.read(bytes(head))).isInstanceOfSatisfying(
                HttpProtocolException.class, e -> assertThat(e.status()).isEqualTo(status));
    }
}
