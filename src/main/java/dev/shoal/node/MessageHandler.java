package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.net.ConnectionListener;
import dev.shoal.protocol.BadMessageException;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Payload;
import dev.shoal.protocol.Ping;
import dev.shoal.protocol.Pong;
import dev.shoal.protocol.Push;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.VendorMessage;
import dev.shoal.routing.HitRoute;
import dev.shoal.routing.PingRoute;
import dev.shoal.routing.PushRoute;
import dev.shoal.routing.QrpException;
import dev.shoal.routing.QrpTable;
import dev.shoal.routing.QrpTableAssembler;
import dev.shoal.routing.QueryRoute;
import dev.shoal.routing.Router;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns frames from peers into routing decisions and sends: the servent's message loop. Frames of
 * one connection arrive in order; the router is shared, so every call into it holds its lock.
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
    /**
     * "Messages Supported" ({@code \0\0\0\0}/0 v0) listing none: we handle no vendor messages,
     * but having announced {@code Vendor-Message} we owe the list. gtk-gnutella marks a peer that
     * never sends it as not genuine after 50 messages and then skips it for its leaves' queries.
     * One link only: TTL 1, hops 0, all-zero GUID as gtk-gnutella sends its own.
     */
    private static final Frame MESSAGES_SUPPORTED = MessageCodec.frame(Guid.ZERO, 1, 0,
            new VendorMessage("\0\0\0\0", 0, 0, new byte[] {0, 0}));

    private final Router<Connection> router;
    private final LocalResponder responder;
    private final SearchRegistry searches;
    private final NodeHooks hooks;
    private final LongSupplier clock;
    private final Map<Connection, QrpTableAssembler> qrpAssemblers = new ConcurrentHashMap<>();
    private final Map<Connection, AtomicInteger> badMessages = new ConcurrentHashMap<>();

    /** What the handler needs from the rest of the node, kept narrow so it can be tested alone. */
    interface NodeHooks {
        Pong ownPong(Connection to);

        InetSocketAddress advertisedAddress(Connection to);

        void connected(Connection c);

        void disconnected(Connection c, String reason);

        void hostLearned(InetSocketAddress address);

        void pushForUs(Push push);

        void queryAnswered(Query query, int hops, int results);
    }

    MessageHandler(Router<Connection> router, LocalResponder responder, SearchRegistry searches, NodeHooks hooks,
            LongSupplier clock) {
        this.router = router;
        this.responder = responder;
        this.searches = searches;
        this.hooks = hooks;
        this.clock = clock;
    }

    @Override
    public void onConnected(Connection c) {
        synchronized (router) {
            router.connectionOpened(c, !c.isUltrapeer());
        }
        qrpAssemblers.put(c, new QrpTableAssembler());
        if (c.peerHeaders().contains("Vendor-Message")) {
            c.send(MESSAGES_SUPPORTED);
        }
        hooks.connected(c);
    }

    @Override
    public void onDisconnected(Connection c, String reason) {
        boolean changed;
        synchronized (router) {
            QrpTable before = router.mergedLeafTable();
            router.connectionClosed(c);
            changed = changedSince(before);
        }
        QrpTableAssembler assembler = qrpAssemblers.remove(c);
        republish(changed);
        if (assembler != null) {
            assembler.close();
        }
        badMessages.remove(c);
        hooks.disconnected(c, reason);
    }

    @Override
    public void onFrame(Connection c, Frame frame) {
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
        } else if (payload instanceof QueryHit hit) {
            onQueryHit(c, frame, hit);
        } else if (payload instanceof Ping) {
            onPing(c, h);
        } else if (payload instanceof Pong pong) {
            hooks.hostLearned(pong.address());
        } else if (payload instanceof Push push) {
            onPush(c, frame, push);
        } else if (payload instanceof Bye bye) {
            log.debug("{} said Bye {} {}", c.remoteAddress(), bye.code(), bye.reason());
            c.close(null);
        } else if (h.type() == MessageType.ROUTE_TABLE_UPDATE) {
            onRouteTableUpdate(c, payload);
        }
        // Vendor and unknown messages are ignored and never forwarded.
    }

    private void onQuery(Connection c, Frame frame, Query q) {
        Header h = frame.header();
        // Split once: routing and answering both need the words.
        List<String> keywords = q.keywords();
        QueryRoute<Connection> route;
        synchronized (router) {
            route = router.onQuery(c, h, keywords, q.urns(), clock.getAsLong());
        }
        if (route.dropped()) {
            return;
        }
        for (Connection target : route.forwardTo()) {
            target.send(new Frame(route.forwardHeader(), frame.payload()));
        }
        if (route.answerLocally()) {
            // Hits travel back along the reverse path: one link per hop the query took, plus slack
            // for routers that trim TTLs on the way.
            int ttl = Math.min(15, h.hops() + 3);
            List<QueryHit> hits = responder.answer(q, keywords, hooks.advertisedAddress(c));
            for (QueryHit hit : hits) {
                c.send(MessageCodec.frame(h.guid(), ttl, 0, hit));
            }
            hooks.queryAnswered(q, h.hops(), hits.stream().mapToInt(hit -> hit.results().size()).sum());
        }
    }

    private void onQueryHit(Connection c, Frame frame, QueryHit hit) {
        HitRoute<Connection> route;
        synchronized (router) {
            route = router.onQueryHit(c, frame.header(), hit.serventId(), clock.getAsLong());
        }
        if (route.ownQuery()) {
            searches.deliver(frame.header(), hit);
        } else if (route.sendTo() != null) {
            route.sendTo().send(new Frame(route.forwardHeader(), frame.payload()));
        }
    }

    private void onPing(Connection c, Header h) {
        PingRoute route;
        synchronized (router) {
            route = router.onPing(c, h, clock.getAsLong());
        }
        if (route.answer()) {
            c.send(MessageCodec.frame(h.guid(), Math.min(15, h.hops() + 1), 0, hooks.ownPong(c)));
        }
    }

    /**
     * Sends our own Push for file {@code index} toward servent {@code target}, on the link its hits
     * came by. False when no such link is known (or our address cannot be put in a Push).
     */
    boolean sendPush(Guid target, long index) {
        Connection next;
        synchronized (router) {
            next = router.pushRouteTo(target, clock.getAsLong());
        }
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
        return next.send(MessageCodec.frame(Guid.random(), PUSH_TTL, 0, push));
    }

    private void onPush(Connection c, Frame frame, Push push) {
        PushRoute<Connection> route;
        synchronized (router) {
            route = router.onPush(c, frame.header(), push.serventId(), clock.getAsLong());
        }
        if (route.forUs()) {
            hooks.pushForUs(push);
        } else if (route.sendTo() != null) {
            route.sendTo().send(new Frame(route.forwardHeader(), frame.payload()));
        }
    }

    private void onRouteTableUpdate(Connection c, Payload payload) {
        QrpTableAssembler assembler = qrpAssemblers.get(c);
        if (assembler == null) {
            return;
        }
        try {
            assembler.accept(payload).ifPresent(table -> {
                boolean changed;
                synchronized (router) {
                    QrpTable before = router.mergedLeafTable();
                    router.qrpTableReceived(c, table);
                    changed = changedSince(before);
                }
                log.debug("{} sent a QRP table with {} of {} slots set", c.remoteAddress(), table.countSet(),
                        table.size());
                republish(changed);
            });
        } catch (QrpException e) {
            log.info("closing {}: bad QRP update: {}", c.remoteAddress(), e.getMessage());
            c.close(new Bye(e.byeCode(), e.getMessage()));
        }
    }

    /** Whether the merged table differs from {@code before}. Caller holds the router lock. */
    private boolean changedSince(QrpTable before) {
        return !router.mergedLeafTable().equals(before);
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
            QrpPublisher.publish(router, peer);
        }
    }

    private void countBad(Connection c, Frame frame, BadMessageException e) {
        int count = badMessages.computeIfAbsent(c, k -> new AtomicInteger()).incrementAndGet();
        log.debug("dropped malformed {} from {}: {}", frame, c.remoteAddress(), e.getMessage());
        if (count > MAX_BAD_MESSAGES) {
            c.close(new Bye(Bye.TOO_MANY_ERRORS, "Too many malformed messages"));
        }
    }
}
