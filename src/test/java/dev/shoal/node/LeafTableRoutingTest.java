package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.SearchHit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leaf that joins an ultrapeer after that ultrapeer's links to other ultrapeers are up is still
 * reachable on a query's last hop: the other ultrapeers route it by the ultrapeer's table, which
 * must then cover the new leaf.
 */
class LeafTableRoutingTest {
    @TempDir
    Path temp;
    TestNodes net;

    @AfterEach
    void stop() {
        net.close();
    }

    @Test
    void aLastHopQueryReachesALeafThatJoinedLater() {
        net = new TestNodes(temp);
        ServentNode hub = net.ultrapeer("hub", 4, Map.of());
        ServentNode far = net.ultrapeer("far", 4, Map.of());
        ServentNode asker = net.leaf("asker", 4);
        net.link(far, hub);
        net.link(asker, far);

        ServentNode leafy = net.leaf("leafy", 4, Map.of("charliedelta leaf.txt", "only on the leaf"));
        net.link(leafy, hub);

        // TTL 2 from the asker: far passes it on with TTL 1, a last hop, so only if hub's table
        // (as far knows it) has the word. That table travels leafy → hub → far after the link is
        // up, so ask again until it has arrived; each try is read once its flood is over.
        AtomicReference<List<SearchHit>> hits = new AtomicReference<>(List.of());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !hits.updateAndGet(h -> net.searchUntilOver(asker, "charliedelta", 2)).isEmpty());
        assertThat(hits.get()).extracting(SearchHit::name).containsExactly("charliedelta leaf.txt");
        assertThat(hits.get().get(0).hops()).isEqualTo(2);
    }
}
