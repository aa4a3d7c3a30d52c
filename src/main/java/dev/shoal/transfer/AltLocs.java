package dev.shoal.transfer;

import dev.shoal.protocol.Urn;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The download mesh: alternate locations (other hosts sharing a file) per URN, learnt from
 * {@code X-Alt} headers in both directions (see {@link dev.shoal.transfer.http.XAlt}) and handed
 * out in our own. Bounded per URN and in URNs; the most recently heard location comes first.
 * Thread-safe.
 */
public final class AltLocs {
    private static final int MAX_PER_URN = 64;
    private static final int MAX_URNS = 4096;

    private final Map<Urn, LinkedHashSet<InetSocketAddress>> byUrn = new HashMap<>();

    public synchronized void add(Urn urn, Collection<InetSocketAddress> locations) {
        if (locations.isEmpty()) {
            return;
        }
        if (!byUrn.containsKey(urn) && byUrn.size() >= MAX_URNS) {
            byUrn.remove(byUrn.keySet().iterator().next());
        }
        LinkedHashSet<InetSocketAddress> set = byUrn.computeIfAbsent(urn, u -> new LinkedHashSet<>());
        for (InetSocketAddress a : locations) {
            set.remove(a);
            set.add(a);
        }
        while (set.size() > MAX_PER_URN) {
            set.remove(set.iterator().next());
        }
    }

    public synchronized void remove(Urn urn, InetSocketAddress location) {
        LinkedHashSet<InetSocketAddress> set = byUrn.get(urn);
        if (set != null) {
            set.remove(location);
        }
    }

    /**
     * Up to {@code max} locations, newest first. The asker's own address is not filtered out: we
     * only see its ephemeral port, and a downloader recognises itself anyway.
     */
    public synchronized List<InetSocketAddress> get(Urn urn, int max) {
        LinkedHashSet<InetSocketAddress> set = byUrn.get(urn);
        if (set == null) {
            return List.of();
        }
        List<InetSocketAddress> all = new ArrayList<>(set);
        List<InetSocketAddress> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < max; i--) {
            out.add(all.get(i));
        }
        return out;
    }
}
