package dev.shoal.node.spam;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the node remembers about hosts across its searches, for as long as it runs: those caught
 * flooding, and which searches each host answered with names made of the query, by size. A spammer
 * answers every query, so one search rarely shows its pattern; several do. Bounded: the hosts seen
 * least recently are forgotten first. Thread-safe.
 */
public final class HostMemory {
    static final int MAX_HOSTS = 4096;
    /** Per host and size, enough queries and names to pass any threshold. */
    private static final int MAX_KEPT = 16;
    /** Sizes remembered per host: a spammer needs one, an honest host's echoes are spread over many. */
    private static final int MAX_SIZES = 64;

    private final Set<String> flooders = new HashSet<>();
    private final Map<String, Map<Long, Echoes>> echoes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<Long, Echoes>> eldest) {
            return size() > MAX_HOSTS;
        }
    };

    private static final class Echoes {
        final Set<String> queries = new HashSet<>();
        final Set<String> names = new HashSet<>();
    }

    synchronized void flooded(String host) {
        if (flooders.size() < MAX_HOSTS) {
            flooders.add(host);
        }
    }

    synchronized boolean isFlooder(String host) {
        return flooders.contains(host);
    }

    /** {@code host} answered the search {@code query} with {@code name}, made of the query's words, of {@code size} bytes. */
    synchronized void echoed(String host, long size, String query, String name) {
        Map<Long, Echoes> bySize = echoes.computeIfAbsent(host, h -> new LinkedHashMap<>());
        if (!bySize.containsKey(size) && bySize.size() >= MAX_SIZES) {
            return;
        }
        Echoes e = bySize.computeIfAbsent(size, s -> new Echoes());
        if (e.queries.size() < MAX_KEPT) {
            e.queries.add(query);
        }
        if (e.names.size() < MAX_KEPT) {
            e.names.add(name);
        }
    }

    /** How many searches a host answered with names made of the query, all of one size. */
    record Echo(int searches, long size) {
    }

    /** The size {@code host} used for names echoing the most different searches (each with its own name). */
    synchronized Echo echo(String host) {
        Echo best = new Echo(0, 0);
        Map<Long, Echoes> bySize = echoes.get(host);
        if (bySize != null) {
            for (Map.Entry<Long, Echoes> e : bySize.entrySet()) {
                int n = Math.min(e.getValue().queries.size(), e.getValue().names.size());
                if (n > best.searches()) {
                    best = new Echo(n, e.getKey());
                }
            }
        }
        return best;
    }
}
