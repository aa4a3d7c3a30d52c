package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchReach;
import dev.shoal.node.api.SearchHit;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.OobGuid;
import dev.shoal.protocol.QueryHit;
import java.net.InetSocketAddress;
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
 * Hits by UDP between two real nodes on 127.0.0.1, linked by TCP: leaf A asks out of band, its
 * ultrapeer B shares the file. B announces its result by LIME/12 to the address in the query's
 * GUID, sends the hit only after A's LIME/11, and A takes it by UDP; a hit B sends unasked is
 * dropped and counted. Every step is watched through counters and the nodes' traces, never waited
 * for by the clock.
 */
class OutOfBandNetworkTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path temp;
    private TestNodes net;
    private ServentNode a;
    private ServentNode b;

    @BeforeEach
    void start() {
        net = new TestNodes(temp);
        b = net.ultrapeer("b", 4, Map.of("out of band song.txt", "sung over udp\n"));
        a = net.outOfBand().leaf("a", 4);
        net.link(a, b);
    }

    @AfterEach
    void stop() {
        net.close();
    }

    @Test
    void theHitComesByUdpOnlyAfterTheQueriersAcknowledgement() {
        List<SearchHit> hits = new CopyOnWriteArrayList<>();
        try (Search search = a.search("out of band song", 2, hits::add)) {
            Guid guid = Guid.fromHex(search.id());
            assertThat(OobGuid.replyAddress(guid)).isEqualTo(a.listenAddress());

            await().atMost(WAIT).until(() -> hits.size() == 1);
            assertThat(hits.get(0).name()).isEqualTo("out of band song.txt");
            assertThat(a.outOfBand().hitsReceived()).isEqualTo(1);
            assertThat(search.reach().hits()).as("the network map shows where it came from").singleElement()
                    .satisfies(p -> {
                        assertThat(p.linkId()).isEqualTo(SearchReach.BY_UDP);
                        assertThat(p.responder()).isEqualTo(HostPort.format(b.listenAddress()));
                    });
            assertThat(a.outOfBand().acksSent()).isEqualTo(1);
            assertThat(b.outOfBand().repliesSent()).isEqualTo(1);
            assertThat(b.outOfBand().acksReceived()).isEqualTo(1);
            assertThat(b.outOfBand().hitsSent()).isEqualTo(1);
            assertThat(net.deliveries(b).sent(MessageType.QUERY_HIT, guid)).as("no hit by TCP").isEmpty();

            List<Deliveries.Datagram> seenByB = net.deliveries(b).datagrams();
            assertThat(seenByB).extracting(d -> d.sent() + " " + d.header().type())
                    .as("B's datagrams in order: reply number out, acknowledgement in, hit out")
                    .containsExactly("true " + MessageType.VENDOR, "false " + MessageType.VENDOR,
                            "true " + MessageType.QUERY_HIT);
            assertThat(seenByB).allMatch(d -> d.header().guid().equals(guid) && d.peer().equals(a.listenAddress()));
        }
    }

    @Test
    void byDefaultAReachableNodeAsksByUdpAndAFirewalledOneByTcp() {
        TestNodes auto = new TestNodes(temp.resolve("auto")).withConfig(c -> c.withTuning(c.tuning().toBuilder()
                .outOfBand(NodeConfig.Tuning.OutOfBand.AUTO).build()));
        try (auto) {
            ServentNode reachable = auto.ultrapeer("reachable", 4, Map.of());
            ServentNode sharer = auto.ultrapeer("sharer", 4, Map.of("auto song.txt", "sung either way\n"));
            ServentNode firewalled = auto.leaf("firewalled", 4);
            // Else the sharer's connect-backs would reach it and tell it it is not firewalled.
            firewalled.network().standBehindFirewall(true);
            firewalled.network().udp().standBehindNat(true);
            auto.link(sharer, reachable);
            auto.link(firewalled, sharer);
            assertThat(reachable.reach().firewalled()).isFalse();
            assertThat(firewalled.reach().firewalled()).isTrue();

            List<SearchHit> hits = new CopyOnWriteArrayList<>();
            try (Search search = reachable.search("auto song", 2, hits::add)) {
                await().atMost(WAIT).until(() -> hits.size() == 1);
                assertThat(OobGuid.replyAddress(Guid.fromHex(search.id()))).isEqualTo(reachable.listenAddress());
                assertThat(reachable.outOfBand().hitsReceived()).isEqualTo(1);
            }
            List<SearchHit> byTcp = auto.searchUntilOver(firewalled, "auto song", 2);
            assertThat(byTcp).hasSize(1);
            assertThat(firewalled.outOfBand().acksSent()).isZero();
            assertThat(sharer.outOfBand().repliesSent()).as("only the reachable node's query").isEqualTo(1);
        }
    }

    @Test
    void aHitSentUnaskedIsDroppedAndCounted() {
        List<SearchHit> hits = new CopyOnWriteArrayList<>();
        try (Search answered = a.search("out of band song", 2, hits::add);
                Search unanswered = a.search("nothing shared by anyone", 2, hits::add)) {
            await().atMost(WAIT).until(() -> hits.size() == 1);

            QueryHit hit = new QueryHit(b.listenAddress(), 100,
                    List.of(QueryHit.Result.of(7, 10, "nothing shared by anyone.txt", null)), "SHOL", null,
                    Ggep.EMPTY, null, Guid.random());
            InetSocketAddress toA = a.listenAddress();
            b.network().udp().send(toA, MessageCodec.frame(Guid.fromHex(unanswered.id()), 1, 0, hit));
            await().atMost(WAIT).until(() -> a.stats().count("oob_unsolicited_hit") == 1);

            // For the answered search, but without the token A's acknowledgement gave B.
            b.network().udp().send(toA, MessageCodec.frame(Guid.fromHex(answered.id()), 1, 0, hit));
            await().atMost(WAIT).until(() -> a.stats().count("oob_bad_token") == 1);

            assertThat(hits).hasSize(1);
            assertThat(a.outOfBand().hitsReceived()).isEqualTo(1);
        }
    }
}
