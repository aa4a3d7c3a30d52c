package dev.shoal.net;

import static dev.shoal.net.DecoderHarness.DEFLATE_FINAL;
import static dev.shoal.net.DecoderHarness.PLAIN_FINAL;
import static dev.shoal.net.DecoderHarness.REQUEST;
import static dev.shoal.net.DecoderHarness.ascii;
import static dev.shoal.net.DecoderHarness.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.GtkgCaptures;
import dev.shoal.net.WireMessages.HttpBytes;
import dev.shoal.net.WireMessages.HttpStart;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.handshake.HandshakeReader;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole input, however TCP cuts it into reads, decodes to the same steps and frames in the same
 * order: every stream here is fed in two reads cut at every byte position, and one byte at a time.
 */
class GnutellaDecoderCorrectDataTest {
    @ParameterizedTest(name = "deflate={0}")
    @ValueSource(booleans = {false, true})
    void acceptedSideReadsRequestFinalThenFramesWhereverTheReadsAreCut(boolean deflate) throws Exception {
        List<Frame> frames = DecoderHarness.someFrames();
        String fin = deflate ? DEFLATE_FINAL : PLAIN_FINAL;
        byte[] body = deflate ? DecoderHarness.deflatedFrames(frames) : DecoderHarness.wire(frames);
        byte[] stream = concat(ascii(REQUEST), ascii(fin), body);
        List<Object> expected = new ArrayList<>();
        expected.add(HandshakeReader.parse(ascii(REQUEST)));
        expected.add(HandshakeReader.parse(ascii(fin)));
        expected.addAll(frames);

        for (int cut = 0; cut <= stream.length; cut++) {
            assertThat(DecoderHarness.accepted().feed(stream, cut).taken()).as("cut at %d", cut)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(byteByByte(DecoderHarness.accepted(), stream)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "deflate={0}")
    @ValueSource(booleans = {false, true})
    void dialledSideReadsTheAnswerThenFramesWhereverTheReadsAreCut(boolean deflate) throws Exception {
        List<Frame> frames = DecoderHarness.someFrames();
        String answer = "GNUTELLA/0.6 200 OK\r\nUser-Agent: test/1.0\r\n"
                + (deflate ? "Content-Encoding: deflate\r\n" : "") + "\r\n";
        byte[] body = deflate ? DecoderHarness.deflatedFrames(frames) : DecoderHarness.wire(frames);
        byte[] stream = concat(ascii(answer), body);
        List<Object> expected = new ArrayList<>();
        expected.add(HandshakeReader.parse(ascii(answer)));
        expected.addAll(frames);

        for (int cut = 0; cut <= stream.length; cut++) {
            assertThat(DecoderHarness.dialled().feed(stream, cut).taken()).as("cut at %d", cut)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(byteByByte(DecoderHarness.dialled(), stream)).containsExactlyElementsOf(expected);
    }

    /** A real servent's compressor, not ours: gtk-gnutella 1.2.3's stream ends without a zlib end. */
    @Test
    void gtkGnutellasDeflateStreamInflatesIntoItsFramesWhereverTheReadsAreCut() throws Exception {
        byte[] captured = GtkgCaptures.read("deflate-stream-from-gtkg.bin");
        byte[] inflated = GtkgCaptures.read("deflate-stream-from-gtkg.inflated.bin");
        byte[] handshake = concat(ascii(REQUEST), ascii(DEFLATE_FINAL));
        byte[] stream = concat(handshake, captured);

        for (int cut = handshake.length; cut <= stream.length; cut++) {
            List<Object> out = DecoderHarness.accepted().feed(stream, cut).taken();
            assertThat(joinedFrames(out)).as("cut at %d", cut).isEqualTo(inflated);
            assertThat(out).hasSize(2 + 11);
        }
        assertThat(joinedFrames(byteByByte(DecoderHarness.accepted(), stream))).isEqualTo(inflated);
    }

    @Test
    void anHttpRequestOnThePortIsPassedOnAsItsFirstLineThenRawBytes() throws Exception {
        String head = "GET /uri-res/N2R?urn:sha1:ABC HTTP/1.1\r\n";
        String rest = "Host: x\r\nRange: bytes=0-\r\n\r\nand a body";
        byte[] stream = ascii(head + rest);
        for (int cut = 0; cut <= stream.length; cut++) {
            List<Object> out = DecoderHarness.accepted().feed(stream, cut).taken();
            assertThat(out.get(0)).as("cut at %d", cut).isEqualTo(new HttpStart(head.trim()));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (Object o : out.subList(1, out.size())) {
                bytes.writeBytes(((HttpBytes) o).bytes());
            }
            assertThat(bytes.toString(java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(rest);
        }
    }

    private static List<Object> byteByByte(DecoderHarness h, byte[] stream) throws Exception {
        for (byte b : stream) {
            h.feed(new byte[] {b});
        }
        return h.taken();
    }

    private static byte[] joinedFrames(List<Object> out) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (Object o : out) {
            if (o instanceof Frame f) {
                joined.writeBytes(f.toBytes());
            }
        }
        return joined.toByteArray();
    }
}
