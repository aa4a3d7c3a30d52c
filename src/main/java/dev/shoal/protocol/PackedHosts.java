package dev.shoal.protocol;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hosts packed 6 bytes each, IPv4 in network order then the port LE16: the value of GGEP
 * {@code IPP} in pongs and {@code PUSH} in query hits, and the body of LIME/22.
 */
public final class PackedHosts {
    public static final int ENTRY = 6;

    private PackedHosts() {
    }

    /** @throws IllegalArgumentException for an address that is not a resolved IPv4 one, or port 0 */
    public static byte[] encode(List<InetSocketAddress> hosts) {
        ByteWriter w = new ByteWriter();
        for (InetSocketAddress a : hosts) {
            ByteWriter.requireIpv4(a, "packed host");
            if (a.getPort() == 0) {
                throw new IllegalArgumentException("a packed host needs a port: " + a);
            }
            w.ipv4(a).le16(a.getPort());
        }
        return w.toByteArray();
    }

    /** Lenient: an entry with port 0 is skipped, a trailing partial entry ignored. */
    public static List<InetSocketAddress> decode(byte[] v) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (int i = 0; i + ENTRY <= v.length; i += ENTRY) {
            int port = (v[i + 4] & 0xFF) | (v[i + 5] & 0xFF) << 8;
            if (port == 0) {
                continue;
            }
            try {
                out.add(new InetSocketAddress(InetAddress.getByAddress(new byte[] {v[i], v[i + 1], v[i + 2], v[i + 3]}),
                        port));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("4 bytes are always an address", e);
            }
        }
        return out;
    }
}
