package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.net.NetConfig;
import dev.shoal.node.api.BuildInfo;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.protocol.handshake.NodeRole;
import dev.shoal.transfer.download.SwarmConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigViewsTest {
    private final NodeConfig config = NodeConfig.defaults(Path.of("data"))
            .withMaxConnections(10)
            .withMaxDownloadSources(3)
            .withTimeouts(Duration.ofSeconds(7), Duration.ofSeconds(70))
            .withTuning(NodeConfig.Tuning.defaults().withChunkSize(64 * 1024));

    @Test
    void theNetworkSeesTheNodesValuesAndTheBuildsUserAgent() {
        NetConfig net = ConfigViews.net(config);
        assertThat(net.listenAddress()).isEqualTo(config.listen());
        assertThat(net.maxConnections()).isEqualTo(10);
        assertThat(net.maxLeaves()).isEqualTo(30);
        assertThat(net.leafUltrapeers()).isEqualTo(3);
        assertThat(net.keepAliveInterval()).isEqualTo(Duration.ofSeconds(7));
        assertThat(net.idleTimeout()).isEqualTo(Duration.ofSeconds(70));
        assertThat(net.handshakeTimeout()).isEqualTo(config.tuning().handshakeTimeout());
        assertThat(net.userAgent()).isEqualTo(BuildInfo.userAgent());
        assertThat(net.role()).isEqualTo(NodeRole.ULTRAPEER);
        assertThat(net.outgoingTarget()).isPositive();
    }

    @Test
    void aLeafAndAnAutomaticNodeStartAsLeaves() {
        assertThat(ConfigViews.net(config.withRole(Role.LEAF)).role()).isEqualTo(NodeRole.LEAF);
        assertThat(ConfigViews.net(config.withRole(Role.AUTO)).role()).isEqualTo(NodeRole.LEAF);
        NetConfig tuned = ConfigViews.net(config.toBuilder().maxLeaves(7).leafUltrapeers(2)
                .tuning(config.tuning().toBuilder().outgoingUltrapeers(0).build()).build());
        assertThat(tuned.maxLeaves()).isEqualTo(7);
        assertThat(tuned.leafUltrapeers()).isEqualTo(2);
        assertThat(tuned.outgoingTarget()).isZero();
    }

    @Test
    void theHandshakingSocketsOfAllAddressesAreCappedAsTuned() {
        assertThat(ConfigViews.net(config).peerLimits().socketsTotal()).isEqualTo(512);
        NetConfig big = ConfigViews.net(config.withTuning(config.tuning().toBuilder().handshakingSockets(6000).build()));
        assertThat(big.peerLimits().socketsTotal()).isEqualTo(6000);
        assertThat(big.peerLimits().socketsPerAddress()).isEqualTo(8);
        NetConfig tiny = ConfigViews.net(config.withTuning(config.tuning().toBuilder().handshakingSockets(3).build()));
        assertThat(tiny.peerLimits().socketsPerAddress()).isEqualTo(3);
    }

    @Test
    void downloadsSeeTheNodesValuesAndTheSameUserAgent() {
        SwarmConfig swarm = ConfigViews.swarm(config);
        assertThat(swarm.maxActiveSources()).isEqualTo(3);
        assertThat(swarm.chunkSize()).isEqualTo(64 * 1024);
        assertThat(swarm.userAgent()).isEqualTo(ConfigViews.net(config).userAgent());
    }
}
