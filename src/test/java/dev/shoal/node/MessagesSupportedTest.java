package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.GtkgCaptures;
import dev.shoal.net.Connection;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.handshake.HandshakeHeaders;
import dev.shoal.routing.RouterConfig;
import dev.shoal.time.VirtualTime;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * We announce {@code Vendor-Message: 0.2}, so we owe each such peer a "Messages Supported"
 * vendor message. gtk-gnutella 1.2.3 waits for it: after 50 messages from a peer without one it
 * marks the peer "not genuine", and from then on leaves its dynamic queries out of that link,
 * drops queries from it when it is a leaf, and kicks it first when it needs a slot.
 */
class MessagesSupportedTest {
    /**
     * Vendor {@code \0\0\0\0}, selector 0, version 0, then an LE16 count of eight entries: leaf
     * guidance (BEAR/11, BEAR/12: gtk-gnutella lets a leaf that lists them guide the dynamic queries it
     * runs for it), then reachability (BEAR/7 TCP connect-back, GTKG/7 v2 UDP connect-back, LIME/21 and
     * LIME/22), then out-of-band hits (LIME/12 and LIME/11, version 3).
     */
    private static final byte[] OURS = HexFormat.of().parseHex("00000000" + "0000" + "0000" + "0800"
            + "42454152" + "0b00" + "0100" + "42454152" + "0c00" + "0100"
            + "42454152" + "0700" + "0100" + "47544b47" + "0700" + "0200"
            + "4c494d45" + "1500" + "0200" + "4c494d45" + "1600" + "0200"
            + "4c494d45" + "0c00" + "0300" + "4c494d45" + "0b00" + "0300");

    private final NodeRouter<Connection> routes =
            new NodeRouter<>(RouterConfig.defaults(), Guid.random(), new VirtualTime());
    private final MessageHandler handler = new MessageHandler(routes, new QrpPublisher(null, routes),
            new LocalResponder(null, Guid.random(), LocalResponder.Reach.OPEN)::answer, new AnswerPool(),
            new SearchRegistry(), null, new QuietHooks(), MessageTrace.NONE);

    @Test
    void aPeerThatSpeaksVendorMessagesGetsOurListFirst() throws Exception {
        FakeConnection gtkg = FakeConnection.gtkg(1, true);

        handler.onConnected(gtkg);

        assertThat(gtkg.sent).isNotEmpty();
        Frame f = gtkg.sent.get(0);
        assertThat(f.header().type()).isEqualTo(MessageType.VENDOR);
        // gtk-gnutella drops vendor messages unless hops is 0 and TTL at most 1.
        assertThat(f.header().ttl()).isEqualTo(1);
        assertThat(f.header().hops()).isZero();
        assertThat(f.header().guid()).isEqualTo(Guid.ZERO);
        assertThat(f.payload()).isEqualTo(OURS);
        // The same layout as gtk-gnutella's own Messages Supported: 8-byte id, then the count.
        byte[] theirs = GtkgCaptures.read("vendor-messages-supported.bin");
        byte[] theirPayload = Arrays.copyOfRange(theirs, 23, theirs.length);
        assertThat(Arrays.copyOf(f.payload(), 8)).isEqualTo(Arrays.copyOf(theirPayload, 8));
    }

    @Test
    void aPeerWithoutVendorMessagesGetsNone() {
        FakeConnection plain = new FakeConnection(2, HandshakeHeaders.builder()
                .add("User-Agent", "Other/1.0").add("X-Ultrapeer", "True").build());

        handler.onConnected(plain);

        assertThat(plain.sent).noneMatch(f -> f.header().type() == MessageType.VENDOR);
    }
}
