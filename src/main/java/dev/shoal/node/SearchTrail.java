package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.node.api.SearchReach;
import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.QueryHit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one of our searches did on the network: the links its query went out on and, per responder
 * and returning link, the hops and results of its hits ({@link SearchReach}). Fed by the message
 * loop on network threads, read by the user's search handle; thread safe. Holds at most
 * {@link SearchReach#MAX_PATHS} paths and counts the hits beyond.
 */
final class SearchTrail {
    private final Map<Long, SearchReach.Queried> queried = new LinkedHashMap<>();
    private final Map<String, SearchReach.HitPath> paths = new LinkedHashMap<>();
    private int notKept;

    /** The query went out on {@code link} (again, for a step of a dynamic query: counted once). */
    synchronized void sentTo(Connection link) {
        queried.computeIfAbsent(link.id(), id -> new SearchReach.Queried(id, HostPort.format(link.remoteAddress())));
    }

    /** A hit for the search came in on {@code link}, relayed {@code hops} times. */
    synchronized void hit(Connection link, int hops, QueryHit hit) {
        String key = hit.serventId().toHex() + "|" + link.id();
        SearchReach.HitPath known = paths.get(key);
        if (known != null) {
            paths.put(key, new SearchReach.HitPath(known.linkId(), known.via(), Math.min(known.hops(), hops),
                    known.responder(), known.serventId(), known.vendor(), known.firewalled(),
                    known.results() + hit.results().size()));
        } else if (paths.size() < SearchReach.MAX_PATHS) {
            paths.put(key, new SearchReach.HitPath(link.id(), HostPort.format(link.remoteAddress()), hops,
                    HostPort.format(hit.address()), hit.serventId().toHex(), hit.vendor() == null ? "" : hit.vendor(),
                    hit.pushNeeded(), hit.results().size()));
        } else {
            notKept++;
        }
    }

    /** A hit for the search came by UDP (out of band), straight from its responder, on no link. */
    synchronized void hitByUdp(int hops, QueryHit hit) {
        String key = hit.serventId().toHex() + "|udp";
        SearchReach.HitPath known = paths.get(key);
        if (known != null) {
            paths.put(key, new SearchReach.HitPath(known.linkId(), known.via(), Math.min(known.hops(), hops),
                    known.responder(), known.serventId(), known.vendor(), known.firewalled(),
                    known.results() + hit.results().size()));
        } else if (paths.size() < SearchReach.MAX_PATHS) {
            String responder = HostPort.format(hit.address());
            paths.put(key, new SearchReach.HitPath(SearchReach.BY_UDP, responder, hops, responder,
                    hit.serventId().toHex(), hit.vendor() == null ? "" : hit.vendor(), hit.pushNeeded(),
                    hit.results().size()));
        } else {
            notKept++;
        }
    }

    synchronized SearchReach reach() {
        return new SearchReach(new ArrayList<>(queried.values()), List.copyOf(paths.values()), notKept);
    }
}
