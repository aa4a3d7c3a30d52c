package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchHit;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
    ServentNode leafy;

    @AfterEach
    void stop() {
        if (leafy != null) {
            leafy.close();
        }
        net.close();
    }

    @Test
    void aLastHopQueryReachesALeafThatJoinedLater() throws Exception {
        net = new TestNodes(temp);
        ServentNode hub = net.ultrapeer("hub", 4, Map.of());
        ServentNode far = net.ultrapeer("far", 4, Map.of());
        ServentNode asker = net.leaf("asker", 4);
        net.link(far, hub);
        net.link(asker, far);

        Path share = Files.createDirectories(temp.resolve("leafy-share"));
        Files.writeString(share.resolve("charliedelta leaf.txt"), "only on the leaf");
        leafy = ServentNode.start(NodeConfig.defaults(temp.resolve("leafy-data"))
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withShares(List.of(share))
                .withUltrapeer(false));
        leafy.libraryReady().orTimeout(20, TimeUnit.SECONDS).join();
        net.link(leafy, hub);

        // TTL 2 from the asker: far passes it on with TTL 1, a last hop, so only if hub's table
        // (as far knows it) has the word. The new table travels asynchronously: ask a few times.
        List<SearchHit> hits = new CopyOnWriteArrayList<>();
        for (int attempt = 0; attempt < 10 && hits.isEmpty(); attempt++) {
            try (Search search = asker.search("charliedelta", 2, hits::add)) {
                Thread.sleep(1000);
            }
        }
        assertThat(hits).extracting(SearchHit::name).contains("charliedelta leaf.txt");
        assertThat(hits.get(0).hops()).isEqualTo(2);
    }
}
