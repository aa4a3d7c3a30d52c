package dev.shoal.transfer.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The {@code X-Alt} header: alternate locations of a file, as {@code a.b.c.d[:port]} literals. */
public final class XAlt {
    /** The Gnutella port, assumed where a location names none. */
    public static final int DEFAULT_PORT = 6346;

    private XAlt() {
    }

    /**
     * Parses an {@code X-Alt} value: comma-separated {@code ip[:port]}, port {@value #DEFAULT_PORT}
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
            sb.append(a.getAddress().getHostAddress()).append(':').append(a.getPort());
        }
        return sb.toString();
    }

    /** {@code a.b.c.d[:port]} to an address, or null; no DNS. */
    public static InetSocketAddress parseHostPort(String token) {
        int colon = token.indexOf(':');
        String host = colon < 0 ? token : token.substring(0, colon);
        int port = DEFAULT_PORT;
        if (colon >= 0) {
            String p = token.substring(colon + 1);
            if (p.isEmpty() || p.length() > 5 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            port = Integer.parseInt(p);
        }
        byte[] ip = ipv4(host);
        if (ip == null || port < 1 || port > 65535 || (ip[0] == 0)) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] ip = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            ip[i] = (byte) v;
        }
        return ip;
    }
}
