package dev.shoal.protocol.handshake;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ip:port} text as found in {@code Listen-IP}, {@code X-Try-Ultrapeers} and friends.
 * Only address literals are accepted (IPv4, or {@code [ipv6]:port}): a peer must never make us
 * resolve a name.
 */
public final class HostPort {
    private HostPort() {
    }

    public static Optional<InetSocketAddress> parse(String text) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            return Optional.empty();
        }
        String host = t.substring(0, colon).trim();
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (port <= 0 || port > 0xFFFF) {
            return Optional.empty();
        }
        return parseAddress(host).map(a -> new InetSocketAddress(a, port));
    }

    /** An IP literal (IPv4 dotted quad or bracketed/bare IPv6) without any name lookup. */
    public static Optional<InetAddress> parseAddress(String text) {
        String host = text.trim();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
            return host.indexOf(':') >= 0 ? literal(host) : Optional.empty();
        }
        if (host.indexOf(':') >= 0) {
            return literal(host);
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) v;
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Parses a comma-separated list, skipping entries that are not address literals. */
    public static List<InetSocketAddress> parseList(String text) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String part : text.split(",")) {
            parse(part).ifPresent(out::add);
        }
        return out;
    }

    public static String format(InetSocketAddress address) {
        return formatAddress(address.getAddress()) + ":" + address.getPort();
    }

    public static String formatList(List<InetSocketAddress> addresses) {
        StringBuilder sb = new StringBuilder();
        for (InetSocketAddress a : addresses) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(format(a));
        }
        return sb.toString();
    }

    public static String formatAddress(InetAddress address) {
        String ip = address.getHostAddress();
        return address instanceof Inet4Address ? ip : "[" + ip + "]";
    }

    private static Optional<InetAddress> literal(String ipv6) {
        // getByName does not consult DNS for a string containing ':', which is always a literal.
        if (!ipv6.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(ipv6));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
