package dev.shoal.protocol.handshake;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * What the handshake policy needs to know about our node at the moment a peer knocks: our role,
 * how many more ultrapeer and leaf links we take, where we listen, how we see the peer, and a few
 * hosts to suggest, and how we stand on leaf guidance.
 *
 * @param listenAddress   our listening address as peers should dial it, or null if unknown
 * @param remoteAddress   the peer's address as we see it (sent back as {@code Remote-IP}), or null
 * @param tryUltrapeers   hosts for {@code X-Try-Ultrapeers}, best first
 * @param deflate         whether we offer and use {@code deflate} on Gnutella links
 * @param ultrapeersNeeded as an ultrapeer, we want more ultrapeer links: an ultrapeer that comes to
 *                        us is not asked to become our leaf ({@code X-Ultrapeer-Needed: True})
 * @param takesGuidance   as an ultrapeer, we would become the leaf of an ultrapeer that asks us to
 *                        ({@code X-Ultrapeer-Needed: False}); false for a node told to be an ultrapeer
 */
public record NodeCapacity(NodeRole role, int freeUltrapeerSlots, int freeLeafSlots,
        InetSocketAddress listenAddress, InetAddress remoteAddress, List<InetSocketAddress> tryUltrapeers,
        boolean deflate, boolean ultrapeersNeeded, boolean takesGuidance) {
    public NodeCapacity {
        if (role == null) {
            throw new IllegalArgumentException("role is required");
        }
        freeUltrapeerSlots = Math.max(0, freeUltrapeerSlots);
        freeLeafSlots = Math.max(0, freeLeafSlots);
        tryUltrapeers = tryUltrapeers == null ? List.of() : List.copyOf(tryUltrapeers);
    }

    /** An ultrapeer that wants ultrapeers and never becomes a leaf, or a leaf. */
    public NodeCapacity(NodeRole role, int freeUltrapeerSlots, int freeLeafSlots, InetSocketAddress listenAddress,
            InetAddress remoteAddress, List<InetSocketAddress> tryUltrapeers, boolean deflate) {
        this(role, freeUltrapeerSlots, freeLeafSlots, listenAddress, remoteAddress, tryUltrapeers, deflate, true,
                false);
    }
}
