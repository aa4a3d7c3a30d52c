package dev.shoal.node;

import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SearchListener;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.TigerRoot;
import dev.shoal.protocol.Urn;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Our own running searches, by query GUID, and the hand-off of their hits to listeners. */
final class SearchRegistry {
    private static final Logger log = LoggerFactory.getLogger(SearchRegistry.class);

    private final Map<Guid, SearchListener> listeners = new ConcurrentHashMap<>();

    void register(Guid guid, SearchListener listener) {
        listeners.put(guid, listener);
    }

    void unregister(Guid guid) {
        listeners.remove(guid);
    }

    /** Splits a received hit into one {@link SearchHit} per result for the search that asked. */
    void deliver(Header header, QueryHit hit) {
        SearchListener listener = listeners.get(header.guid());
        if (listener == null) {
            return;
        }
        String host = hit.address().getAddress().getHostAddress();
        for (QueryHit.Result r : hit.results()) {
            SearchHit h = new SearchHit(r.name(), r.size(), urnOf(r), host, hit.address().getPort(), r.index(),
                    header.hops(), hit.serventId().toHex(), hit.vendor() == null ? "" : hit.vendor(),
                    hit.pushNeeded(), r.tigerRoot().map(TigerRoot::base32).orElse(""));
            try {
                listener.onHit(h);
            } catch (RuntimeException e) {
                log.warn("search listener failed on {}", h, e);
            }
        }
    }

    private static String urnOf(QueryHit.Result r) {
        return r.urns().stream().findFirst().map(Urn::toString).orElse("");
    }
}
