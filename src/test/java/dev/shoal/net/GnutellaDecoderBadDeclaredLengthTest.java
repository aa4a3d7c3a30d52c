package dev.shoal.net;

import static dev.shoal.net.DecoderHarness.DEFLATE_FINAL;
import static dev.shoal.net.DecoderHarness.MAX_PAYLOAD;
import static dev.shoal.net.DecoderHarness.PLAIN_FINAL;
import static dev.shoal.net.DecoderHarness.REQUEST;
import static dev.shoal.net.DecoderHarness.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.protocol.Frame;
import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A length field beyond the limit desynchronises the stream for good: a {@link FramingException}
 * (the link is closed), after the frames before it were delivered. The limit itself is fine.
 */
class GnutellaDecoderBadDeclaredLengthTest {
    private static DecoderHarness linked(boolean deflate) throws Exception {
        DecoderHarness h = DecoderHarness.accepted().feed(ascii(REQUEST)).feed(ascii(deflate ? DEFLATE_FINAL : PLAIN_FINAL));
        assertThat(h.taken()).hasSize(2);
        return h;
    }

    /** A query header declaring {@code length} (little-endian, unsigned on the wire), no payload. */
    private static byte[] header(long length) {
        ByteBuffer b = ByteBuffer.allocate(23).order(ByteOrder.LITTLE_ENDIAN);
        b.put(Guid.random().toBytes()).put(MessageType.QUERY).put((byte) 3).put((byte) 0).putInt((int) length);
        return b.array();
    }

    @ParameterizedTest(name = "deflate={0}, length={1}")
    @CsvSource({"false,4097", "true,4097", "false,65536", "true,65536", "false,4294967295", "true,4294967295"})
    void aLengthBeyondTheLimitEndsTheStreamAfterTheFramesBeforeIt(boolean deflate, long length) throws Exception {
        Frame before = DecoderHarness.frame(MessageType.PING, 1, 0, 0);
        byte[] plain = DecoderHarness.concat(before.toBytes(), header(length), new byte[64]);
        DecoderHarness h = linked(deflate);

        assertThatThrownBy(() -> h.feed(deflate ? DecoderHarness.deflated(plain) : plain))
                .isInstanceOf(FramingException.class);
        assertThat(h.taken()).containsExactly(before);
        h.feed(new byte[100]);
        assertThat(h.taken()).isEmpty();
    }

    @ParameterizedTest(name = "deflate={0}")
    @ValueSource(booleans = {false, true})
    void aPayloadOfExactlyTheLimitIsAFrame(boolean deflate) throws Exception {
        Frame largest = DecoderHarness.frame(MessageType.QUERY_HIT, 6, 0, MAX_PAYLOAD);
        DecoderHarness h = linked(deflate);
        h.feed(deflate ? DecoderHarness.deflated(largest.toBytes()) : largest.toBytes());
        assertThat(h.taken()).containsExactly(largest);
    }
}
