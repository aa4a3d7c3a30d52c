package dev.shoal.node;

import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.Urn;
import dev.shoal.routing.HitRoute;
import dev.shoal.routing.OwnQuery;
import dev.shoal.routing.PingRoute;
import dev.shoal.routing.PushRoute;
import dev.shoal.routing.QrpTable;
import dev.shoal.routing.QueryLink;
import dev.shoal.routing.QueryRoute;
import dev.shoal.routing.Router;
import dev.shoal.routing.RouterConfig;
import dev.shoal.time.Clock;
import java.util.List;

/**
 * The one owner of a servent's routing state. Every connection's thread asks it, so each question
 * is answered under its lock, at the clock's time, and nothing else can reach the {@link Router}
 * it wraps. Each method is one short decision: nothing here sends, blocks or searches. When the
 * node changes role, {@link #reset} starts a fresh router for it (its links are all dropped then).
 *
 * @param <C> the caller's connection type, compared with {@code equals}
 */
public final class NodeRouter<C> {
    private final RouterConfig config;
    private final Guid serventId;
    private final Clock clock;
    private Router<C> router;
    private QrpTable ownTable;

    /** A query of our own: its GUID and TTL, and the links to send it on. */
    public record OwnSearch<C>(OwnQuery query, List<C> targets) {
    }

    public NodeRouter(RouterConfig config, Guid serventId, Clock clock) {
        this.config = config;
        this.serventId = serventId;
        this.router = new Router<>(config, serventId);
        this.clock = clock;
    }

    /** Forgets every link and route, and routes as a leaf (answer, relay nothing) or as an ultrapeer. */
    public synchronized void reset(boolean leaf) {
        router = new Router<>(config.withLeaf(leaf), serventId);
        if (ownTable != null) {
            router.ownTableChanged(ownTable);
        }
    }

    public synchronized boolean isLeaf() {
        return router.isLeaf();
    }

    /** What {@code c}'s QRP table says about a query (dynamic querying's HIT, MISS or NONE). */
    public synchronized QueryLink.TableMatch tableMatch(C c, List<String> keywords, List<Urn> urns) {
        return router.tableMatch(c, keywords, urns);
    }

    public synchronized void opened(C c, boolean leaf) {
        router.connectionOpened(c, leaf);
    }

    /** Forgets the link and its routes; true when that changed the table we publish. */
    public synchronized boolean closed(C c) {
        QrpTable before = router.mergedLeafTable();
        router.connectionClosed(c);
        return !router.mergedLeafTable().equals(before);
    }

    /** Stores a link's complete QRP table; true when that changed the table we publish. */
    public synchronized boolean tableReceived(C c, QrpTable table) {
        QrpTable before = router.mergedLeafTable();
        router.qrpTableReceived(c, table);
        return !router.mergedLeafTable().equals(before);
    }

    public synchronized void ownTableChanged(QrpTable own) {
        ownTable = own;
        router.ownTableChanged(own);
    }

    /** Our library's table merged with our leaves': what ultrapeers get from us. */
    public synchronized QrpTable publishedTable() {
        return router.mergedLeafTable();
    }

    public synchronized OwnSearch<C> startSearch(int ttl, List<String> keywords, List<Urn> urns) {
        return new OwnSearch<>(router.startQuery(ttl, clock.millis()), router.ownQueryTargets(keywords, urns));
    }

    /** A search of our own under {@code guid} (one that carries our address, say). */
    public synchronized OwnSearch<C> startSearch(Guid guid, int ttl, List<String> keywords, List<Urn> urns) {
        return new OwnSearch<>(router.startQuery(guid, ttl, clock.millis()), router.ownQueryTargets(keywords, urns));
    }

    public synchronized QueryRoute<C> query(C from, Header h, List<String> keywords, List<Urn> urns) {
        return router.onQuery(from, h, keywords, urns, clock.millis());
    }

    public synchronized HitRoute<C> queryHit(C from, Header h, Guid serventId) {
        return router.onQueryHit(from, h, serventId, clock.millis());
    }

    public synchronized PushRoute<C> push(C from, Header h, Guid target) {
        return router.onPush(from, h, target, clock.millis());
    }

    public synchronized PingRoute ping(C from, Header h) {
        return router.onPing(from, h, clock.millis());
    }

    /** The link toward {@code serventId} for a Push of our own, or null when none is known. */
    public synchronized C pushRouteTo(Guid serventId) {
        return router.pushRouteTo(serventId, clock.millis());
    }
}
