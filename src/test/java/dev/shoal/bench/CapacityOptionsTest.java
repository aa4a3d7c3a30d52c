package dev.shoal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.bench.HeldConnections.Kind;
import org.junit.jupiter.api.Test;

class CapacityOptionsTest {
    @Test
    void defaultsAreFiveThousandOfEveryKind() {
        CapacityOptions o = CapacityOptions.parse(new String[0]);
        assertThat(o.connections()).isEqualTo(5_000);
        assertThat(o.kinds()).containsExactly(Kind.IDLE, Kind.SLOW, Kind.GNUTELLA);
        assertThat(o.handshakeSeconds()).isEqualTo(CapacityOptions.DEFAULT_HANDSHAKE_SECONDS);
        assertThat(o.keepAliveSeconds()).isEqualTo(CapacityOptions.DEFAULT_KEEP_ALIVE_SECONDS);
        assertThat(o.json()).isFalse();
    }

    @Test
    void oneKindAndItsNumbersAreTaken() {
        CapacityOptions o = CapacityOptions.parse(new String[] {"--connections", "200", "--kind", "slow", "--searches",
            "4", "--handshake-seconds", "30", "--keep-alive-seconds", "3", "--json"});
        assertThat(o).isEqualTo(new CapacityOptions(200, java.util.List.of(Kind.SLOW), 4, 30, 3, true));
    }

    @Test
    void nonsenseIsRefusedWithWhatToChange() {
        assertThatThrownBy(() -> CapacityOptions.parse(new String[] {"--connections", "0"}))
                .isInstanceOf(BenchUsageException.class).hasMessageContaining("--connections must be");
        assertThatThrownBy(() -> CapacityOptions.parse(new String[] {"--connections"}))
                .isInstanceOf(BenchUsageException.class);
        assertThatThrownBy(() -> CapacityOptions.parse(new String[] {"--loud"}))
                .isInstanceOf(BenchUsageException.class).hasMessageContaining("--loud");
    }

    @Test
    void theDefaultKeepAliveIsANodesOwn() {
        assertThat(java.time.Duration.ofSeconds(CapacityOptions.DEFAULT_KEEP_ALIVE_SECONDS))
                .isEqualTo(dev.shoal.node.api.NodeConfig.defaults(java.nio.file.Path.of("unused")).keepAlive());
    }

    @Test
    void theSourceAddressesAreDistinctLoopbackAddresses() throws Exception {
        assertThat(HeldConnections.source(0).getHostAddress()).isEqualTo("127.10.0.1");
        assertThat(HeldConnections.source(249).getHostAddress()).isEqualTo("127.10.0.250");
        assertThat(HeldConnections.source(250).getHostAddress()).isEqualTo("127.10.1.1");
        assertThat(HeldConnections.source(59_999).isLoopbackAddress()).isTrue();
    }
}
