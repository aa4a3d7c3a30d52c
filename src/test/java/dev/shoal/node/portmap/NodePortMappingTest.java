package dev.shoal.node.portmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.ServentNode;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.PortMapping;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node started with port mapping on, once it joined the public network, maps its own port on the
 * (fake) router and removes it when it stops; without joining it maps nothing.
 */
class NodePortMappingTest {
    @TempDir
    Path temp;

    /**
     * Joined to the public network with bootstrapping off, so that no public cache is ever asked:
     * tests never join the real network.
     */
    private static NodeConfig joined(NodeConfig c) {
        return c.withBootstrap(c.bootstrap().withJoinPublic(true).withEnabled(false));
    }

    @Test
    void aNodeWithPortMappingMapsItsPortAndRemovesItWhenItStops() throws Exception {
        try (FakeUpnpRouter router = new FakeUpnpRouter()) {
            NodeConfig c = joined(NodeConfig.defaults(temp.resolve("data"))
                    .withListen(new InetSocketAddress("127.0.0.1", 0))
                    .withDownloadsDir(temp.resolve("downloads")).withPortMapping(true));
            ServentNode node = ServentNode.start(c.withTuning(c.tuning().withUpnpGateway(router.location())));
            int port = node.listenAddress().getPort();
            try {
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> node.reach().portMapping().state() == PortMapping.State.MAPPED);
                assertThat(router.mappings).containsExactly(new FakeUpnpRouter.Mapping(port, port, "127.0.0.1", "TCP",
                        "Shoal (Gnutella)"));
                assertThat(node.reach().portMapping().describe())
                        .isEqualTo("mapped 203.0.113.7:" + port + " (Fake Router)");
            } finally {
                node.close();
            }
            assertThat(router.mappings).isEmpty();
            assertThat(router.actions).endsWith("DeletePortMapping");
        }
    }

    @Test
    void byDefaultANodeMapsNothingAndSaysOff() throws Exception {
        try (FakeUpnpRouter router = new FakeUpnpRouter()) {
            NodeConfig c = NodeConfig.defaults(temp.resolve("data")).withListen(new InetSocketAddress("127.0.0.1", 0))
                    .withDownloadsDir(temp.resolve("downloads"));
            assertThat(c.portMapping()).isFalse();
            try (ServentNode node = ServentNode.start(c.withTuning(c.tuning().withUpnpGateway(router.location())))) {
                assertThat(node.reach().portMapping()).isEqualTo(PortMapping.off());
            }
            assertThat(router.actions).as("the router was never asked anything").isEmpty();
        }
    }

    @Test
    void portMappingOnWithoutJoiningThePublicNetworkMapsNothing() throws Exception {
        try (FakeUpnpRouter router = new FakeUpnpRouter()) {
            NodeConfig c = NodeConfig.defaults(temp.resolve("data")).withListen(new InetSocketAddress("127.0.0.1", 0))
                    .withDownloadsDir(temp.resolve("downloads")).withPortMapping(true);
            assertThat(c.bootstrap().joinPublic()).isFalse();
            try (ServentNode node = ServentNode.start(c.withTuning(c.tuning().withUpnpGateway(router.location())))) {
                assertThat(node.reach().portMapping()).isEqualTo(PortMapping.off());
            }
            assertThat(router.actions).as("the router was never asked anything").isEmpty();
        }
    }
}
