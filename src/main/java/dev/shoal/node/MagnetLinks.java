package dev.shoal.node;

import dev.shoal.library.Library;
import dev.shoal.net.Connection;
import dev.shoal.protocol.Urn;
import dev.shoal.transfer.download.Magnet;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Optional;

/** The magnet links the node hands out: naming us as a source when we share the file and can tell our address. */
final class MagnetLinks {
    private MagnetLinks() {
    }

    /**
     * @param bound where we listen
     * @param links our Gnutella connections, whose peers say which address they see us at
     */
    static String of(String urn, String name, long size, Library library, InetSocketAddress bound,
            Collection<Connection> links) {
        Urn u = Links.parseUrn(urn);
        Optional<InetSocketAddress> us = library.byUrn(u).isPresent() ? reachable(bound, links) : Optional.empty();
        return Magnet.of(u, name, size, us).toUri();
    }

    /** Where others can reach us, when we can tell: the bound address, or what a peer says it sees. */
    private static Optional<InetSocketAddress> reachable(InetSocketAddress bound, Collection<Connection> links) {
        Optional<String> seen = links.stream()
                .map(c -> c.peerHeaders().get("Remote-IP"))
                .flatMap(Optional::stream)
                .findFirst();
        return AdvertisedAddress.known(bound, seen);
    }
}
