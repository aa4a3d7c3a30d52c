package dev.shoal.transfer;

import dev.shoal.protocol.Urn;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The download mesh: alternate locations (other hosts sharing a file) per URN, learnt from
 * {@code X-Alt} headers in both directions and handed out in our own {@code X-Alt}. Bounded per
 * URN and in URNs; the most recently heard location comes first. Thread-safe.
 */
public final class AltLocs {
    public static final int DEFAULT_PORT = 6346;
    private static final int MAX_PER_URN = 64;
    private static final int MAX_URNS = 4096;

    private final Map<Urn, LinkedHashSet<InetSocketAddress>> byUrn = new HashMap<>();

    public synchronized void add(Urn urn, Collection<InetSocketAddress> locations) {
        if (locations.isEmpty()) {
            return;
        }
        if (!byUrn.containsKey(urn) && byUrn.size() >= MAX_URNS) {
            byUrn.remove(byUrn.keySet().iterator().next());
        }
        LinkedHashSet<InetSocketAddress> set = byUrn.computeIfAbsent(urn, u -> new LinkedHashSet<>());
        for (InetSocketAddress a : locations) {
            set.remove(a);
            set.add(a);
        }
        while (set.size() > MAX_PER_URN) {
            set.remove(set.iterator().next());
        }
    }

    public synchronized void remove(Urn urn, InetSocketAddress location) {
        LinkedHashSet<InetSocketAddress> set = byUrn.get(urn);
        if (set != null) {
            set.remove(location);
        }
    }

    /**
     * Up to {@code max} locations, newest first. The asker's own address is not filtered out: we
     * only see its ephemeral port, and a downloader recognises itself anyway.
     */
    public synchronized List<InetSocketAddress> get(Urn urn, int max) {
        LinkedHashSet<InetSocketAddress> set = byUrn.get(urn);
        if (set == null) {
            return List.of();
        }
        List<InetSocketAddress> all = new ArrayList<>(set);
        List<InetSocketAddress> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < max; i--) {
            out.add(all.get(i));
        }
        return out;
    }

    /**
     * Parses an {@code X-Alt} value: comma-separated {@code ip[:port]}, port 6346 when absent.
     * Entries that are not IPv4 literals ({@code tls=...} markers, host names) are skipped; host
     * names are never resolved.
     */
    public static List<InetSocketAddress> parseHeader(String value) {
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
    public static String formatHeader(Collection<InetSocketAddress> locations) {
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
