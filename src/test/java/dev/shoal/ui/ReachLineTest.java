package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.BootstrapStatus;
import dev.shoal.node.api.PortMapping;
import dev.shoal.node.api.Reach;
import dev.shoal.node.api.Role;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Network tab's lines about reachability and finding the network, in the words people read. */
class ReachLineTest {
    @Test
    void aFirewalledLeafNamesItsPushProxiesAndTheMappingThatFailed() {
        Reach r = new Reach(true, false, Optional.of("198.51.100.4"), List.of("203.0.113.9:6346"),
                new PortMapping(PortMapping.State.NOT_MAPPED, Optional.empty(), 0, "no UPnP router answered"));

        assertThat(NetworkPanel.describe(Role.LEAF, r)).isEqualTo("Leaf \u00b7 firewalled (others reach us by Push)"
                + " \u00b7 seen as 198.51.100.4 \u00b7 push proxies 203.0.113.9:6346"
                + " \u00b7 port mapping: not mapped: no UPnP router answered");
    }

    @Test
    void aReachableUltrapeerWithItsPortMapped() {
        Reach r = new Reach(false, true, Optional.empty(), List.of(),
                new PortMapping(PortMapping.State.MAPPED, Optional.of("203.0.113.7"), 6346, "Home Router"));

        assertThat(NetworkPanel.describe(Role.ULTRAPEER, r)).isEqualTo(
                "Ultrapeer \u00b7 reachable \u00b7 UDP reachable (hits come by UDP)"
                        + " \u00b7 port mapping: mapped 203.0.113.7:6346 (Home Router)");
    }

    @Test
    void bootstrapIsOffLookingOrDone() {
        assertThat(NetworkPanel.describe(BootstrapStatus.OFF)).isEqualTo("Bootstrap: off");
        assertThat(NetworkPanel.describe(new BootstrapStatus(true, 2, 37, 3)))
                .isEqualTo("bootstrapping: asked 2 caches, 37 hosts, 3 connected");
        assertThat(NetworkPanel.describe(new BootstrapStatus(false, 1, 1, 4)))
                .isEqualTo("Bootstrap: done (asked 1 cache, 1 host, 4 connected)");
    }
}
