package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.net.ConnectionListener;
import dev.shoal.net.DropCounters;
import dev.shoal.net.DropReason;
import dev.shoal.node.api.SearchListener;
import dev.shoal.protocol.BadMessageException;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.GgepExtension;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.LimeAck;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Payload;
import dev.shoal.protocol.Ping;
import dev.shoal.protocol.Pong;
import dev.shoal.protocol.Push;
import dev.shoal.protocol.PushProxy;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.VendorMessage;
import dev.shoal.routing.HitRoute;
import dev.shoal.routing.OwnQuery;
import dev.shoal.routing.PingRoute;
import dev.shoal.routing.PushRoute;
import dev.shoal.routing.QrpException;
import dev.shoal.routing.QrpTableAssembler;
import dev.shoal.routing.QueryRoute;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns frames from peers into routing decisions and sends: the servent's message loop. It runs on
 * the network's worker threads, frames of one connection in order, and never blocks them: routing
 * asks the {@link NodeRouter} (one short lock), and searching our library for a peer's query is
 * handed to the bounded {@link AnswerPool}, so a slow disk delays answers but not relays. As an
 * ultrapeer it hands its own queries and its leaves' to {@link DynamicQueries} instead of flooding
 * them (unless dynamic querying is off); as a leaf it marks its queries leaf-guided.
 */
final class MessageHandler implements ConnectionListener {
    private static final Logger log = LoggerFactory.getLogger(MessageHandler.class);
    /** Malformed messages tolerated from one peer before it is dropped (Bye 409). */
    static final int MAX_BAD_MESSAGES = 50;
    /**
     * Our Pushes follow the route of the hits they answer, so the TTL only has to outlast the
     * hops those came (at most our query TTL, plus one from a leaf); 6 is gtk-gnutella's choice
     * for hits and is accepted everywhere.
     */
    static final int PUSH_TTL = 6;
    private final NodeRouter<Connection> routes;
    private final QrpPublisher qrp;
    private final Answers answers;
    private final AnswerPool pool;
    private final SearchRegistry searches;
    private final DynamicQueries dynamic;
    private final VendorHandler vendors;
    private final NodeHooks hooks;
    private final MessageTrace trace;
    private volatile OutOfBand oob = OutOfBand.NONE;
    private final Map<Connection, QrpTableAssembler> qrpAssemblers = new ConcurrentHashMap<>();
    private final Map<Connection, AtomicInteger> badMessages = new ConcurrentHashMap<>();
    /** Messages this loop dropped, by reason (the network layer counts its own). */
    private final DropCounters drops = new DropCounters();

    /** What the handler needs from the rest of the node, kept narrow so it can be tested alone. */
    interface NodeHooks {
        /** A new ping from {@code from} to answer (pings are never forwarded). */
        void pinged(Connection from, Header ping);

        /** A pong from {@code from}: an answer to one of our pings. */
        void ponged(Connection from, Header h, Pong pong);

        InetSocketAddress advertisedAddress(Connection to);

        void connected(Connection c);

        void disconnected(Connection c, String reason);

        /** A servent that answered one of our searches and takes connections (no push needed). */
        void hostLearned(InetSocketAddress address);

        void pushForUs(Push push);

        /** A firewalled servent answered one of our searches and listed these push proxies. */
        void pushProxiesLearned(Guid servent, List<InetSocketAddress> proxies);

        /** A vendor message that is not of leaf guidance (those of reachability); false when not handled. */
        boolean vendorMessage(Connection from, Header h, VendorMessage v) throws BadMessageException;

        void queryAnswered(Query query, int hops, int results);

        /** Whether others cannot connect to us: our queries say so (0x4000), and we leave such queries unanswered. */
        default boolean firewalled() {
            return false;
        }
    }

    /** Hits by UDP ({@link OobService}); {@link #NONE} where a node has no UDP. */
    interface OutOfBand {
        OutOfBand NONE = new OutOfBand() {
            @Override
            public Guid searchGuid() {
                return null;
            }

            @Override
            public void searchEnded(Guid query) {
            }

            @Override
            public boolean offer(Connection from, Header query, Query q, List<QueryHit> hits) {
                return false;
            }
        };

        /** The GUID for a search of ours that asks for hits by UDP (our address in it), or null to ask by TCP. */
        Guid searchGuid();

        void searchEnded(Guid query);

        /** Takes our hits for a query that asked for them by UDP; false: send them back by TCP. */
        boolean offer(Connection from, Header query, Query q, List<QueryHit> hits);
    }

    /** Our library's answer to a query; may be slow (it reads the index), so it runs on the pool. */
    interface Answers {
        /** {@code keywords} is {@code query.keywords()}, split once by the caller. */
        List<QueryHit> answer(Query query, List<String> keywords, InetSocketAddress advertised);
    }

