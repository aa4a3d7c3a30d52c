package dev.shoal.node.api;

import java.util.List;

/**
 * The network as this node knows it at one instant: itself, its links, and the hosts its peers
 * told it about. Gnutella shows a servent no further than that: a peer's neighbours are learnt
 * from the pongs it relays to us and the hosts it suggests in its handshake, never from a map it
 * sends.
 *
 * @param address where we listen, {@code host:port}
 * @param links our connected peers, oldest first
 * @param neighbours hosts beyond our links, each with the link that told us of it
 */
public record NetworkMap(String address, Role role, List<Link> links, List<Neighbour> neighbours) {
    public NetworkMap {
        links = List.copyOf(links);
        neighbours = List.copyOf(neighbours);
    }

    /**
     * One of our links.
     *
     * @param id the link's id, as in {@link PeerInfo#id()} and {@link SearchReach}
     * @param address the peer's address as we see it, {@code host:port}
     * @param vendor the servent's name from its {@code User-Agent}, version left out
     * @param outgoing we dialled it (else it connected to us)
     * @param bytesIn bytes received on the link (as on the wire, compressed or not)
     */
    public record Link(long id, String address, boolean ultrapeer, String userAgent, String vendor,
            boolean outgoing, long bytesIn, long bytesOut, long messagesIn, long messagesOut) {

        public Role role() {
            return ultrapeer ? Role.ULTRAPEER : Role.LEAF;
        }
    }

    /**
     * A host one step beyond one of our links.
     *
     * @param address {@code host:port} as the peer gave it
     * @param linkId the link that told us of it
     * @param ultrapeer it says it is an ultrapeer (a pong's {@code UP}, or a list of ultrapeers)
     * @param heard how we know of it, which says how sure it is to be the peer's neighbour
     */
    public record Neighbour(String address, long linkId, boolean ultrapeer, Heard heard) {
    }

    /** How a host beyond a link came to be known. */
    public enum Heard {
        /**
         * Its pong reached us through the link relayed once (hops 1): it is the peer's own
         * neighbour, or was a few seconds ago (ultrapeers answer pings from a short-lived cache of
         * their ultrapeer neighbours' pongs, so only an ultrapeer's neighbours that are
         * ultrapeers are learnt this way).
         */
        PONG,
        /**
         * The peer named it in {@code X-Try-Ultrapeers} when we connected: a host it knows,
         * usually one of its ultrapeers, not always.
         */
        TRY_HEADER
    }
}
