package dev.shoal.node;

import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.Urn;
import dev.shoal.routing.HitRoute;
import dev.shoal.routing.OwnQuery;
import dev.shoal.routing.PingRoute;
import dev.shoal.routing.PushRoute;
import dev.shoal.routing.QrpTable;
import dev.shoal.routing.QueryRoute;
import dev.shoal.routing.Router;
import dev.shoal.routing.RouterConfig;
import dev.shoal.time.Clock;
import java.util.List;

/**
 * The one owner of a servent's routing state. Every connection's thread asks it, so each question
 * is answered under its lock, at the clock's time, and nothing else can reach the {@link Router}
 * it wraps. Each method is one short decision: nothing here sends, blocks or searches.
 *
 * @param <C> the caller's connection type, compared with {@code equals}
 */
public final class NodeRouter<C> {
    private final Router<C> router;
    private final Clock clock;

    /** A query of our own: its GUID and TTL, and the links to send it on. */
    public record OwnSearch<C>(OwnQuery query, List<C> targets) {
    }

    public NodeRouter(RouterConfig config, Guid serventId, Clock clock) {
        this.router = new Router<>(config, serventId);
        this.clock = clock;
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
        router.ownTableChanged(own);
    }

    /** Our library's table merged with our leaves': what ultrapeers get from us. */
    public synchronized QrpTable publishedTable() {
        return router.mergedLeafTable();
    }

    public synchronized OwnSearch<C> startSearch(int ttl, List<String> keywords, List<Urn> urns) {
        return new OwnSearch<>(router.startQuery(ttl, clock.millis()), router.ownQueryTargets(keywords, urns));
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
