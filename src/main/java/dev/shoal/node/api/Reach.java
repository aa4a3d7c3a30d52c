package dev.shoal.node.api;

import java.util.List;
import java.util.Optional;

/**
 * Whether others can reach this node, as the Network tab shows it.
 *
 * @param firewalled      no connection from outside has come to our port yet: downloaders must ask us by
 *                        Push, and our hits say so
 * @param udpReachable    a datagram nobody asked for reached our UDP port (a UDP connect-back came), so
 *                        searches can take their hits by UDP
 * @param externalAddress the address peers say they see us at ({@code Remote-IP}), when one told us
 * @param pushProxies     the ultrapeers that forward Pushes to us, as {@code host:port}
 * @param portMapping     what became of mapping our port on the home router
 */
public record Reach(boolean firewalled, boolean udpReachable, Optional<String> externalAddress, List<String> pushProxies,
        PortMapping portMapping) {
    public Reach {
        pushProxies = List.copyOf(pushProxies);
        if (externalAddress == null || portMapping == null) {
            throw new IllegalArgumentException("external address and port mapping are required (maybe empty, off)");
        }
    }
}
