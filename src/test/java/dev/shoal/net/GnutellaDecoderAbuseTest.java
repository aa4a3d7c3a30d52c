package dev.shoal.net;

import static dev.shoal.net.DecoderHarness.ascii;
import static dev.shoal.net.DecoderHarness.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.net.InboundBudget.Limits;
import dev.shoal.net.InboundBudget.Rate;
import dev.shoal.net.WireMessages.HttpBytes;
import dev.shoal.net.WireMessages.HttpStart;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.handshake.HandshakeReader;
import dev.shoal.time.VirtualTime;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * Well-formed input sent to hurt: floods over a link's budget, deflate bombs, heads trickled or
 * without end. Each costs the decoder a bounded amount and ends in a counted drop or a typed close.
 */
class GnutellaDecoderAbuseTest {
    private static final Rate ROOMY = new Rate(1_000, 1_000_000);
    private final VirtualTime time = new VirtualTime();
    private final DropCounters drops = new DropCounters();

    private DecoderHarness linkWith(Limits budgets, boolean deflate) throws Exception {
        DecoderHarness h = DecoderHarness.accepted(budgets, time, drops);
        h.feed(ascii(DecoderHarness.REQUEST + (deflate ? DecoderHarness.DEFLATE_FINAL : DecoderHarness.PLAIN_FINAL)));
        assertThat(h.taken()).hasSize(2);
        return h;
    }

    private static List<Frame> frames(List<Object> out) {
        return out.stream().filter(o -> o instanceof Frame).map(o -> (Frame) o).toList();
    }

    private static byte[] repeated(Frame f, int times) {
        byte[] one = f.toBytes();
        byte[] all = new byte[one.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(one, 0, all, i * one.length, one.length);
        }
        return all;
    }

    @Test
    void framesOverBudgetAreSkippedWhereTheyLieAndCounted() throws Exception {
        Limits budgets = new Limits(new Rate(0, 5), ROOMY, new Rate(0, 3), ROOMY, ROOMY, ROOMY, ROOMY, ROOMY, ROOMY,
                ROOMY);
        DecoderHarness h = linkWith(budgets, false);
        Frame ping = DecoderHarness.frame(MessageType.PING, 1, 0, 0);
        Frame query = DecoderHarness.frame(MessageType.QUERY, 3, 0, 30);
        h.feed(concat(repeated(ping, 20), repeated(query, 10), repeated(ping, 1)));
        List<Frame> passed = frames(h.taken());
        assertThat(passed.stream().filter(f -> f.header().type() == MessageType.PING)).hasSize(5);
        assertThat(passed.stream().filter(f -> f.header().type() == MessageType.QUERY)).hasSize(3);
        assertThat(drops.get(DropReason.PING_FLOOD)).isEqualTo(16);
        assertThat(drops.get(DropReason.QUERY_FLOOD)).isEqualTo(7);
    }

