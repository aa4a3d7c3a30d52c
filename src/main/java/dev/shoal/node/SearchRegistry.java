package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SearchListener;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.TigerRoot;
import dev.shoal.protocol.Urn;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our own running searches, by query GUID: the hand-off of their hits to listeners, and how many
 * results each has had, which a leaf reports to the ultrapeers running its query (BEAR/12). A
 * search takes at most {@link #MAX_RESULTS} results: what a listener keeps (a results table, say)
 * then stays bounded however many hits peers send for it.
 */
final class SearchRegistry {
    private static final Logger log = LoggerFactory.getLogger(SearchRegistry.class);
    /** The same bound as the hits a search ranks: what is not ranked is not shown either. */
    static final int MAX_RESULTS = SearchResults.MAX_HITS;

    private final Map<Guid, Entry> searches = new ConcurrentHashMap<>();

    private record Entry(SearchListener listener, SearchTrail trail, AtomicInteger results) {
    }

    /** Hits for {@code guid} go to {@code listener}; where the query goes and its hits come from, to {@code trail}. */
    void register(Guid guid, SearchListener listener, SearchTrail trail) {
        searches.put(guid, new Entry(listener, trail, new AtomicInteger()));
    }

    /** A query frame with this GUID is being sent on {@code link}: noted if it is one of our searches. */
    void sending(Guid guid, Connection link) {
        Entry running = searches.get(guid);
        if (running != null) {
            running.trail().sentTo(link);
        }
    }

    void unregister(Guid guid) {
        searches.remove(guid);
    }

    /** Results delivered so far to the search with this GUID; empty once it is closed, or if it is not ours. */
    OptionalInt results(Guid guid) {
        Entry e = searches.get(guid);
        return e == null ? OptionalInt.empty() : OptionalInt.of(e.results().get());
    }

    /**
     * Notes the way {@code hit} came ({@code from}, its hops; null {@code from}: by UDP) and splits it into one {@link SearchHit} per result for the search that asked; false
     * when that search already has all the results it takes (the hit is dropped).
     */
    boolean deliver(Connection from, Header header, QueryHit hit) {
        Entry running = searches.get(header.guid());
        if (running == null) {
            return true;
        }
        if (from != null) {
            running.trail().hit(from, header.hops(), hit);
        } else {
            running.trail().hitByUdp(header.hops(), hit);
        }
        SearchListener listener = running.listener();
        String host = hit.address().getAddress().getHostAddress();
        for (QueryHit.Result r : hit.results()) {
            if (running.results().incrementAndGet() > MAX_RESULTS) {
                return false;
            }
            SearchHit h = new SearchHit(r.name(), r.size(), urnOf(r), host, hit.address().getPort(), r.index(),
                    header.hops(), hit.serventId().toHex(), hit.vendor() == null ? "" : hit.vendor(),
                    hit.pushNeeded(), r.tigerRoot().map(TigerRoot::base32).orElse(""));
            try {
                listener.onHit(h);
            } catch (RuntimeException e) {
                log.warn("search listener failed on {}", h, e);
            }
        }
        return true;
    }

    private static String urnOf(QueryHit.Result r) {
        return r.urns().stream().findFirst().map(Urn::toString).orElse("");
    }
}
