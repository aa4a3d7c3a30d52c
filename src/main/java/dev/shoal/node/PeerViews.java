package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.net.ConnectionStats;
import dev.shoal.node.api.NetworkMap;
import dev.shoal.node.api.PeerInfo;
import dev.shoal.node.api.Role;
import dev.shoal.protocol.HostPort;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Our links as the facade shows them: one {@link PeerInfo} each, and the {@link NetworkMap} around us. */
final class PeerViews {
    private PeerViews() {
    }

    static PeerInfo peer(Connection c) {
        InetSocketAddress a = c.remoteAddress();
        // The port it listens on is ours to dial; its address is the one we see, not the one it may believe.
        String listen = c.isOutgoing() ? HostPort.format(a)
                : c.listenAddress().map(l -> HostPort.format(new InetSocketAddress(a.getAddress(), l.getPort())))
                        .orElse("");
        return new PeerInfo(c.id(), HostPort.format(a), c.userAgent(),
                c.isOutgoing(), c.isUltrapeer(), c.since(), c.stats().framesIn(), c.stats().framesOut(), listen);
    }

    /** Our links, and the hosts beyond them that pongs and headers named, each drawn once. */
    static NetworkMap map(InetSocketAddress self, Role role, Collection<Connection> links, NeighbourBook neighbours) {
        List<NetworkMap.Link> drawn = new ArrayList<>();
        Set<Long> open = new HashSet<>();
        Set<String> shown = new HashSet<>();
        shown.add(HostPort.format(self));
        for (Connection c : links) {
            ConnectionStats s = c.stats();
            String address = HostPort.format(c.remoteAddress());
            drawn.add(new NetworkMap.Link(c.id(), address, c.isUltrapeer(), c.userAgent(), vendorOf(c.userAgent()),
                    c.isOutgoing(), s.wireBytesIn(), s.wireBytesOut(), s.framesIn(), s.framesOut()));
            open.add(c.id());
            shown.add(address);
            c.listenAddress().map(HostPort::format).ifPresent(shown::add);
        }
        List<NetworkMap.Neighbour> beyond = neighbours.beyond(open).stream()
                .filter(n -> !shown.contains(n.address())).toList();
        return new NetworkMap(HostPort.format(self), role, drawn, beyond);
    }

    /** The servent's name in a {@code User-Agent} such as {@code gtk-gnutella/1.2.3 (...)}. */
    static String vendorOf(String userAgent) {
        String ua = userAgent.strip();
        int end = 0;
        while (end < ua.length() && ua.charAt(end) != '/' && ua.charAt(end) != ' ') {
            end++;
        }
        return ua.substring(0, end);
    }
}
