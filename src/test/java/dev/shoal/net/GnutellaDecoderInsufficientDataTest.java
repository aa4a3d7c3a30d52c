package dev.shoal.net;

import static dev.shoal.net.DecoderHarness.DEFLATE_FINAL;
import static dev.shoal.net.DecoderHarness.PLAIN_FINAL;
import static dev.shoal.net.DecoderHarness.REQUEST;
import static dev.shoal.net.DecoderHarness.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.handshake.HandshakeReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Incomplete input emits nothing and is kept, whole, until the rest arrives. */
class GnutellaDecoderInsufficientDataTest {
    private static DecoderHarness linked(boolean deflate) throws Exception {
        DecoderHarness h = DecoderHarness.accepted().feed(ascii(REQUEST)).feed(ascii(deflate ? DEFLATE_FINAL : PLAIN_FINAL));
        assertThat(h.taken()).hasSize(2);
        return h;
    }

    @ParameterizedTest(name = "deflate={0}")
    @ValueSource(booleans = {false, true})
    void aFrameShortOfItsLastByteEmitsNothingUntilThatByteComes(boolean deflate) throws Exception {
        Frame hit = DecoderHarness.frame(MessageType.QUERY_HIT, 6, 0, 300);
        byte[] wire = hit.toBytes();
        byte[] head = Arrays.copyOf(wire, wire.length - 1);
        byte[] last = Arrays.copyOfRange(wire, wire.length - 1, wire.length);
        DecoderHarness h = linked(deflate);
        if (deflate) {
            // Each part sync-flushed: the inflater hands over everything but the missing byte.
            byte[] both = DecoderHarness.deflated(head, last);
            byte[] first = DecoderHarness.deflated(head);
            h.feed(first);
            assertThat(h.taken()).isEmpty();
            h.feed(Arrays.copyOfRange(both, first.length, both.length));
        } else {
            h.feed(head);
            assertThat(h.taken()).isEmpty();
            h.feed(last);
        }
        assertThat(h.taken()).containsExactly(hit);
    }

    @ParameterizedTest(name = "deflate={0}")
    @ValueSource(booleans = {false, true})
    void aHeaderAloneEmitsNothing(boolean deflate) throws Exception {
        Frame query = DecoderHarness.frame(MessageType.QUERY, 3, 0, 40);
        byte[] header = Arrays.copyOf(query.toBytes(), Header.SIZE);
        DecoderHarness h = linked(deflate);
        h.feed(deflate ? DecoderHarness.deflated(header) : header);
        assertThat(h.taken()).isEmpty();
    }

    @Test
    void theDecodingStepConsumesNothingOfAnIncompleteFrame() throws Exception {
        DecoderHarness h = DecoderHarness.dialled().feed(ascii(PLAIN_FINAL));
        assertThat(h.taken()).hasSize(1);
        Frame ping = DecoderHarness.frame(MessageType.PING, 1, 0, 0);
        Frame pong = DecoderHarness.frame(MessageType.PONG, 1, 0, 14);
        byte[] both = DecoderHarness.wire(List.of(ping, pong));

        assertThat(h.consumedBy(Arrays.copyOf(ping.toBytes(), Header.SIZE - 1))).isZero();
        assertThat(h.consumedBy(Arrays.copyOf(both, both.length - 1))).isEqualTo(ping.size());
        assertThat(h.taken()).containsExactly(ping);
    }

    @Test
    void anUnfinishedHandshakeStepEmitsNothingUntilItsEmptyLine() throws Exception {
        byte[] request = ascii(REQUEST);
        DecoderHarness h = DecoderHarness.accepted();
        h.feed(Arrays.copyOf(request, request.length - 2));
        assertThat(h.taken()).isEmpty();
        h.feed(Arrays.copyOfRange(request, request.length - 2, request.length));
        assertThat(h.taken()).containsExactly(HandshakeReader.parse(request));
    }

    @Test
    void anUnfinishedFirstLineEmitsNothing() throws Exception {
        DecoderHarness h = DecoderHarness.accepted();
        h.feed(ascii("GNUTELLA CONNECT/0."));
        assertThat(h.taken()).isEmpty();
    }
}
