package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.library.FileHasher;
import dev.shoal.node.api.SearchHit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Six real servents on loopback flooding real queries (dynamic querying off: these are the rules of
 * a flood, which ultrapeers still use for queries from other ultrapeers): TTL reach on a line, duplicate suppression
 * on a ring, and hits that return along the reverse path with the right URN and size. Each search
 * is read once its flood is over (see {@link FloodWatch}), so "no other hit" means none will come.
 */
class FloodingNetworkTest {
    private static final int NODES = 6;
    /** Wide enough that the TTL under test, not the clamp, limits the reach. */
    private static final int MAX_TTL = 7;

    @TempDir
    Path temp;
    TestNodes net;
    List<ServentNode> nodes;

    @BeforeEach
    void startNodes() {
        net = new TestNodes(temp).flooding();
        nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            nodes.add(net.ultrapeer("n" + i, MAX_TTL, Map.of("shoalsample node" + i + ".txt", content(i))));
        }
    }

    @AfterEach
    void stopNodes() {
        net.close();
    }

    private static String content(int i) {
        return "the file shared by node " + i + "\n".repeat(i + 1);
    }

    @Test
    void onALineTtlReachesExactlyTheNodesWithinThatManyHops() throws Exception {
        ServentNode searcher = net.leaf("searcher", MAX_TTL);
        net.link(searcher, nodes.get(0));
        for (int i = 0; i + 1 < NODES; i++) {
            net.link(nodes.get(i), nodes.get(i + 1));
        }
        for (int ttl = 1; ttl <= NODES; ttl++) {
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < ttl; i++) {
                expected.add("shoalsample node" + i + ".txt");
            }
            List<SearchHit> hits = net.searchUntilOver(searcher, "shoalsample", ttl);
            Set<String> found = hits.stream().map(SearchHit::name).collect(Collectors.toCollection(TreeSet::new));
            assertThat(found).as("files found with TTL %d", ttl).isEqualTo(expected);
            assertThat(hits).as("one hit per node in reach").hasSize(ttl);
        }
    }

    @Test
    void onARingEveryNodeHandlesEachQueryOnce() throws Exception {
        ServentNode searcher = net.leaf("searcher", MAX_TTL);
        net.link(searcher, nodes.get(0));
        for (int i = 0; i < NODES; i++) {
            net.link(nodes.get(i), nodes.get((i + 1) % NODES));
        }
        List<SearchHit> hits = net.searchUntilOver(searcher, "shoalsample", MAX_TTL);

        assertThat(hits).hasSize(NODES);
        assertThat(hits.stream().map(SearchHit::serventId).distinct()).hasSize(NODES);
        for (ServentNode n : nodes) {
            assertThat(net.queriesSeenBy(n)).as("queries handled by %s", n.serventId()).hasSize(1);
        }
    }

    @Test
    void hitsComeBackAlongTheReversePathWithTheRightUrnAndSize() throws Exception {
        ServentNode searcher = net.leaf("searcher", MAX_TTL);
        net.link(searcher, nodes.get(0));
        for (int i = 0; i + 1 < NODES; i++) {
            net.link(nodes.get(i), nodes.get(i + 1));
        }
        int far = NODES - 1;
        List<SearchHit> hits = net.searchUntilOver(searcher, "node" + far, MAX_TTL);

        assertThat(hits).hasSize(1);
        SearchHit hit = hits.get(0);
        byte[] bytes = content(far).getBytes(StandardCharsets.UTF_8);
        assertThat(hit.urn()).isEqualTo(FileHasher.hash(bytes).toString());
        assertThat(hit.size()).isEqualTo(bytes.length);
        assertThat(hit.hops()).as("relayed by every node between").isEqualTo(far);
        assertThat(hit.port()).isEqualTo(nodes.get(far).listenAddress().getPort());
        assertThat(hit.serventId()).isEqualTo(nodes.get(far).serventId());
        // The far node is reached only through the line, so the hit can only have come back along it.
        for (int i = 0; i < far; i++) {
            assertThat(net.queriesSeenBy(nodes.get(i))).hasSize(1);
        }
    }

    @Test
    void aHashQueryFindsTheFileByItsUrn() throws Exception {
        ServentNode searcher = net.leaf("searcher", MAX_TTL);
        net.link(searcher, nodes.get(0));
        net.link(nodes.get(0), nodes.get(1));
        String urn = FileHasher.hash(content(1).getBytes(StandardCharsets.UTF_8)).toString();

        List<SearchHit> hits = net.searchUntilOver(searcher, urn, 3);

        assertThat(hits).extracting(SearchHit::urn).containsExactly(urn);
        assertThat(hits).extracting(SearchHit::name).containsExactly("shoalsample node1.txt");
    }
}
