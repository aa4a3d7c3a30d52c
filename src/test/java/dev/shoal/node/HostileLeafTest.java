package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.RawPeer;
import dev.shoal.node.api.NodeStats;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchHit;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Query;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real ultrapeer on loopback, a leaf that floods it with valid queries and pings as fast as it
 * can, and an honest leaf: the flood costs the node no more than the flooder's budget, its link is
 * cut and counted, and the honest leaf's search is answered as before.
 */
class HostileLeafTest {
    @TempDir
    Path temp;
    private TestNodes net;

    @BeforeEach
    void start() {
        net = new TestNodes(temp);
    }

    @AfterEach
    void stop() {
        net.close();
    }

    @Test
    void aFloodingLeafIsCutOffAndAnHonestLeafStillFindsItsFile() throws Exception {
        ServentNode up = net.ultrapeer("up", 4, Map.of("shoalsample honest.txt", "what the honest leaf wants\n"));
        ServentNode honest = net.leaf("honest", 4);
        net.link(honest, up);
        int sent = 0;
        try (RawPeer flooder = new RawPeer(up.listenAddress())) {
            assertThat(flooder.joinAsLeaf(false).firstLine()).startsWith("GNUTELLA/0.6 200");
            await().atMost(Duration.ofSeconds(10)).until(() -> up.peers().size() == 2);
            try {
                for (int batch = 0; batch < 20; batch++) {
                    ByteArrayOutputStream frames = new ByteArrayOutputStream();
                    for (int i = 0; i < 500; i++) {
                        frames.writeBytes(MessageCodec.frame(Guid.random(), 1, 0, Query.keywords("shoalsample")).toBytes());
                        frames.writeBytes(new Frame(new Header(Guid.random(), MessageType.PING, 1, 0, 0), new byte[0])
                                .toBytes());
                    }
                    flooder.send(frames.toByteArray());
                    sent += 1000;
                }
            } catch (IOException cutOff) {
                // the node closed the link while we were writing
            }
            assertThat(flooder.closedWithin(5000)).as("the node closes the flooder's link").isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> up.peers().size() == 1);

        // The flooder's raw queries were never sent by a watched node, so the watch cannot say when
        // this search is over: wait for its hit instead.
        List<SearchHit> hits = new CopyOnWriteArrayList<>();
        try (Search search = honest.search("shoalsample", 1, hits::add)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !hits.isEmpty());
        }
        assertThat(hits).extracting(SearchHit::name).contains("shoalsample honest.txt");

        NodeStats stats = up.stats();
        assertThat(sent).isGreaterThanOrEqualTo(2_000);
        assertThat(stats.count("flooding")).isEqualTo(1);
        assertThat(stats.count("query_flood") + stats.count("ping_flood")).as("one drop per strike")
                .isEqualTo(1_000);
        // Bounded work: the node answered at most the flooder's query burst, plus the honest search.
        assertThat(net.queriesSeenBy(up)).hasSizeLessThanOrEqualTo(500 + 1);
        assertThat(stats.total("message")).isGreaterThanOrEqualTo(1_000);
    }
}
