package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.SearchHit;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Query;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Query flag 0x4000 between real nodes on loopback: an ultrapeer with two leaves behind (test)
 * firewalls, all three sharing the same song. A firewalled leaf's query says it is firewalled, and
 * the other firewalled leaf leaves it unanswered (neither could connect to the other); the
 * ultrapeer, reachable, answers it. The ultrapeer's own query carries no such flag, and the
 * firewalled leaf answers that one.
 */
class FirewalledQueryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Map<String, String> SONG = Map.of("firewall song.txt", "sung behind a wall\n");
    @TempDir
    Path temp;
    private TestNodes net;
    private ServentNode ultrapeer;
    private ServentNode sharer;
    private ServentNode searcher;

    @BeforeEach
    void start() {
        net = new TestNodes(temp);
        ultrapeer = net.ultrapeer("up", 4, SONG);
        sharer = net.leaf("sharer", 4, SONG);
        searcher = net.leaf("searcher", 4);
        // Else the ultrapeer's connect-back would reach them and tell them they are not firewalled.
        sharer.network().standBehindFirewall(true);
        searcher.network().standBehindFirewall(true);
        net.link(sharer, ultrapeer);
        await().atMost(WAIT).until(() -> net.deliveries(ultrapeer).handled(MessageType.ROUTE_TABLE_UPDATE) >= 2);
        net.link(searcher, ultrapeer);
    }

    @AfterEach
    void stop() {
        net.close();
    }

    @Test
    void aFirewalledQueryIsLeftUnansweredByAFirewalledNodeAndAnsweredByAReachableOne() throws Exception {
        assertThat(searcher.reach().firewalled()).isTrue();
        assertThat(sharer.reach().firewalled()).isTrue();
        assertThat(ultrapeer.reach().firewalled()).isFalse();

        List<SearchHit> hits = net.searchUntilOver(searcher, "firewall song", 2);

        assertThat(hits).extracting(SearchHit::serventId).containsExactly(ultrapeer.serventId());
        List<Frame> queries = net.deliveries(ultrapeer).handledFrames(MessageType.QUERY,
                Guid.fromHex(lastQueryId(ultrapeer)));
        assertThat(((Query) MessageCodec.decode(queries.get(0))).hasFlag(Query.FLAG_FIREWALLED)).isTrue();
        assertThat(net.queriesSeenBy(sharer)).extracting(NodeEvent.QueryReceived::results).containsExactly(0);
    }

    @Test
    void aReachableNodesQuerySaysNothingOfFirewallsAndTheFirewalledLeafAnswersIt() {
        List<SearchHit> hits = net.searchUntilOver(ultrapeer, "firewall song", 2);

        assertThat(hits).extracting(SearchHit::serventId).containsExactly(sharer.serventId());
        assertThat(hits.get(0).firewalled()).isTrue();
        assertThat(net.queriesSeenBy(sharer)).extracting(NodeEvent.QueryReceived::results).containsExactly(1);
    }

    /** The GUID of the last query that reached {@code node}'s message loop from a peer. */
    private String lastQueryId(ServentNode node) {
        return net.deliveries(node).lastHandled(MessageType.QUERY).header().guid().toHex();
    }
}
