package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.net.DatagramListener;
import dev.shoal.net.DropReason;
import dev.shoal.protocol.BadMessageException;
import dev.shoal.protocol.Datagram;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.GgepExtension;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.LimeAck;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.OobGuid;
import dev.shoal.protocol.Payload;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.ReplyNumber;
import dev.shoal.protocol.VendorMessage;
import dev.shoal.routing.OobAcks;
import dev.shoal.routing.OobHeldAnswers;
import dev.shoal.time.Clock;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Out-of-band query hits, both sides (protocol-spec/answering.md, "Out-of-band hits").
 *
 * <p>As querier, while {@code asking} says so and our UDP address is known, our searches carry
 * flag 0x0400, that address in their GUID and an empty GGEP {@code SO} (we speak version 3). An
 * answerer's LIME/12 for a search of ours that still wants results gets a LIME/11 asking for at
 * most {@link #RESULTS_PER_ANSWERER} (version 3: with a fresh random token); hits by UDP are taken
 * only as {@link OobAcks} allows, and go the way hits by TCP go.
 *
 * <p>As answerer, the hits for a query with flag 0x0400 whose GUID address we may send to are held
 * in {@link OobHeldAnswers} and announced by LIME/12 to that address; a LIME/11 from it releases
 * them by UDP (echoing its token), at most as many results as it asks. When we cannot hold or send,
 * the hits go back by TCP as usual. Datagrams come on the UDP thread, offers on the answer pool;
 * thread safe.
 */
final class OobService implements MessageHandler.OutOfBand, DatagramListener {
    private static final Logger log = LoggerFactory.getLogger(OobService.class);
    /**
     * Most results asked of one answerer for one search: five full hits, which with the LIME/12
     * stay within the burst of datagrams our UDP port takes from one address (ten).
     */
    static final int RESULTS_PER_ANSWERER = 50;
    static final int TOKEN_BYTES = 8;
    /** Hits by UDP travel one hop. */
    private static final int UDP_TTL = 1;

    /** Sends one datagram; false when it could not be sent. */
    @FunctionalInterface
    interface Sender {
        boolean send(InetSocketAddress to, Frame frame);
    }

    /** Where a hit by UDP for one of our searches goes once taken: where hits by TCP go. */
    @FunctionalInterface
    interface OwnHitSink {
        void deliver(InetSocketAddress from, Header header, QueryHit hit);
    }

    /** What this node did out of band, counted since it started. */
    record Stats(long repliesSent, long acksReceived, long hitsSent, long acksSent, long hitsReceived) {
    }

    private final Sender udp;
    private final Clock clock;
    private final RandomGenerator random;
    private final SearchRegistry searches;
    private final IntSupplier resultsWanted;
    private final BooleanSupplier asking;
    private final BooleanSupplier firewalled;
    private final Supplier<Optional<InetSocketAddress>> ourAddress;
    private final OwnHitSink sink;
    private final MessageTrace trace;
    private final OobAcks acks = new OobAcks(RESULTS_PER_ANSWERER);
    private final OobHeldAnswers held = new OobHeldAnswers();
    private final AtomicLong repliesSent = new AtomicLong();
    private final AtomicLong acksReceived = new AtomicLong();
    private final AtomicLong hitsSent = new AtomicLong();
    private final AtomicLong acksSent = new AtomicLong();
    private final AtomicLong hitsReceived = new AtomicLong();

    /**
     * @param resultsWanted how many results a search of ours takes in all
     * @param asking        whether our searches ask for hits by UDP now
     * @param ourAddress    the address others reach our UDP port at, when known
     */
    OobService(Sender udp, Clock clock, RandomGenerator random, SearchRegistry searches, IntSupplier resultsWanted,
            BooleanSupplier asking, BooleanSupplier firewalled, Supplier<Optional<InetSocketAddress>> ourAddress,
            OwnHitSink sink, MessageTrace trace) {
        this.udp = udp;
        this.clock = clock;
        this.random = random;
        this.searches = searches;
        this.resultsWanted = resultsWanted;
        this.asking = asking;
        this.firewalled = firewalled;
        this.ourAddress = ourAddress;
        this.sink = sink;
        this.trace = trace;
    }

    Stats stats() {
        return new Stats(repliesSent.get(), acksReceived.get(), hitsSent.get(), acksSent.get(), hitsReceived.get());
    }

    // --- querier

    @Override
    public Guid searchGuid() {
        if (!asking.getAsBoolean()) {
            return null;
        }
        return ourAddress.get().filter(a -> a.getAddress() instanceof Inet4Address && a.getPort() > 0)
                .map(a -> OobGuid.withReplyAddress(Guid.random(), a)).orElse(null);
    }

    @Override
    public void searchEnded(Guid query) {
        acks.forget(query);
    }

    // --- answerer

    @Override
    public boolean offer(Connection from, Header query, Query q, List<QueryHit> hits) {
        if (!q.hasFlag(Query.FLAG_OOB) || hits.isEmpty()) {
            return false;
        }
        InetSocketAddress to = OobGuid.replyAddress(query.guid());
        if (!mayReply(to, from.remoteAddress())) {
            return false;
        }
        long now = clock.millis();
        if (!held.hold(query.guid(), to, hits, now)) {
            return false;
        }
        int results = Math.min(ReplyNumber.MAX_RESULTS, hits.stream().mapToInt(h -> h.results().size()).sum());
        int version = q.ggep().has(LimeAck.TOKEN_KEY) ? ReplyNumber.V3 : ReplyNumber.V2;
        ReplyNumber number = new ReplyNumber(results, !firewalled.getAsBoolean(), version);
        if (!send(to, MessageCodec.frame(query.guid(), UDP_TTL, 0, number.toVendorMessage()))) {
            held.release(query.guid(), to, 0, now);
            return false;
        }
        repliesSent.incrementAndGet();
        log.debug("holding {} results for query {} until {} acknowledges", results, query.guid(), to);
        return true;
    }

    /**
     * Whether we send UDP to the address an out-of-band query names: a unicast IPv4 address with a
     * port, and a loopback or private one only for a query that came over a link of the same kind
     * (never from the Internet into someone's own network).
     */
    static boolean mayReply(InetSocketAddress to, InetSocketAddress link) {
        InetAddress a = to.getAddress();
        byte[] b = a.getAddress();
        if (to.getPort() == 0 || a.isAnyLocalAddress() || a.isMulticastAddress() || b[0] == 0
                || (b[0] & b[1] & b[2] & b[3]) == (byte) 0xFF) {
            return false;
        }
        InetAddress via = link.getAddress();
        if (a.isLoopbackAddress()) {
            return via.isLoopbackAddress();
        }
        if (a.isSiteLocalAddress() || a.isLinkLocalAddress()) {
            return via.isLoopbackAddress() || via.isSiteLocalAddress() || via.isLinkLocalAddress();
        }
        return true;
    }

    // --- datagrams

    @Override
    public DropReason onDatagram(InetSocketAddress from, Header header, Payload payload) {
        trace.datagramReceived(from, header);
        try {
            if (payload instanceof VendorMessage v && ReplyNumber.is(v)) {
                return replyNumber(from, header.guid(), ReplyNumber.from(v));
            }
            if (payload instanceof VendorMessage v && LimeAck.is(v)) {
                return acknowledged(from, header.guid(), LimeAck.from(v));
            }
        } catch (BadMessageException e) {
            log.debug("malformed out-of-band message from {}: {}", from, e.getMessage());
            return DropReason.UDP_MALFORMED;
        }
        if (payload instanceof QueryHit hit) {
            return hit(from, header, hit);
        }
        return DropReason.UDP_UNHANDLED;
    }

    private DropReason replyNumber(InetSocketAddress from, Guid query, ReplyNumber number) {
        OptionalInt had = searches.results(query);
        if (had.isEmpty()) {
            return DropReason.OOB_NOT_WANTED;
        }
        byte[] token = number.echoesToken() ? token() : null;
        int wanted = acks.acknowledge(query, from, number.results(), resultsWanted.getAsInt() - had.getAsInt(), token,
                clock.millis());
        if (wanted == OobAcks.ALREADY_ASKED) {
            OobAcks.Ack lost = acks.again(query, from, clock.millis());
            if (lost == null) {
                return DropReason.OOB_NOT_WANTED;
            }
            log.debug("{} offers again for our query {}: our acknowledgement goes again", from, query);
            acknowledge(from, query, lost.wanted(), lost.token());
            return null;
        }
        if (wanted <= 0) {
            return DropReason.OOB_NOT_WANTED;
        }
        acknowledge(from, query, wanted, token);
        log.debug("{} offers {} results for our query {}: asked for {}", from, number.results(), query, wanted);
        return null;
    }

    private void acknowledge(InetSocketAddress to, Guid query, int wanted, byte[] token) {
        LimeAck ack = new LimeAck(wanted, token, token == null ? LimeAck.V2 : LimeAck.V3);
        send(to, MessageCodec.frame(query, UDP_TTL, 0, ack.toVendorMessage()));
        acksSent.incrementAndGet();
    }

    private byte[] token() {
        byte[] t = new byte[TOKEN_BYTES];
        random.nextBytes(t);
        return t;
    }

    private DropReason acknowledged(InetSocketAddress from, Guid query, LimeAck ack) {
        List<QueryHit> hits = held.release(query, from, ack.wanted(), clock.millis());
        if (hits == null) {
            return DropReason.OOB_UNMATCHED_ACK;
        }
        acksReceived.incrementAndGet();
        byte[] token = ack.token();
        for (QueryHit hit : hits) {
            QueryHit out = token == null ? hit : hit.withTrailerExtension(GgepExtension.of(LimeAck.TOKEN_KEY, token));
            Frame frame = MessageCodec.frame(query, UDP_TTL, 0, out);
            if (frame.payload().length > Datagram.MAX_PAYLOAD) {
                log.debug("a hit of {} bytes does not fit a datagram: not sent", frame.payload().length);
                continue;
            }
            if (send(from, frame)) {
                hitsSent.incrementAndGet();
            }
        }
        return null;
    }

    private DropReason hit(InetSocketAddress from, Header header, QueryHit hit) {
        byte[] token = hit.trailerGgep().get(LimeAck.TOKEN_KEY).orElse(null);
        OobAcks.Taken taken = acks.take(header.guid(), from, token, hit.results().size(), clock.millis());
        switch (taken.verdict()) {
            case UNSOLICITED:
                return DropReason.OOB_UNSOLICITED_HIT;
            case BAD_TOKEN:
                return DropReason.OOB_BAD_TOKEN;
            case EXCESS:
                return DropReason.OOB_EXCESS_HIT;
            default:
                break;
        }
        hitsReceived.incrementAndGet();
        sink.deliver(from, header, hit.firstResults(taken.keep()));
        return null;
    }

    private boolean send(InetSocketAddress to, Frame frame) {
        trace.datagramSent(to, frame);
        return udp.send(to, frame);
    }
}
