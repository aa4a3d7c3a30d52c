package dev.shoal.net;

import static dev.shoal.net.DecoderHarness.DEFLATE_FINAL;
import static dev.shoal.net.DecoderHarness.PLAIN_FINAL;
import static dev.shoal.net.DecoderHarness.REQUEST;
import static dev.shoal.net.DecoderHarness.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input that cannot be a Gnutella (or HTTP) stream is a {@link FramingException}, and the decoder
 * takes nothing more from that connection: whatever follows is dropped unread.
 */
class GnutellaDecoderInvalidDataTest {
    private static void assertDeadAfter(DecoderHarness h, byte[] bad, String message) throws Exception {
        assertThatThrownBy(() -> h.feed(bad)).isInstanceOf(FramingException.class).hasMessageContaining(message);
        h.feed(ascii(REQUEST)).feed(DecoderHarness.frame(MessageType.PING, 1, 0, 0).toBytes());
        assertThat(h.taken()).as("nothing after the error").isEmpty();
    }

    @Test
    void anUnknownFirstLine() throws Exception {
        assertDeadAfter(DecoderHarness.accepted(), ascii("HELLO THERE\r\n\r\n"), "unknown protocol");
    }

    @Test
    void aFirstLineWithoutEnd() throws Exception {
        assertDeadAfter(DecoderHarness.accepted(), ascii("GNUTELLA CONNECT/0.6 " + "x".repeat(5000)), "longer than");
    }

    @ParameterizedTest(name = "deflate={0}")
    @ValueSource(booleans = {false, true})
    void aHandshakeHeaderWithoutAColon(boolean deflate) throws Exception {
        String fin = (deflate ? DEFLATE_FINAL : PLAIN_FINAL).replace("\r\n\r\n", "\r\nno colon here\r\n\r\n");
        DecoderHarness h = DecoderHarness.accepted().feed(ascii(REQUEST));
        assertThat(h.taken()).hasSize(1);
        assertDeadAfter(h, ascii(fin), "malformed handshake header");
    }

    @Test
    void bytesThatAreNotZlibAfterDeflateWasAnnounced() throws Exception {
        DecoderHarness h = DecoderHarness.accepted().feed(ascii(REQUEST)).feed(ascii(DEFLATE_FINAL));
        assertThat(h.taken()).hasSize(2);
        assertDeadAfter(h, ascii("these are plain bytes, not a zlib stream"), "corrupt deflate stream");
    }

    @Test
    void aZlibStreamThatAsksForAPresetDictionary() throws Exception {
        DecoderHarness h = DecoderHarness.accepted().feed(ascii(REQUEST)).feed(ascii(DEFLATE_FINAL));
        assertThat(h.taken()).hasSize(2);
        // CMF 0x78, FLG 0xBB: a valid zlib header with FDICT set, then a dictionary id.
        assertDeadAfter(h, new byte[] {0x78, (byte) 0xBB, 1, 2, 3, 4, 0x4B, 0x04, 0x00}, "preset dictionary");
    }
}
