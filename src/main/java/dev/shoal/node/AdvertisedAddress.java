package dev.shoal.node;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address a peer should use to reach us, as put in our pongs, hits and pushes: the bound one,
 * or when bound to all interfaces the address that peer says it sees us at ({@code Remote-IP}),
 * if it is IPv4: those messages have room for nothing else.
 */
final class AdvertisedAddress {
    /** Address literals only: a header value must never trigger a DNS lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:]+");

    private AdvertisedAddress() {
    }

    static InetSocketAddress of(InetSocketAddress bound, Optional<String> remoteIp) {
        InetAddress ip = bound.getAddress();
        if (ip.isAnyLocalAddress()) {
            ip = remoteIp.flatMap(AdvertisedAddress::parseIp).orElse(InetAddress.getLoopbackAddress());
        }
        return new InetSocketAddress(ip, bound.getPort());
    }

    /**
     * The address others can reach us at, when we can tell: the bound one, or when bound to all
     * interfaces the one a peer says it sees; empty when neither is known.
     */
    static Optional<InetSocketAddress> known(InetSocketAddress bound, Optional<String> remoteIp) {
        if (bound.getAddress().isAnyLocalAddress() && remoteIp.flatMap(AdvertisedAddress::parseIp).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(of(bound, remoteIp));
    }

    private static Optional<InetAddress> parseIp(String text) {
        String t = text.trim();
        if (!IP_LITERAL.matcher(t).matches()) {
            return Optional.empty();
        }
        try {
            InetAddress ip = InetAddress.getByName(t);
            return ip instanceof Inet4Address ? Optional.of(ip) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
