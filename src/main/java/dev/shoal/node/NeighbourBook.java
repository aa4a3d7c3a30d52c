package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.node.api.NetworkMap;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.Pong;
import dev.shoal.protocol.PongExtensions;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hosts one step beyond each of our links, for the network map: those a link named in its
 * handshake ({@code X-Try-Ultrapeers}, {@code X-Try}) and those whose pongs it relayed after one
 * hop. Forgotten with the link. At most {@link #PER_LINK} per link, the newest kept, so a peer
 * that sends pongs without end costs a few entries. Thread safe.
 */
final class NeighbourBook {
    static final int PER_LINK = 32;

    private final Map<Long, Map<String, NetworkMap.Neighbour>> byLink = new ConcurrentHashMap<>();

    /** A new link: the hosts its handshake suggested. */
    void connected(Connection c) {
        c.peerHeaders().get("X-Try-Ultrapeers").ifPresent(v -> heard(c, HostPort.parseLiteralList(v), true));
        c.peerHeaders().get("X-Try").ifPresent(v -> heard(c, HostPort.parseLiteralList(v), false));
    }

    /** A pong came in on {@code c}: a host one relay away is the link's neighbour. */
    void ponged(Connection c, Header h, Pong pong) {
        if (h.hops() != 1) {
            return;
        }
        boolean ultrapeer = PongExtensions.freeSlots(pong.ggep()).isPresent();
        put(c, new NetworkMap.Neighbour(HostPort.format(pong.address()), c.id(), ultrapeer, NetworkMap.Heard.PONG));
    }

    void disconnected(Connection c) {
        byLink.remove(c.id());
    }

    /**
     * Every host known beyond the links in {@code open}, link by link; what a link that closed
     * while being written to left behind goes now.
     */
    List<NetworkMap.Neighbour> beyond(Set<Long> open) {
        byLink.keySet().retainAll(open);
        List<NetworkMap.Neighbour> out = new ArrayList<>();
        for (Map<String, NetworkMap.Neighbour> link : byLink.values()) {
            synchronized (link) {
                out.addAll(link.values());
            }
        }
        return out;
    }

    private void heard(Connection c, List<InetSocketAddress> hosts, boolean ultrapeers) {
        for (InetSocketAddress a : hosts) {
            put(c, new NetworkMap.Neighbour(HostPort.format(a), c.id(), ultrapeers, NetworkMap.Heard.TRY_HEADER));
        }
    }

    private void put(Connection c, NetworkMap.Neighbour n) {
        if (!c.isOpen()) {
            return;
        }
        Map<String, NetworkMap.Neighbour> link = byLink.computeIfAbsent(c.id(), id -> new LinkedHashMap<>());
        synchronized (link) {
            NetworkMap.Neighbour before = link.remove(n.address());
            // A pong says more than a suggestion: it stays a pong's.
            link.put(n.address(), before != null && before.heard() == NetworkMap.Heard.PONG ? before : n);
            if (link.size() > PER_LINK) {
                link.remove(link.keySet().iterator().next());
            }
        }
    }
}
