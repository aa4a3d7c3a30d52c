package dev.shoal.net;

import static dev.shoal.net.DecoderHarness.DEFLATE_FINAL;
import static dev.shoal.net.DecoderHarness.PLAIN_FINAL;
import static dev.shoal.net.DecoderHarness.REQUEST;
import static dev.shoal.net.DecoderHarness.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Frame;
import dev.shoal.protocol.MessageType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What one connection keeps in buffers between reads, since a node holds thousands of quiet or
 * trickling ones: about the bytes still undecoded, never the size of the read they came in.
 * MINA reads into 2 KiB buffers at first and up to 64 KiB on a busy link.
 */
class GnutellaDecoderRetentionTest {
    private static final int FIRST_READ = 2048;
    private static final int BUSY_READ = 65_536;

    @Test
    void aFirstLineTrickledAByteAtATimeKeepsAboutTheBytesThatCame() throws Exception {
        DecoderHarness h = DecoderHarness.accepted();
        byte[] line = ascii("GNUTELLA CONN");
        for (byte b : line) {
            h.feedIn(FIRST_READ, new byte[] {b});
        }
        assertThat(h.taken()).isEmpty();
        assertThat(h.retainedBytes()).isLessThanOrEqualTo(2 * line.length);
    }

    @Test
    void aLinkThatStopsMidFrameAfterABusyReadKeepsThePartialFrameOnly() throws Exception {
        DecoderHarness h = DecoderHarness.accepted().feed(ascii(REQUEST)).feed(ascii(PLAIN_FINAL));
        h.taken();
        Frame hit = DecoderHarness.frame(MessageType.QUERY_HIT, 6, 0, 900);
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            frames.add(hit);
        }
        byte[] wire = DecoderHarness.wire(frames);
        byte[] partial = Arrays.copyOf(hit.toBytes(), 100);
        h.feedIn(BUSY_READ, DecoderHarness.concat(wire, partial));
        assertThat(h.taken()).hasSize(40);
        assertThat(h.retainedBytes()).isLessThanOrEqualTo(2 * partial.length);
        h.feedIn(FIRST_READ, Arrays.copyOfRange(hit.toBytes(), 100, hit.toBytes().length));
        assertThat(h.taken()).containsExactly(hit);
        assertThat(h.retainedBytes()).isZero();
    }

    @Test
    void anEstablishedLinkKeepsNoHandshakeReader() throws Exception {
        DecoderHarness h = DecoderHarness.accepted().feed(ascii(REQUEST));
        assertThat(h.holdsHandshakeReader()).isTrue();
        h.feed(ascii(PLAIN_FINAL));
        assertThat(h.taken()).hasSize(2);
        assertThat(h.holdsHandshakeReader()).isFalse();
        DecoderHarness dialled = DecoderHarness.dialled().feed(ascii("GNUTELLA/0.6 200 OK\r\nX-Ultrapeer: True\r\n\r\n"));
        assertThat(dialled.taken()).hasSize(1);
        assertThat(dialled.holdsHandshakeReader()).isFalse();
    }

    @Test
    void aQuietCompressedLinkKeepsNoInflateBuffer() throws Exception {
        DecoderHarness h = DecoderHarness.accepted().feed(ascii(REQUEST)).feed(ascii(DEFLATE_FINAL));
        h.taken();
        List<Frame> frames = DecoderHarness.someFrames();
        h.feedIn(FIRST_READ, DecoderHarness.deflatedFrames(frames));
        assertThat(h.taken()).containsExactlyElementsOf(frames);
        assertThat(h.retainedBytes()).isZero();
    }
}
