package dev.shoal.protocol;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one {@code host:port} type: {@code 127.0.0.1:6346}, {@code [::1]:6346} or, typed by a user,
 * {@code example.org:6346}. Two doors in, because trust differs: {@link #parse} takes what a user
 * typed (a name is allowed, and is resolved later, off any event thread, by {@link #resolve});
 * {@link #parseLiteral} takes what a peer sent, where only address literals count, so that a peer
 * can never make us look a name up. Two ways out, never with a leading slash: {@link #format}
 * writes the address (what goes into messages and files), {@link #display} the host as it was
 * given, a typed name kept (what people read, and HTTP's {@code Host} header).
 *
 * @param host a name, an IPv4 literal or an IPv6 literal without brackets
 * @param port 1..65535
 */
public record HostPort(String host, int port) {
    /** The Gnutella port, assumed where a peer leaves the port out (as in {@code X-Alt}). */
    public static final int DEFAULT_PORT = 6346;
    private static final String EXAMPLE = "type a host and port, such as 127.0.0.1:6346";

    public HostPort {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no host: " + EXAMPLE);
        }
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("the port must be 1 to 65535, not " + port);
        }
    }

    /** What a user typed; the message of the exception says what is wrong, in words for them. */
    public static HostPort parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1 || t.indexOf(':') != colon && !t.startsWith("[")) {
            throw new IllegalArgumentException(EXAMPLE);
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String portText = t.substring(colon + 1);
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + portText + "' is not a port number: " + EXAMPLE);
        }
        return new HostPort(host, port);
    }

    /** An address a peer sent: {@code ip:port} or {@code [ipv6]:port}, literals only, no name lookup. */
    public static Optional<InetSocketAddress> parseLiteral(String text) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            return Optional.empty();
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (port <= 0 || port > 0xFFFF) {
            return Optional.empty();
        }
        return parseAddress(t.substring(0, colon)).map(a -> new InetSocketAddress(a, port));
    }

    /**
     * An address a peer sent where the port may be left out ({@code X-Alt}, magnet sources):
     * {@code ip}, {@code ip:port}, {@code [ipv6]} or {@code [ipv6]:port}; literals only.
     */
    public static Optional<InetSocketAddress> parseLiteral(String text, int defaultPort) {
        String t = text.trim();
        boolean bracketed = t.startsWith("[");
        long colons = t.chars().filter(c -> c == ':').count();
        boolean hasPort = bracketed ? t.contains("]:") : colons == 1;
        if (hasPort) {
            return parseLiteral(t);
        }
        return parseAddress(t).map(a -> new InetSocketAddress(a, defaultPort));
    }

    /** A comma-separated list a peer sent, skipping entries that are not address literals. */
    public static List<InetSocketAddress> parseLiteralList(String text) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String part : text.split(",")) {
            parseLiteral(part).ifPresent(out::add);
        }
        return out;
    }

    /** An IP literal (IPv4 dotted quad, or IPv6 bare or bracketed) without any name lookup. */
    public static Optional<InetAddress> parseAddress(String text) {
        String host = text.trim();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
            return host.indexOf(':') >= 0 ? ipv6(host) : Optional.empty();
        }
        if (host.indexOf(':') >= 0) {
            return ipv6(host);
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

    /** {@code ip:port} ({@code [ipv6]:port}); the name when the address was never resolved. */
    public static String format(InetSocketAddress address) {
        return address.getAddress() == null ? new HostPort(address.getHostString(), address.getPort()).toString()
                : formatAddress(address.getAddress()) + ":" + address.getPort();
    }

    /** {@code name:port}, {@code ip:port} or {@code [ipv6]:port}: the host as it was given, never looked up. */
    public static String display(InetSocketAddress address) {
        return join(address.getHostString(), address.getPort());
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

    /** Looks the host up when it is a name (a blocking call: never on an event thread). */
    public InetSocketAddress resolve() {
        return new InetSocketAddress(host, port);
    }

    /** Keeps the name for later: nothing is looked up now. */
    public InetSocketAddress unresolved() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    @Override
    public String toString() {
        return join(host, port);
    }

    private static String join(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static Optional<InetAddress> ipv6(String literal) {
        // getByName does not consult DNS for a string of hex digits, colons and dots: always a literal.
        if (!literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
