package dev.shoal.protocol;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The GUID of a query that wants its hits out of band: the querier's UDP address rides in it,
 * IPv4 in bytes 0–3 (network order) and the port in bytes 13–14 (little-endian); the other bytes
 * stay random. Answerers read the address back with {@link #replyAddress(Guid)}; whether it is one
 * to send to is theirs to judge.
 */
public final class OobGuid {
    private static final int PORT_OFFSET = 13;

    private OobGuid() {
    }

    /** {@code base} with {@code replyTo} (an IPv4 address and a port above 0) written into it. */
    public static Guid withReplyAddress(Guid base, InetSocketAddress replyTo) {
        if (!(replyTo.getAddress() instanceof Inet4Address ip) || replyTo.getPort() == 0) {
            throw new IllegalArgumentException("an out-of-band reply address is IPv4 with a port: " + replyTo);
        }
        byte[] b = base.toBytes();
        System.arraycopy(ip.getAddress(), 0, b, 0, 4);
        b[PORT_OFFSET] = (byte) replyTo.getPort();
        b[PORT_OFFSET + 1] = (byte) (replyTo.getPort() >>> 8);
        return Guid.of(b);
    }

    /** The address a query GUID carries, read as if it were an out-of-band one (any GUID reads as some address). */
    public static InetSocketAddress replyAddress(Guid guid) {
        byte[] b = guid.toBytes();
        int port = (b[PORT_OFFSET] & 0xFF) | (b[PORT_OFFSET + 1] & 0xFF) << 8;
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {b[0], b[1], b[2], b[3]}), port);
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }
}
