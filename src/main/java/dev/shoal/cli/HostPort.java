package dev.shoal.cli;

import java.net.InetSocketAddress;

/** Formats addresses the way users type them. */
final class HostPort {
    private HostPort() {
    }

    static String format(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
