package dev.shoal.node.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.NodeConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Network safety: the built-in public caches are in the plan only when the user joined the public network. */
class BootstrapPlanTest {
    private static final URI OWN_GWC = URI.create("http://127.0.0.1:8080/gwc");
    private static final InetSocketAddress OWN_UHC = new InetSocketAddress("127.0.0.1", 9000);

    @Test
    void aNodeThatDidNotJoinThePublicNetworkAsksNoCacheAtAll() {
        NodeConfig.Bootstrap defaults = NodeConfig.defaults(Path.of("data")).bootstrap();
        assertThat(defaults.joinPublic()).isFalse();
        assertThat(BootstrapPlan.of(defaults)).isEqualTo(BootstrapPlan.NONE);
        assertThat(BootstrapPlan.of(defaults).isEmpty()).isTrue();
    }

    @Test
    void withoutJoiningOnlyTheCachesTheUserGaveAreAsked() {
        BootstrapPlan plan = BootstrapPlan.of(NodeConfig.Bootstrap.defaults().withGWebCaches(List.of(OWN_GWC))
                .withUhcs(List.of(OWN_UHC)));
        assertThat(plan.gwebcaches()).containsExactly(OWN_GWC);
        assertThat(plan.uhcs()).containsExactly(OWN_UHC);
        assertThat(plan.publicNetwork()).isFalse();
    }

    @Test
    void joiningThePublicNetworkUsesTheBuiltInListsUnlessTheUserNamedCaches() {
        NodeConfig.Bootstrap joined = NodeConfig.Bootstrap.defaults().withJoinPublic(true);
        assertThat(BootstrapPlan.of(joined).uhcs()).isEqualTo(NodeConfig.Bootstrap.PUBLIC_UHCS).isNotEmpty();
        assertThat(BootstrapPlan.of(joined).gwebcaches()).isEqualTo(NodeConfig.Bootstrap.PUBLIC_GWEBCACHES).isNotEmpty();
        BootstrapPlan own = BootstrapPlan.of(joined.withGWebCaches(List.of(OWN_GWC)));
        assertThat(own.gwebcaches()).containsExactly(OWN_GWC);
        assertThat(own.uhcs()).isEmpty();
    }

    @Test
    void noBootstrapMeansNoCacheEvenWhenJoinedOrNamed() {
        assertThat(BootstrapPlan.of(NodeConfig.Bootstrap.defaults().withJoinPublic(true)
                .withGWebCaches(List.of(OWN_GWC)).withEnabled(false))).isEqualTo(BootstrapPlan.NONE);
    }
}
