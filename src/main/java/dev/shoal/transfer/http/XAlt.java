package dev.shoal.transfer.http;

import dev.shoal.protocol.HostPort;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The {@code X-Alt} header: alternate locations of a file, as {@code a.b.c.d[:port]} literals. */
public final class XAlt {
    private XAlt() {
    }

    /**
     * Parses an {@code X-Alt} value: comma-separated {@code ip[:port]}, port {@value HostPort#DEFAULT_PORT}
     * when absent. Entries that are not IPv4 literals ({@code tls=...} markers, host names) are
     * skipped; host names are never resolved.
     */
    public static List<InetSocketAddress> parse(String value) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String token : value.split(",")) {
            InetSocketAddress a = parseHostPort(token.trim());
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /** {@code a.b.c.d:port, ...} for an {@code X-Alt} header. */
    public static String format(Collection<InetSocketAddress> locations) {
        StringBuilder sb = new StringBuilder();
        for (InetSocketAddress a : locations) {
            if (a.getAddress() == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(HostPort.format(a));
        }
        return sb.toString();
    }

    /** {@code a.b.c.d[:port]} to an address, or null; no DNS. */
    public static InetSocketAddress parseHostPort(String token) {
        return HostPort.parseLiteral(token, HostPort.DEFAULT_PORT)
                .filter(a -> a.getAddress() instanceof Inet4Address && a.getAddress().getAddress()[0] != 0)
                .orElse(null);
    }
}