    /** {@code dynamic}: null when an ultrapeer floods queries instead of running them step by step. */
    MessageHandler(NodeRouter<Connection> routes, QrpPublisher qrp, Answers answers, AnswerPool pool,
            SearchRegistry searches, DynamicQueries dynamic, NodeHooks hooks, MessageTrace trace) {
        this.routes = routes;
        this.qrp = qrp;
        this.answers = answers;
        this.pool = pool;
        this.searches = searches;
        this.dynamic = dynamic;
        this.vendors = new VendorHandler(searches, dynamic, this::send, hooks::vendorMessage);
        this.hooks = hooks;
        this.trace = trace;
    }

    /** Sets where hits by UDP are asked for and offered; before the first link. */
    void outOfBand(OutOfBand outOfBand) {
        this.oob = outOfBand;
    }

    /**
     * Starts a search of our own: its hits go to {@code listener} until the GUID is unregistered,
     * and its way through the network is noted in {@code trail}. Returns the query and the links
     * it went to first.
     */
    NodeRouter.OwnSearch<Connection> search(Query query, int ttl, SearchListener listener, SearchTrail trail) {
        return search(query, ttl, listener, trail, null);
    }

    /**
     * {@link #search(Query, int, SearchListener, SearchTrail)} whose query goes to {@code only}
     * (when not null) and no other link, as the routes allow it, without dynamic querying: for a
     * link that came up after the others were asked, which must not get the same query again.
     */
    NodeRouter.OwnSearch<Connection> search(Query query, int ttl, SearchListener listener, SearchTrail trail,
            Connection only) {
        boolean leaf = routes.isLeaf();
        Query sent = leaf ? withFlag(query, Query.FLAG_LEAF_GUIDED) : query;
        if (hooks.firewalled()) {
            sent = withFlag(sent, Query.FLAG_FIREWALLED);
        }
        Guid outOfBand = oob.searchGuid();
        if (outOfBand != null) {
            sent = withFlag(sent, Query.FLAG_OOB);
            // An empty SO: we take version 3, whose acknowledgements carry a token the hits must echo.
            sent = new Query(sent.flags(), sent.text(), sent.urns(), sent.otherExtensions(),
                    sent.ggep().with(GgepExtension.flag(LimeAck.TOKEN_KEY)));
        }
        NodeRouter.OwnSearch<Connection> own = outOfBand == null ? routes.startSearch(ttl, sent.keywords(), sent.urns())
                : routes.startSearch(outOfBand, ttl, sent.keywords(), sent.urns());
        OwnQuery q = own.query();
        searches.register(q.guid(), listener, trail);
        Frame frame = MessageCodec.frame(q.guid(), q.ttl(), 0, sent);
        if (only != null) {
            boolean routed = own.targets().contains(only);
            if (routed) {
                send(only, frame);
            }
            log.debug("query {} ttl {} sent to {} only: {}", q.guid(), q.ttl(), only, routed ? "sent" : "not routed");
            return new NodeRouter.OwnSearch<>(q, routed ? List.of(only) : List.of());
        }
        if (!leaf && dynamic != null) {
            dynamic.start(new DynamicQueries.Spec(frame.header(), frame.payload(), sent.keywords(), sent.urns(),
                    null, false, leavesOf(own.targets())));
        } else {
            for (Connection c : own.targets()) {
                send(c, frame);
            }
        }
        log.debug("query {} ttl {} sent to {} peers", q.guid(), q.ttl(), own.targets().size());
        return own;
    }

    /** Our search was closed: no more hits for it, and whoever runs it for us is told to stop. */
    void endSearch(NodeRouter.OwnSearch<Connection> own) {
        Guid guid = own.query().guid();
        searches.unregister(guid);
        oob.searchEnded(guid);
        if (dynamic != null) {
            dynamic.stop(guid);
        }
        if (routes.isLeaf()) {
            vendors.stopped(guid, own.targets());
        }
    }

    private static Query withFlag(Query q, int flag) {
        return new Query(q.flags() | Query.FLAG_MARKER | flag, q.text(), q.urns(), q.otherExtensions(), q.ggep());
    }

    private static List<Connection> leavesOf(List<Connection> links) {
        return links.stream().filter(c -> !c.isUltrapeer()).toList();
    }

    @Override
    public void onConnected(Connection c) {
        routes.opened(c, !c.isUltrapeer());
        qrpAssemblers.put(c, new QrpTableAssembler());
        if (c.peerHeaders().contains("Vendor-Message")) {
            send(c, VendorHandler.MESSAGES_SUPPORTED);
        }
        hooks.connected(c);
    }

