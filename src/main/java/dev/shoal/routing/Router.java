package dev.shoal.routing;

import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Urn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Routing decisions for one servent, fed with events and the current time; it sends nothing
 * itself. The caller decodes a message, asks the router, and performs the returned route.
 * {@code C} is the caller's connection type (compared with {@code equals}).
 *
 * <p>Rules:
 * <ul>
 *   <li>Query: a duplicate (GUID, type) or one beyond the hard hops + TTL limit is dropped. Every
 *       new query is answered locally. It goes on with TTL − 1, hops + 1, trimmed to the hops +
 *       TTL cap: to every ultrapeer but the sender while that TTL is above 0, except that a last
 *       hop (TTL 1) to an ultrapeer that sent a QRP table needs a table match; to a leaf only if
 *       that leaf's QRP table matches (no table, nothing), whatever the TTL (sent with TTL ≥ 1).
 *       A URN-only query goes to ultrapeers only, since tables no longer hold URNs.</li>
 *   <li>QueryHit: sent back on the connection its query came from; a hit for our own query is
 *       ours; otherwise dropped. Its servent id is remembered for Push routing.</li>
 *   <li>Push: ours if the target is our servent id, else sent to the connection the target's
 *       hits came from, else dropped.</li>
 *   <li>Ping: duplicates dropped, new ones answered, never forwarded.</li>
 *   <li>A leaf ({@link RouterConfig#leaf()}) answers but relays nothing.</li>
 *   <li>Bye, QRP and vendor messages are link-local and never routed.</li>
 * </ul>
 * Messages from a connection that is not open are dropped. Not thread-safe: call from one
 * thread (or under one lock).
 */
public final class Router<C> {
    private final RouterConfig config;
    private final TtlPolicy ttl;
    private final Guid ownServentId;
    private final Map<C, Peer> peers = new LinkedHashMap<>();
    private final SeenGuids seen;
    private final SeenGuids ownQueries;
    private final RouteTable<C> queryRoutes;
    private final RouteTable<C> pushRoutes;
    private QrpTable ownTable = QrpTable.empty(QrpTable.DEFAULT_SIZE);

    /** A registered connection: its role and the last QRP table it sent (or null). */
    private static final class Peer {
        final boolean leaf;
        QrpTable table;

        Peer(boolean leaf) {
            this.leaf = leaf;
        }
    }

    public Router(RouterConfig config, Guid ownServentId) {
        this.config = config;
        this.ttl = config.ttl();
        this.ownServentId = ownServentId;
        int max = config.maxEntries();
        this.seen = new SeenGuids(config.seenLifetime().toMillis(), max);
        this.ownQueries = new SeenGuids(config.queryRouteLifetime().toMillis(), max);
        this.queryRoutes = new RouteTable<>(config.queryRouteLifetime().toMillis(), max);
        this.pushRoutes = new RouteTable<>(config.pushRouteLifetime().toMillis(), max);
    }

    /** True when this router answers but relays nothing ({@link RouterConfig#leaf()}). */
    public boolean isLeaf() {
        return config.leaf();
    }

    public Guid ownServentId() {
        return ownServentId;
    }

    /** Registers a connection; {@code isLeaf}: the peer is a leaf of ours. */
    public void connectionOpened(C c, boolean isLeaf) {
        peers.put(c, new Peer(isLeaf));
    }

    /** Forgets the connection and every route through it. */
    public void connectionClosed(C c) {
        peers.remove(c);
        queryRoutes.removeConnection(c);
        pushRoutes.removeConnection(c);
    }

    /** Stores the (complete) QRP table a connection sent; later tables replace it. */
    public void qrpTableReceived(C c, QrpTable table) {
        Peer p = peers.get(c);
        if (p != null) {
            p.table = table;
        }
    }

    /** Our own library's table, the base of {@link #mergedLeafTable()}; replaces the previous one. */
    public void ownTableChanged(QrpTable own) {
        if (own == null) {
            throw new IllegalArgumentException("own table is required");
        }
        ownTable = own;
    }

    /**
     * Our own table (as last set) merged with every leaf's: what we send to other ultrapeers.
     * It changes when our library or a leaf's table changes, and when a leaf with a table leaves.
     */
    public QrpTable mergedLeafTable() {
        return mergedLeafTable(ownTable);
    }

    /** The union of {@code own} and every leaf's table. */
    public QrpTable mergedLeafTable(QrpTable own) {
        QrpTable merged = own;
        for (Peer p : peers.values()) {
            if (p.leaf && p.table != null) {
                merged = merged.merge(p.table);
            }
        }
        return merged;
    }

    /**
     * What the QRP table {@code c} last sent says about a query, for dynamic querying's choice of
     * links: NONE when it sent none or the query is by hash only (not every servent puts URNs in
     * its table, so a miss there proves nothing).
     */
    public QueryLink.TableMatch tableMatch(C c, List<String> keywords, List<Urn> urns) {
        Peer p = peers.get(c);
        if (p == null || p.table == null || (keywords.isEmpty() && !urns.isEmpty())) {
            return QueryLink.TableMatch.NONE;
        }
        return p.table.matches(keywords) ? QueryLink.TableMatch.HIT : QueryLink.TableMatch.MISS;
    }

    /** Number of open connections. */
    public int connectionCount() {
        return peers.size();
    }

    /**
     * Registers a query of our own with a fresh GUID.
     *
     * @see #startQuery(Guid, int, long)
     */
    public OwnQuery startQuery(int requestedTtl, long nowMillis) {
        return startQuery(Guid.random(), requestedTtl, nowMillis);
    }

    /**
     * Registers a query of our own: its TTL is clamped into 1..max TTL, its GUID is marked seen
     * (so echoes are dropped) and its hits will be reported as {@link HitRoute#ownQuery()}.
     */
    public OwnQuery startQuery(Guid guid, int requestedTtl, long nowMillis) {
        TtlPolicy.Clamped clamped = ttl.clampOwn(requestedTtl);
        seen.add(guid, MessageType.QUERY, nowMillis);
        ownQueries.add(guid, MessageType.QUERY, nowMillis);
        Header header = new Header(guid, MessageType.QUERY, clamped.ttl(), 0, 0);
        return new OwnQuery(header, clamped.clamped());
    }

    /**
     * Where to send a query of our own directly (before any dynamic querying narrows it): every
     * ultrapeer, and each leaf whose QRP table matches (for a URN-only query, holds the URN). A leaf
     * sends its queries to all its ultrapeers, which run them for it.
     */
    public List<C> ownQueryTargets(List<String> keywords, List<Urn> urns) {
        boolean urnOnly = keywords.isEmpty() && !urns.isEmpty();
        List<C> targets = new ArrayList<>();
        for (Map.Entry<C, Peer> e : peers.entrySet()) {
            Peer p = e.getValue();
            if (!p.leaf || leafWants(p, urnOnly, keywords, urns)) {
                targets.add(e.getKey());
            }
        }
        return targets;
    }

    /** A leaf gets a query its table matches: by its words, or by hash alone when the table holds the URN. */
    private static boolean leafWants(Peer p, boolean urnOnly, List<String> keywords, List<Urn> urns) {
        return p.table != null && (urnOnly ? p.table.containsAnyUrn(urns) : p.table.matches(keywords));
    }

    public QueryRoute<C> onQuery(C from, Header h, List<String> keywords, List<Urn> urns, long nowMillis) {
        Peer source = peers.get(from);
        if (source == null) {
            return QueryRoute.drop(false, false);
        }
        if (ttl.exceedsHardLimit(h)) {
            return QueryRoute.drop(false, true);
        }
        if (!seen.add(h.guid(), MessageType.QUERY, nowMillis)) {
            return QueryRoute.drop(true, false);
        }
        queryRoutes.put(h.guid(), from, nowMillis);
        if (config.leaf()) {
            return new QueryRoute<>(false, false, true, null, List.of());
        }
        Header forward = ttl.forwardHeader(h);
        boolean toUltrapeers = TtlPolicy.forwardable(forward);
        boolean urnOnly = keywords.isEmpty() && !urns.isEmpty();
        List<C> targets = new ArrayList<>();
        for (Map.Entry<C, Peer> e : peers.entrySet()) {
            Peer p = e.getValue();
            if (e.getKey().equals(from)) {
                continue;
            }
            boolean send;
            if (p.leaf) {
                send = leafWants(p, urnOnly, keywords, urns);
            } else {
                // On the last hop a table tells us whether it is worth sending at all.
                boolean lastHop = forward.ttl() == 1;
                send = toUltrapeers && (!lastHop || p.table == null || urnOnly || p.table.matches(keywords));
            }
            if (send) {
                targets.add(e.getKey());
            }
        }
        if (targets.isEmpty()) {
            return new QueryRoute<>(false, false, true, null, List.of());
        }
        // Leaves get the query even when its TTL ran out here; TTL 0 must never be sent.
        Header out = toUltrapeers ? forward : forward.withTtl(1);
        return new QueryRoute<>(false, false, true, out, targets);
    }

    public HitRoute<C> onQueryHit(C from, Header h, Guid serventId, long nowMillis) {
        if (!peers.containsKey(from) || ttl.exceedsHardLimit(h)) {
            return HitRoute.drop();
        }
        // Whoever sent this hit can reach its servent: pushes for it go back the same way.
        pushRoutes.put(serventId, from, nowMillis);
        if (ownQueries.contains(h.guid(), MessageType.QUERY, nowMillis)) {
            return new HitRoute<>(true, null, null);
        }
        if (config.leaf()) {
            return HitRoute.drop();
        }
        C back = queryRoutes.get(h.guid(), nowMillis);
        if (back == null || back.equals(from) || !peers.containsKey(back)) {
            return HitRoute.drop();
        }
        return new HitRoute<>(false, back, relayed(h));
    }

    public PushRoute<C> onPush(C from, Header h, Guid target, long nowMillis) {
        if (!peers.containsKey(from) || ttl.exceedsHardLimit(h)) {
            return PushRoute.drop();
        }
        if (!seen.add(h.guid(), MessageType.PUSH, nowMillis)) {
            return PushRoute.drop();
        }
        if (target.equals(ownServentId)) {
            return new PushRoute<>(true, null, null);
        }
        if (config.leaf()) {
            return PushRoute.drop();
        }
        C next = pushRoutes.get(target, nowMillis);
        if (next == null || next.equals(from) || !peers.containsKey(next)) {
            return PushRoute.drop();
        }
        return new PushRoute<>(false, next, relayed(h));
    }

    /**
     * The connection to send a Push of our own on to reach {@code serventId} (the one its hits
     * came from), or null if unknown or closed.
     */
    public C pushRouteTo(Guid serventId, long nowMillis) {
        C next = pushRoutes.get(serventId, nowMillis);
        return next != null && peers.containsKey(next) ? next : null;
    }

    public PingRoute onPing(C from, Header h, long nowMillis) {
        if (!peers.containsKey(from) || ttl.exceedsHardLimit(h)) {
            return new PingRoute(true, false);
        }
        boolean fresh = seen.add(h.guid(), MessageType.PING, nowMillis);
        return new PingRoute(!fresh, fresh);
    }

    /**
     * Hits and pushes follow a recorded route, so their TTL is not used to stop them (LimeWire
     * does not test it either); it is only kept from reaching 0, which must never be sent.
     */
    private static Header relayed(Header h) {
        Header hopped = h.hopped();
        return hopped.ttl() == 0 ? hopped.withTtl(1) : hopped;
    }
}