    @Test
    void aFloodPastTheStrikesIsFloodingWithBye409() throws Exception {
        DecoderHarness h = linkWith(Limits.defaults(), false);
        Frame ping = DecoderHarness.frame(MessageType.PING, 1, 0, 0);
        Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> h.feed(repeated(ping, 5_000)));
        PeerMisbehaved abuse = (PeerMisbehaved) DecoderHarness.framing(thrown);
        assertThat(abuse.reason()).isEqualTo(DropReason.FLOODING);
        assertThat(abuse.byeCode()).isEqualTo(Bye.TOO_MANY_ERRORS);
        Limits d = Limits.defaults();
        assertThat(frames(h.taken())).as("only the burst got through").hasSize(d.pings().burst());
        assertThat(drops.get(DropReason.PING_FLOOD)).isEqualTo(d.strikes().burst());
    }

    @Test
    void inflatedBytesPayTheByteBudget() throws Exception {
        Limits budgets = new Limits(ROOMY, ROOMY, ROOMY, ROOMY, ROOMY, ROOMY, ROOMY, ROOMY, new Rate(0, 10_000),
                ROOMY);
        DecoderHarness h = linkWith(budgets, true);
        Frame hit = DecoderHarness.frame(MessageType.QUERY_HIT, 3, 0, 977);
        h.feed(DecoderHarness.deflated(repeated(hit, 30)));
        assertThat(frames(h.taken())).as("10 000 bytes buy ten 1000-byte frames").hasSize(10);
        assertThat(drops.get(DropReason.BYTE_FLOOD)).isEqualTo(20);
    }

    /** Regression: a deflate bomb inflated within one read into as many frames as it held. */
    @Test
    void aDeflateBombIsCutOffWithinTheReadItArrivesIn() throws Exception {
        DecoderHarness h = linkWith(Limits.unlimited(), true);
        Frame ping = DecoderHarness.frame(MessageType.PING, 1, 0, 0);
        byte[] bomb = deflateBig(repeated(ping, 2_000_000 / 23 * 4));
        assertThat(bomb.length).as("a small read").isLessThan(64 * 1024);
        Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> h.feed(bomb));
        PeerMisbehaved abuse = (PeerMisbehaved) DecoderHarness.framing(thrown);
        assertThat(abuse.reason()).isEqualTo(DropReason.DEFLATE_BOMB);
        assertThat(abuse.byeCode()).isEqualTo(Bye.TOO_LARGE);
        long passed = frames(h.taken()).size();
        assertThat(passed * 23).as("no more than the per-read cap was framed")
                .isLessThanOrEqualTo(GnutellaDecoder.MAX_INFLATE_PER_READ);
    }

    private static byte[] deflateBig(byte[] plain) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        d.setInput(plain);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** Regression: a head trickled a byte at a time held an HTTP session (and its thread) from its first line. */
    @Test
    void anHttpHeadIsPassedOnOnlyOnceItIsComplete() throws Exception {
        DecoderHarness h = DecoderHarness.accepted();
        String head = "GET /uri-res/N2R?urn:sha1:ABC HTTP/1.1\r\nHost: x\r\nRange: bytes=0-99\r\n\r\n";
        byte[] bytes = ascii(head);
        for (int i = 0; i < bytes.length - 1; i++) {
            h.feed(new byte[] {bytes[i]});
            assertThat(h.taken()).as("after %d bytes", i + 1).isEmpty();
        }
        h.feed(new byte[] {bytes[bytes.length - 1]});
        List<Object> out = h.taken();
        assertThat(out.get(0)).isEqualTo(new HttpStart("GET /uri-res/N2R?urn:sha1:ABC HTTP/1.1"));
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        out.subList(1, out.size()).forEach(o -> rest.writeBytes(((HttpBytes) o).bytes()));
        assertThat(rest.toString(java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("Host: x\r\nRange: bytes=0-99\r\n\r\n");
    }

    @Test
    void aGivIsPassedOnAtTheEmptyLineAfterIt() throws Exception {
        DecoderHarness h = DecoderHarness.accepted();
        h.feed(ascii("GIV 3:0123456789abcdef0123456789abcdef/file.txt\n"));
        assertThat(h.taken()).isEmpty();
        h.feed(ascii("\n"));
        assertThat(h.taken().get(0)).isEqualTo(new HttpStart("GIV 3:0123456789abcdef0123456789abcdef/file.txt"));
    }

    @Test
    void aHeadWithoutEndIsPassedOnAtTheCapForTheServerToRefuse() throws Exception {
        DecoderHarness h = DecoderHarness.accepted();
        h.feed(ascii("GET / HTTP/1.1\r\n"));
        byte[] header = ascii("X-Filler: " + "a".repeat(1000) + "\r\n");
        int fed = 0;
        while (h.taken().isEmpty() || fed == 0) {
            h.feed(header);
            fed += header.length;
            assertThat(fed).isLessThanOrEqualTo(GnutellaDecoder.MAX_HTTP_HEAD + header.length);
        }
        assertThat(fed).isGreaterThan(GnutellaDecoder.MAX_HTTP_HEAD);
    }

    /** Regression: folded handshake lines grew one header without bound until the timeout. */
    @Test
    void endlessFoldedHandshakeLinesEndAtTheBlockLimit() throws Exception {
        DecoderHarness h = DecoderHarness.accepted();
        h.feed(ascii("GNUTELLA CONNECT/0.6\r\nUser-Agent: x\r\n"));
        byte[] fold = ascii(" " + "y".repeat(1000) + "\r\n");
        int fed = 0;
        Throwable thrown = null;
        while (thrown == null) {
            try {
                h.feed(fold);
                fed += fold.length;
            } catch (Exception e) {
                thrown = e;
            }
            assertThat(fed).isLessThanOrEqualTo(HandshakeReader.MAX_BLOCK);
        }
        FramingException f = DecoderHarness.framing(thrown);
        assertThat(f).hasMessageContaining("longer than " + HandshakeReader.MAX_BLOCK);
    }

    @Test
    void anUnknownProtocolIsTyped() throws Exception {
        DecoderHarness h = DecoderHarness.accepted();
        assertThatThrownBy(() -> h.feed(ascii("SSH-2.0-OpenSSH\r\n")))
                .satisfies(e -> assertThat(((PeerMisbehaved) DecoderHarness.framing(e)).reason())
                        .isEqualTo(DropReason.UNKNOWN_PROTOCOL));
    }
}
