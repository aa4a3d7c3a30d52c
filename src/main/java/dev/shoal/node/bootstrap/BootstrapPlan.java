package dev.shoal.node.bootstrap;

import dev.shoal.node.api.NodeConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/**
 * The caches a node may ask for hosts, decided once from its config. The built-in public caches
 * are in it only when the user joined the public network and named no caches of their own; a node
 * that did not join asks only what the user gave, so nothing else ever leaves the machine.
 *
 * @param uhcs           UDP host caches, asked first
 * @param gwebcaches     GWebCaches, asked when the UDP host caches gave nothing
 * @param publicNetwork  the user joined the public network: caches that caches report may be asked too
 */
public record BootstrapPlan(List<InetSocketAddress> uhcs, List<URI> gwebcaches, boolean publicNetwork) {
    public static final BootstrapPlan NONE = new BootstrapPlan(List.of(), List.of(), false);

    public BootstrapPlan {
        uhcs = List.copyOf(uhcs);
        gwebcaches = List.copyOf(gwebcaches);
    }

    public static BootstrapPlan of(NodeConfig.Bootstrap b) {
        if (!b.enabled()) {
            return NONE;
        }
        boolean own = !b.uhcs().isEmpty() || !b.gwebcaches().isEmpty();
        if (own) {
            return new BootstrapPlan(b.uhcs(), b.gwebcaches(), b.joinPublic());
        }
        if (b.joinPublic()) {
            return new BootstrapPlan(NodeConfig.Bootstrap.PUBLIC_UHCS, NodeConfig.Bootstrap.PUBLIC_GWEBCACHES, true);
        }
        return NONE;
    }

    public boolean isEmpty() {
        return uhcs.isEmpty() && gwebcaches.isEmpty();
    }
}