    @Override
    public void onDisconnected(Connection c, String reason) {
        boolean changed = routes.closed(c);
        QrpTableAssembler assembler = qrpAssemblers.remove(c);
        republish(changed);
        if (assembler != null) {
            assembler.close();
        }
        badMessages.remove(c);
        if (dynamic != null) {
            dynamic.linkClosed(c);
        }
        hooks.disconnected(c, reason);
    }

    @Override
    public void onFrame(Connection c, Frame frame) {
        try {
            dispatch(c, frame);
        } finally {
            trace.handled(c, frame);
        }
    }

    private void dispatch(Connection c, Frame frame) {
        if (frame.header().type() == MessageType.QUERY_HIT) {
            onQueryHit(c, frame);
            return;
        }
        Payload payload;
        try {
            payload = MessageCodec.decode(frame);
        } catch (BadMessageException e) {
            countBad(c, frame, e);
            return;
        }
        Header h = frame.header();
        if (payload instanceof Query q) {
            onQuery(c, frame, q);
        } else if (payload instanceof Ping) {
            onPing(c, h);
        } else if (payload instanceof Pong pong) {
            hooks.ponged(c, h, pong);
        } else if (payload instanceof VendorMessage v) {
            onVendor(c, frame, v);
        } else if (payload instanceof Push push) {
            onPush(c, frame, push);
        } else if (payload instanceof Bye bye) {
            log.debug("{} said Bye {} {}", c.remoteAddress(), bye.code(), bye.reason());
            c.close(null);
        } else if (h.type() == MessageType.ROUTE_TABLE_UPDATE) {
            onRouteTableUpdate(c, payload);
        } else {
            // Unknown messages are ignored and never forwarded.
            drops.count(DropReason.UNKNOWN_TYPE);
        }
    }

    private void onVendor(Connection c, Frame frame, VendorMessage v) {
        try {
            if (!vendors.onVendor(c, frame.header(), v)) {
                drops.count(DropReason.UNKNOWN_TYPE);
            }
        } catch (BadMessageException e) {
            countBad(c, frame, e);
        }
    }

    DropCounters drops() {
        return drops;
    }

    private void onQuery(Connection c, Frame frame, Query q) {
        Header h = frame.header();
        // Split once: routing and answering both need the words.
        List<String> keywords = q.keywords();
        QueryRoute<Connection> route = routes.query(c, h, keywords, q.urns());
        if (route.dropped()) {
            drops.count(route.duplicate() ? DropReason.DUPLICATE : DropReason.HOPS_TTL_LIMIT);
            return;
        }
        Header onward = h.hopped();
        if (dynamic != null && !c.isUltrapeer() && !routes.isLeaf() && onward.ttl() > 0) {
            // Our leaf's query: run step by step, no further than the TTL it came with.
            dynamic.start(new DynamicQueries.Spec(onward, frame.payload(), keywords, q.urns(), c,
                    q.hasFlag(Query.FLAG_LEAF_GUIDED), leavesOf(route.forwardTo())));
        } else if (!route.forwardTo().isEmpty()) {
            Frame forward = new Frame(route.forwardHeader(), frame.payload());
            for (Connection target : route.forwardTo()) {
                send(target, forward);
            }
        }
        if (route.answerLocally()) {
            trace.answerQueued(h);
            if (!pool.submit(c, () -> answer(c, h, q, keywords))) {
                log.debug("no room to answer query {} from {}", h.guid(), c.remoteAddress());
                drops.count(DropReason.NOT_ANSWERED);
                trace.answerDone(h, false);
            }
        }
    }

    /** Runs on the answer pool. */
    private void answer(Connection c, Header h, Query q, List<String> keywords) {
        try {
            if (!c.isOpen()) {
                return;
            }
            // Hits travel back along the reverse path: one link per hop the query took, plus slack
            // for routers that trim TTLs on the way.
            int ttl = Math.min(15, h.hops() + 3);
            if (q.hasFlag(Query.FLAG_FIREWALLED) && hooks.firewalled()) {
                // Neither side could connect to the other: a hit would only cost bandwidth.
                hooks.queryAnswered(q, h.hops(), 0);
                return;
            }
            List<QueryHit> hits = answers.answer(q, keywords, hooks.advertisedAddress(c));
            if (!oob.offer(c, h, q, hits)) {
                for (QueryHit hit : hits) {
                    send(c, MessageCodec.frame(h.guid(), ttl, 0, hit));
                }
            }
            hooks.queryAnswered(q, h.hops(), hits.stream().mapToInt(hit -> hit.results().size()).sum());
        } finally {
            trace.answerDone(h, true);
        }
    }

