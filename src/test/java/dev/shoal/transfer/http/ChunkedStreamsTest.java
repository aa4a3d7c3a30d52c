package dev.shoal.transfer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.GtkgCaptures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code Transfer-Encoding: chunked}, both ways, and what a peer cannot make the reader do. */
class ChunkedStreamsTest {
    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void whatIsWrittenChunkedReadsBackWholeAndTheStreamIsLeftAtTheNextMessage() throws IOException {
        byte[] data = new byte[70_000];
        new Random(3).nextBytes(data);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ChunkedOutputStream chunked = new ChunkedOutputStream(wire);
        chunked.write(data, 0, 10);
        chunked.write(data, 10, 0);
        chunked.write(data, 10, data.length - 10);
        chunked.close();
        wire.write("NEXT".getBytes(StandardCharsets.US_ASCII));

        assertThat(new String(wire.toByteArray(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("a\r\n" + (char) data[0]);
        InputStream raw = new ByteArrayInputStream(wire.toByteArray());
        assertThat(new ChunkedInputStream(raw).readAllBytes()).isEqualTo(data);
        assertThat(raw.readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("NEXT");
    }

    @Test
    void extensionsTrailersAndBareLineFeedsAreTolerated() throws IOException {
        InputStream raw = in("5;name=value\r\nhello\r\n6\n world\n0\r\nX-Trailer: 1\r\n\r\nrest");
        assertThat(new ChunkedInputStream(raw).readAllBytes()).asString(StandardCharsets.US_ASCII)
                .isEqualTo("hello world");
        assertThat(raw.readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("rest");
    }

    @Test
    void gtkGnutellasChunkedBrowseBodyDecodesToItsMessages() throws IOException {
        byte[] exchange = GtkgCaptures.read("http-browse-host.txt");
        byte[] body = Arrays.copyOfRange(exchange, 514, exchange.length);

        assertThat(new ChunkedInputStream(new ByteArrayInputStream(body)).readAllBytes())
                .isEqualTo(GtkgCaptures.read("browse-host-body-dechunked.stream"));
    }

    @Test
    void aBadSizeLineIsRefused() {
        for (String bad : new String[] {"zz\r\n", "\r\n", "-1\r\n", "+1\r\nx", "123456789\r\nx", "80000000\r\n"}) {
            assertThatThrownBy(() -> new ChunkedInputStream(in(bad)).readAllBytes()).as(bad)
                    .isInstanceOf(HttpProtocolException.class);
        }
    }

    @Test
    void aSizeLineThatNeverEndsIsCutAtTheLimit() {
        String endless = "1" + ";x".repeat(ChunkedInputStream.MAX_LINE);
        assertThatThrownBy(() -> new ChunkedInputStream(in(endless)).readAllBytes())
                .isInstanceOf(HttpProtocolException.class).hasMessageContaining("longer than " + ChunkedInputStream.MAX_LINE);
    }

    @Test
    void endlessTrailersAreCutAtTheLimit() {
        String trailers = "0\r\n" + "X: y\r\n".repeat(ChunkedInputStream.MAX_TRAILER_BYTES);
        assertThatThrownBy(() -> new ChunkedInputStream(in(trailers)).readAllBytes())
                .isInstanceOf(HttpProtocolException.class);
    }

    @Test
    void aChunkLongerThanItsSizeIsRefused() {
        assertThatThrownBy(() -> new ChunkedInputStream(in("3\r\nabcd\r\n0\r\n\r\n")).readAllBytes())
                .isInstanceOf(HttpProtocolException.class).hasMessageContaining("longer than its size");
    }

    @Test
    void aStreamEndingEarlyIsAnEndOfFileNotAnEmptyBody() {
        for (String cut : new String[] {"", "5\r\nhel", "5\r\nhello", "5\r\nhello\r\n", "0\r\nX: 1\r\n"}) {
            assertThatThrownBy(() -> new ChunkedInputStream(in(cut)).readAllBytes()).as(cut)
                    .isInstanceOf(EOFException.class);
        }
    }
}
