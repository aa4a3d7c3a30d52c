package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.ShoalException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a search handle tells its owner: whom the query reached and how long to wait for hits. */
class SearchHandleTest {
    @TempDir
    Path temp;

    @Test
    void aSearchSaysHowManyPeersItReachedAndTheNodesQueryLifetime() {
        try (TestNodes net = new TestNodes(temp)) {
            ServentNode hub = net.ultrapeer("hub", 4, Map.of("tide.txt", "tide"));
            ServentNode lonely = net.leaf("lonely", 4);
            try (Search s = lonely.search("tide", 4, hit -> {
            })) {
                assertThat(s.peersQueried()).isZero();
                assertThat(s.lifetime()).isEqualTo(NodeConfig.Tuning.DEFAULT_QUERY_LIFETIME);
            }
            net.link(lonely, hub);
            try (Search s = lonely.search("tide", 4, hit -> {
            })) {
                assertThat(s.peersQueried()).isEqualTo(1);
            }
        }
    }

    @Test
    void theLifetimeIsPartOfTheNodesConfig() {
        NodeConfig base = NodeConfig.defaults(temp);
        NodeConfig config = base.withTuning(base.tuning().withQueryLifetime(Duration.ofMillis(300)));
        assertThat(config.tuning().queryLifetime()).isEqualTo(Duration.ofMillis(300));
        assertThat(config.tuning().withChunkSize(1 << 20).queryLifetime()).isEqualTo(Duration.ofMillis(300));
        assertThatThrownBy(() -> base.tuning().withQueryLifetime(Duration.ZERO)).isInstanceOf(ShoalException.class)
                .hasMessageContaining("lifetime");
        try (ServentNode node = ServentNode.start(config.withListen(new InetSocketAddress("127.0.0.1", 0)));
                Search s = node.search("anything", 2, hit -> {
                })) {
            assertThat(s.lifetime()).isEqualTo(Duration.ofMillis(300));
        }
    }
}