    /**
     * Routing a hit needs only its header and servent id (the payload's last 16 bytes), so a hit
     * we relay is never decoded; only hits for our own searches are, and only those can be found
     * malformed past their length.
     */
    private void onQueryHit(Connection c, Frame frame) {
        Guid servent;
        try {
            servent = QueryHit.serventId(frame.payload());
        } catch (BadMessageException e) {
            countBad(c, frame, e);
            return;
        }
        HitRoute<Connection> route = routes.queryHit(c, frame.header(), servent);
        if (route.ownQuery()) {
            try {
                deliverOwn(c, frame.header(), (QueryHit) MessageCodec.decode(frame));
            } catch (BadMessageException e) {
                countBad(c, frame, e);
            }
        } else if (route.sendTo() != null) {
            if (dynamic != null) {
                // The first byte of a hit counts its results; routing needs no more of it.
                dynamic.resultsRouted(frame.header().guid(), route.sendTo(), frame.payload()[0] & 0xFF);
            }
            send(route.sendTo(), new Frame(route.forwardHeader(), frame.payload()));
        } else {
            drops.count(DropReason.NO_ROUTE);
        }
    }

    /** A hit for a search of ours, from {@code c}, or by UDP when {@code c} is null. */
    void deliverOwn(Connection c, Header h, QueryHit hit) {
        if (!searches.deliver(c, h, hit)) {
            drops.count(DropReason.OWN_SEARCH_FULL);
        }
        if (!hit.pushNeeded()) {
            hooks.hostLearned(hit.address());
        } else {
            hooks.pushProxiesLearned(hit.serventId(), PushProxy.ofHit(hit));
        }
        if (dynamic != null) {
            dynamic.resultsRouted(h.guid(), null, hit.results().size());
        }
    }

    private void onPing(Connection c, Header h) {
        PingRoute route = routes.ping(c, h);
        if (route.duplicate()) {
            drops.count(DropReason.DUPLICATE);
        }
        if (route.answer()) {
            hooks.pinged(c, h);
        }
    }

    /**
     * Sends our own Push for file {@code index} toward servent {@code target}, on the link its hits
     * came by. False when no such link is known (or our address cannot be put in a Push).
     */
    boolean sendPush(Guid target, long index) {
        Connection next = routes.pushRouteTo(target);
        if (next == null) {
            return false;
        }
        Push push;
        try {
            push = new Push(target, index, hooks.advertisedAddress(next), Ggep.EMPTY);
        } catch (IllegalArgumentException e) {
            log.info("cannot send a Push to {}: {}", target, e.getMessage());
            return false;
        }
        return send(next, MessageCodec.frame(Guid.random(), PUSH_TTL, 0, push));
    }

    private void onPush(Connection c, Frame frame, Push push) {
        PushRoute<Connection> route = routes.push(c, frame.header(), push.serventId());
        if (route.forUs()) {
            hooks.pushForUs(push);
        } else if (route.sendTo() != null) {
            send(route.sendTo(), new Frame(route.forwardHeader(), frame.payload()));
        } else {
            drops.count(DropReason.NO_ROUTE);
        }
    }

    private void onRouteTableUpdate(Connection c, Payload payload) {
        QrpTableAssembler assembler = qrpAssemblers.get(c);
        if (assembler == null) {
            return;
        }
        try {
            assembler.accept(payload).ifPresent(table -> {
                boolean changed = routes.tableReceived(c, table);
                log.debug("{} sent a QRP table with {} of {} slots set", c.remoteAddress(), table.countSet(),
                        table.size());
                republish(changed);
            });
        } catch (QrpException e) {
            log.info("closing {}: bad QRP update: {}", c.remoteAddress(), e.getMessage());
            c.close(new Bye(e.byeCode(), e.getMessage()));
        }
    }

    /**
     * Our table towards ultrapeers covers our leaves' tables: when those change it, ultrapeers
     * must get it again, or they keep routing last-hop queries by the old one.
     */
    private void republish(boolean changed) {
        if (!changed) {
            return;
        }
        log.debug("leaf tables changed: sending our merged QRP table to ultrapeers");
        for (Connection peer : qrpAssemblers.keySet()) {
            qrp.sendTo(peer);
        }
    }

    /**
     * Queues {@code frame} on {@code to}, reporting it to the trace first, and to its search when
     * it is our own query (sent at once or by a step of a dynamic query).
     */
    boolean send(Connection to, Frame frame) {
        trace.sending(to, frame);
        if (frame.header().type() == MessageType.QUERY) {
            searches.sending(frame.header().guid(), to);
        }
        return to.send(frame);
    }

    private void countBad(Connection c, Frame frame, BadMessageException e) {
        int count = badMessages.computeIfAbsent(c, k -> new AtomicInteger()).incrementAndGet();
        drops.count(DropReason.MALFORMED);
        log.debug("dropped malformed {} from {}: {}", frame, c.remoteAddress(), e.getMessage());
        if (count > MAX_BAD_MESSAGES) {
            c.close(new Bye(Bye.TOO_MANY_ERRORS, "Too many malformed messages"));
        }
    }
}
