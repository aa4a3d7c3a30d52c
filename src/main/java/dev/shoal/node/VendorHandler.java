package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.protocol.BadMessageException;
import dev.shoal.protocol.ConnectBack;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.LimeAck;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessagesSupported;
import dev.shoal.protocol.PushProxy;
import dev.shoal.protocol.QueryStatus;
import dev.shoal.protocol.ReplyNumber;
import dev.shoal.protocol.UdpConnectBack;
import dev.shoal.protocol.VendorMessage;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vendor messages we act on. Those of leaf guidance are handled here: as a leaf we answer an
 * ultrapeer's BEAR/11 with a BEAR/12 giving the results our search has had, or "stop" once it is
 * closed (or was never ours, as gtk-gnutella answers); as an ultrapeer we hand a leaf's BEAR/12 to
 * its dynamic query. Those of reachability (a peer's "Messages Supported", BEAR/7 and GTKG/7 connect-backs,
 * LIME/21 and LIME/22 push proxies) go to the node's hook. Others are ignored. Our "Messages
 * Supported" lists exactly the ones we act on, with LIME/12 and LIME/11 of out-of-band hits, which
 * come by UDP ({@link OobService}); gtk-gnutella reads it to decide whether a leaf
 * guides its queries and whether to ask us for connect-backs and push proxies.
 */
final class VendorHandler {
    private static final Logger log = LoggerFactory.getLogger(VendorHandler.class);
    /**
     * Sent once to each peer that announced {@code Vendor-Message}; gtk-gnutella marks a peer that
     * never sends it as not genuine after 50 messages and then skips it for its leaves' queries.
     * One link only: TTL 1, hops 0, all-zero GUID as gtk-gnutella sends its own.
     */
    static final Frame MESSAGES_SUPPORTED = MessageCodec.frame(Guid.ZERO, 1, 0, new MessagesSupported(List.of(
            new MessagesSupported.Entry(QueryStatus.VENDOR, QueryStatus.REQUEST, QueryStatus.VERSION),
            new MessagesSupported.Entry(QueryStatus.VENDOR, QueryStatus.RESPONSE, QueryStatus.VERSION),
            new MessagesSupported.Entry(ConnectBack.VENDOR, ConnectBack.SELECTOR, ConnectBack.VERSION),
            new MessagesSupported.Entry(UdpConnectBack.VENDOR, UdpConnectBack.SELECTOR, UdpConnectBack.VERSION),
            new MessagesSupported.Entry(PushProxy.VENDOR, PushProxy.REQUEST, PushProxy.VERSION),
            new MessagesSupported.Entry(PushProxy.VENDOR, PushProxy.ACK, PushProxy.VERSION),
            new MessagesSupported.Entry(ReplyNumber.VENDOR, ReplyNumber.SELECTOR, ReplyNumber.V3),
            new MessagesSupported.Entry(LimeAck.VENDOR, LimeAck.SELECTOR, LimeAck.V3)))
            .toVendorMessage());

    private final SearchRegistry searches;
    private final DynamicQueries dynamic;
    private final BiPredicate<Connection, Frame> send;
    private final Others others;

    /** Where the vendor messages not of leaf guidance go. */
    @FunctionalInterface
    interface Others {
        /** False when the message is none of theirs either. */
        boolean onVendor(Connection from, Header h, VendorMessage v) throws BadMessageException;
    }

    VendorHandler(SearchRegistry searches, DynamicQueries dynamic, BiPredicate<Connection, Frame> send,
            Others others) {
        this.searches = searches;
        this.dynamic = dynamic;
        this.send = send;
        this.others = others;
    }

    /** Handles the vendor messages we know; false for the others, which are ignored. */
    boolean onVendor(Connection from, Header h, VendorMessage v) throws BadMessageException {
        if (QueryStatus.isRequest(v)) {
            OptionalInt results = searches.results(h.guid());
            VendorMessage answer = results.isPresent() ? QueryStatus.response(results.getAsInt()) : QueryStatus.stop();
            log.debug("{} asked how query {} does (BEAR/11): {}", from.remoteAddress(), h.guid(),
                    results.isPresent() ? results.getAsInt() + " results" : "stop");
            send.test(from, MessageCodec.frame(h.guid(), 1, 0, answer));
        } else if (QueryStatus.isResponse(v)) {
            int kept = QueryStatus.kept(v);
            log.debug("leaf {} says query {} has {} (BEAR/12)", from.remoteAddress(), h.guid(),
                    kept == QueryStatus.STOP ? "enough: stop" : kept + " results");
            if (dynamic != null) {
                dynamic.leafReported(from, h.guid(), kept);
            }
        } else {
            return others.onVendor(from, h, v);
        }
        return true;
    }

    /** Tells the ultrapeers running our search for us that we want no more (unasked BEAR/12). */
    void stopped(Guid query, List<Connection> ultrapeers) {
        Frame stop = MessageCodec.frame(query, 1, 0, QueryStatus.stop());
        for (Connection up : ultrapeers) {
            if (up.isOpen() && up.isUltrapeer()) {
                send.test(up, stop);
            }
        }
    }
}
