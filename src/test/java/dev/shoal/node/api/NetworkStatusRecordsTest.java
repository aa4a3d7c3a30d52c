package dev.shoal.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The records the Network tab reads: bootstrap state, UDP counts, and when the port is mapped. */
class NetworkStatusRecordsTest {
    private final NodeConfig base = NodeConfig.defaults(Path.of("data"));

    @Test
    void thePortIsMappedOnlyWhenMappingIsOnAndThePublicNetworkJoined() {
        NodeConfig joined = base.withBootstrap(base.bootstrap().withJoinPublic(true));
        assertThat(base.withPortMapping(true).mapsPort()).isFalse();
        assertThat(joined.mapsPort()).isFalse();
        assertThat(joined.withPortMapping(true).mapsPort()).isTrue();
    }

    @Test
    void bootstrapStatusSaysOffLookingOrDone() {
        assertThat(BootstrapStatus.OFF.active()).isFalse();
        assertThat(BootstrapStatus.OFF.line()).isEqualTo("bootstrap off");
        BootstrapStatus looking = new BootstrapStatus(true, 2, 37, 3);
        assertThat(looking.state()).isEqualTo(BootstrapStatus.State.BOOTSTRAPPING);
        assertThat(looking.line()).isEqualTo("bootstrapping: asked 2 caches, 37 hosts, 3 connected");
        assertThat(new BootstrapStatus(false, 1, 1, 1).state()).isEqualTo(BootstrapStatus.State.DONE);
        assertThatThrownBy(() -> new BootstrapStatus(null, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void udpTrafficSaysDatagramsInOutAndDropped() {
        assertThat(new UdpTraffic(1, 0, 0).line()).isEqualTo("1 datagram in, 0 out, 0 dropped");
        assertThat(new UdpTraffic(12, 9, 1).line()).isEqualTo("12 datagrams in, 9 out, 1 dropped");
        assertThatThrownBy(() -> new UdpTraffic(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
