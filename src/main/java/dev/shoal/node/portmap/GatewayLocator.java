package dev.shoal.node.portmap;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * How the router is found. {@link #discover()} sends SSDP search requests to the multicast group
 * 239.255.255.250 on the local networks, so it is only ever used when port mapping is enabled and no
 * router was named; {@link #at(URI)} fetches one router's description from the URL given (what the
 * tests do, with a fake router on 127.0.0.1), and sends nothing else anywhere.
 */
@FunctionalInterface
interface GatewayLocator {
    /** The router, or empty when none answered. */
    Optional<Gateway> locate() throws IOException;

    static GatewayLocator discover() {
        return UpnpGateway::discover;
    }

    static GatewayLocator at(URI description) {
        return () -> Optional.of(UpnpGateway.at(description));
    }
}
