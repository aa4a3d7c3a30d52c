package dev.shoal.node.api;

/**
 * Datagrams through the node's UDP port (pings, pongs, host cache requests) since it started.
 *
 * @param datagramsIn  datagrams received, refused ones included
 * @param datagramsOut datagrams sent
 * @param dropped      datagrams refused: malformed, oversized, unsolicited, over budget or of a type not
 *                     taken over UDP (the {@code datagram} group of {@link NodeStats})
 */
public record UdpTraffic(long datagramsIn, long datagramsOut, long dropped) {
    public static final UdpTraffic NONE = new UdpTraffic(0, 0, 0);

    public UdpTraffic {
        if (datagramsIn < 0 || datagramsOut < 0 || dropped < 0) {
            throw new IllegalArgumentException("datagram counts cannot be negative");
        }
    }

    /** As the Network tab says it: {@code 12 datagrams in, 9 out, 1 dropped}. */
    public String line() {
        return datagramsIn + (datagramsIn == 1 ? " datagram" : " datagrams") + " in, " + datagramsOut + " out, "
                + dropped + " dropped";
    }
}
