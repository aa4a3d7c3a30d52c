package dev.shoal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.RawPeer;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageType;
import dev.shoal.time.VirtualTime;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.mina.transport.socket.SocketSessionConfig;
import org.junit.jupiter.api.Test;

/**
 * One link on loopback sends as fast as it can, valid frames or a deflate bomb, or stops reading:
 * it loses its overflow and then its link, counted by reason, while another link is served. Time
 * is virtual, so no timer fires unless a test moves it; what is bounded is checked as counts of
 * what got through, not as timings.
 */
class HostileLinkTest extends NetTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final VirtualTime time = new VirtualTime();

    private static Frame ping() {
        return new Frame(new Header(Guid.random(), MessageType.PING, 1, 0, 0), new byte[0]);
    }

    private static Frame query(String words) {
        byte[] text = ("\u0080\u0000" + words + "\u0000").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return new Frame(new Header(Guid.random(), MessageType.QUERY, 2, 0, text.length), text);
    }

    /** Frames from {@code c} that reached the listener, of one type. */
    private static long received(Recorder r, Connection c, byte type) {
        return r.frames.stream().filter(f -> f.connection() == c && f.frame().header().type() == type).count();
    }

    /** Offers queries until one is dropped: the send queue is then full. */
    private static void fill(Connection c) {
        byte[] payload = new byte[2000];
        long dropped = c.stats().framesDropped();
        for (int i = 0; i < 2000 && c.stats().framesDropped() == dropped; i++) {
            c.send(new Frame(new Header(Guid.random(), MessageType.QUERY, 3, 1, payload.length), payload));
        }
    }

    /** Reads frames until a Bye, or null if the link ends first. */
    private static Bye byeFrom(RawPeer p) throws IOException {
        try {
            while (true) {
                Frame f = p.readFrame();
                if (f.header().type() == MessageType.BYE) {
                    return Bye.decode(f.payload());
                }
            }
        } catch (IOException | FramingException | dev.shoal.protocol.BadMessageException e) {
            return null;
        }
    }

    @Test
    void aFloodingLeafLosesItsOverflowThenItsLinkWhileAnotherLinkIsServed() throws Exception {
        Recorder r = new Recorder();
        ConnectionManager m = start(config("m"), r, time);
        try (RawPeer honest = new RawPeer(address(m)); RawPeer flooder = new RawPeer(address(m))) {
            honest.joinAsLeaf(false);
            flooder.joinAsLeaf(false);
            await().atMost(WAIT).until(() -> r.connected.size() == 2);
            Connection flooding = r.connected.get(1);
            int sent = 0;
            try {
                for (int batch = 0; batch < 20; batch++) {
                    List<Frame> frames = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        frames.add(ping());
                        frames.add(query("free software"));
                    }
                    flooder.sendFrames(frames);
                    sent += frames.size();
                }
            } catch (IOException closedOnUs) {
                // the node cut the link while we were still writing
            }
            assertThat(byeFrom(flooder)).extracting(Bye::code).isEqualTo(Bye.TOO_MANY_ERRORS);
            honest.sendFrame(ping());
            await().atMost(WAIT).until(() -> r.frames.stream().anyMatch(f -> f.connection() != flooding));
            await().atMost(WAIT).until(() -> m.connections().size() == 1);

            InboundBudget.Limits budgets = config("m").peerLimits().budgets();
            assertThat(sent).as("the flooder sent more than its budget and strikes")
                    .isGreaterThan(budgets.pings().burst() + budgets.queries().burst() + budgets.strikes().burst());
            // At most the bursts: frames framed in the read that ran out of strikes go with the link.
            assertThat(received(r, flooding, MessageType.PING)).isLessThanOrEqualTo(budgets.pings().burst());
            assertThat(received(r, flooding, MessageType.QUERY)).isLessThanOrEqualTo(budgets.queries().burst());
            NetStats stats = m.stats();
            assertThat(stats.drops().get(DropReason.PING_FLOOD) + stats.drops().get(DropReason.QUERY_FLOOD))
                    .as("one drop per strike, then the link went").isEqualTo(budgets.strikes().burst());
            assertThat(stats.drops().get(DropReason.FLOODING)).isEqualTo(1);
            assertThat(r.disconnected).singleElement().asString().contains("Flooding");
        }
    }

    @Test
    void aDeflateBombClosesItsLinkAfterABoundedAmountGotThrough() throws Exception {
        Recorder r = new Recorder();
        ConnectionManager m = start(config("m"), r, time);
        try (RawPeer honest = new RawPeer(address(m)); RawPeer bomber = new RawPeer(address(m))) {
            honest.joinAsLeaf(false);
            bomber.joinAsLeaf(true);
            await().atMost(WAIT).until(() -> r.connected.size() == 2);
            Connection bombing = r.connected.get(1);
            Frame big = new Frame(new Header(Guid.random(), (byte) 0x7E, 1, 0, 4000), new byte[4000]);
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < 25_000; i++) {
                frames.add(big);
            }
            int wire;
            try {
                wire = bomber.sendFrames(frames);
            } catch (IOException closedOnUs) {
                wire = -1;
            }
            Bye bye = byeFrom(bomber);
            assertThat(bye).isNotNull();
            assertThat(bye.code()).isIn(Bye.TOO_MANY_ERRORS, Bye.TOO_LARGE);
            honest.sendFrame(ping());
            await().atMost(WAIT).until(() -> r.frames.stream().anyMatch(f -> f.connection() != bombing));

            assertThat(wire).as("about 100 MB deflated to well under a megabyte").isLessThan(1 << 20);
            long through = r.frames.stream().filter(f -> f.connection() == bombing).count();
            assertThat(through).as("frames of the bomb that reached the handler")
                    .isLessThanOrEqualTo(config("m").peerLimits().budgets().other().burst());
            NetStats stats = m.stats();
            assertThat(stats.drops().get(DropReason.FLOODING) + stats.drops().get(DropReason.DEFLATE_BOMB))
                    .isEqualTo(1);
        }
    }

    @Test
    void aPeerThatDoesNotReadLosesLowPriorityFramesThenItsLink() throws Exception {
        Recorder r = new Recorder();
        NetConfig config = config("m");
        config = config.withPeerLimits(config.peerLimits().withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(30),
                Duration.ofSeconds(20)));
        ConnectionManager m = start(config, r, time);
        try (RawPeer deaf = new RawPeer(address(m), 4096)) {
            deaf.joinAsLeaf(false);
            await().atMost(WAIT).until(() -> r.connected.size() == 1);
            Connection c = r.connected.get(0);
            // On loopback the kernel would take megabytes of a peer that does not read (the send
            // buffer grows with loopback's 64 KiB segments), so whether the queue stays in flow
            // control would hang on how far the I/O thread got. With a 4 KiB send buffer the
            // kernel holds some 15 KiB in all, far less than the quarter of the queue at which
            // flow control would end: once the queue is full, it stays above half.
            ((SocketSessionConfig) ((PeerConnection) c).session().getConfig()).setSendBufferSize(4096);
            fill(c);
            assertThat(c.stats().queuedBytes()).isGreaterThan(config.sendQueueBytes() / 2);
            assertThat(c.stats().framesDropped()).as("queries dropped once the queue was full").isPositive();
            assertThat(c.stats().queuedBytes()).isLessThanOrEqualTo(config.sendQueueBytes());
            assertThat(m.stats().drops().get(DropReason.FLOW_CONTROL)).isEqualTo(c.stats().framesDropped());
            Frame hit = new Frame(new Header(Guid.random(), MessageType.QUERY_HIT, 3, 0, 1000), new byte[1000]);
            assertThat(c.send(hit)).as("a hit pushes a query out").isTrue();

            time.advance(Duration.ofSeconds(19));
            assertThat(m.openSockets()).as("still within the send-stall time").isEqualTo(1);
            time.advance(Duration.ofSeconds(2));
            assertThat(c.isOpen()).as("Bye 502 sent after 20 s in flow control").isFalse();
            // Our Bye waits behind what the peer does not read: the socket goes after the Bye's grace.
            time.advance(Duration.ofSeconds(3));
            await().atMost(WAIT).until(() -> m.connections().isEmpty());
            assertThat(m.stats().drops().get(DropReason.SEND_QUEUE_FULL)).isEqualTo(1);
            assertThat(r.disconnected).singleElement().asString().contains("Send queue full");
        }
    }
}
