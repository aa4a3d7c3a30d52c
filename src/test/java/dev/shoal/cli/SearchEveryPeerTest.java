package dev.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: {@code shoal search} runs as a leaf, and a leaf keeps links to 3 ultrapeers; of 5
 * peers named with --peer two were refused ("no free ultrapeer slot") and their files never
 * found. Every peer the user names is asked.
 */
class SearchEveryPeerTest {
    private static final int PEERS = 5;

    @TempDir
    Path temp;
    private final List<ShoalNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(ShoalNode::close);
    }

    @Test
    void eachOfFivePeersAnswers() throws Exception {
        List<String> peers = new ArrayList<>();
        for (int i = 0; i < PEERS; i++) {
            Path share = Files.createDirectories(temp.resolve("share" + i));
            Files.writeString(share.resolve("peer" + i + " sample.txt"), "only on peer " + i);
            ShoalNode node = Shoal.start(NodeConfig.defaults(temp.resolve("data" + i))
                    .withListen(new InetSocketAddress("127.0.0.1", 0)).withShares(List.of(share)));
            nodes.add(node);
            node.libraryReady().get(20, TimeUnit.SECONDS);
            peers.add("127.0.0.1:" + node.listenAddress().getPort());
        }

        // A search listens for --timeout seconds: asked again until every answer came within one.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            CliRun run = CliRun.of("search", "sample", "--peer", String.join(",", peers), "--timeout", "2");
            assertThat(run.err()).doesNotContain("shoal:");
            List<String> found = run.outLines();
            for (int i = 0; i < PEERS; i++) {
                String name = "peer" + i + " sample.txt";
                assertThat(found).as(name).anyMatch(line -> line.startsWith(name));
            }
        });
    }
}
