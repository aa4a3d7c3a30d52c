package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.Role;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchHit;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.QueryStatus;
import dev.shoal.protocol.VendorMessage;
import dev.shoal.routing.DynamicQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ultrapeer runs its leaf's query step by step over real links. The hub has eight ultrapeer
 * neighbours, each sharing a popular file; one of them has a ninth ultrapeer behind it, the only
 * one with a rare file. The leaf asks for {@link #TARGET} results. Counting the copies of the query
 * the hub sends: a popular file stops after the probe, a rare one widens to every link. Virtual time
 * moves only while nothing of the query is in flight, so each step sees every hit of the last.
 */
class DynamicQueryingTest {
    private static final int TARGET = 3;
    private static final int NEIGHBOURS = 8;

    @TempDir
    Path temp;
    TestNodes net;
    ServentNode hub;
    ServentNode leaf;

    @BeforeEach
    void build() {
        net = new TestNodes(temp).withConfig(c -> c.toBuilder().leafUltrapeers(1).tuning(c.tuning().toBuilder()
                .outgoingUltrapeers(0).dynamicQuerying(true, TARGET).handshakeTimeout(Duration.ofMinutes(5)).build())
                .build());
        hub = net.ultrapeer("hub", 4, Map.of());
        List<ServentNode> ups = new ArrayList<>();
        for (int i = 0; i < NEIGHBOURS; i++) {
            ServentNode up = net.ultrapeer("up" + i, 4, Map.of("popular tune " + i + ".txt", "copy " + i));
            net.link(up, hub);
            ups.add(up);
        }
        ServentNode far = net.ultrapeer("far", 4, Map.of("rare gem.txt", "only here"));
        net.link(far, ups.get(0));
        leaf = net.start("leaf", Map.of(), c -> c.withRole(Role.LEAF));
        net.link(leaf, hub);
        // Each neighbour's table must be at the hub first: a RESET and a PATCH each.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> net.deliveries(hub).handled(MessageType.ROUTE_TABLE_UPDATE) >= 2 * NEIGHBOURS);
    }

    @AfterEach
    void stop() {
        net.close();
    }

    @Test
    void aPopularFileStopsAfterTheProbe() {
        List<SearchHit> hits = new CopyOnWriteArrayList<>();
        try (Search search = leaf.search("popular", 4, hits::add)) {
            Guid guid = Guid.fromHex(search.id());

            DynamicQuery.Outcome outcome = runUntil(guid, () -> net.deliveries(hub).outcome(guid) != null);

            assertThat(outcome).isEqualTo(DynamicQuery.Outcome.ENOUGH_RESULTS);
            // The probe: TTL 1 to four links whose tables match, and nothing after.
            List<Deliveries.Sent> copies = net.deliveries(hub).sent(MessageType.QUERY, guid);
            assertThat(copies).hasSize(4).allMatch(s -> s.frame().header().ttl() == 1);
            assertThat(hits).hasSize(4);
        }
    }

    @Test
    void theUltrapeersOwnQueryRunsTheSameWay() {
        List<SearchHit> hits = new CopyOnWriteArrayList<>();
        try (Search search = hub.search("popular", 4, hits::add)) {
            Guid guid = Guid.fromHex(search.id());

            DynamicQuery.Outcome outcome = runUntil(guid, () -> net.deliveries(hub).outcome(guid) != null);

            assertThat(outcome).isEqualTo(DynamicQuery.Outcome.ENOUGH_RESULTS);
            assertThat(net.deliveries(hub).sent(MessageType.QUERY, guid)).hasSize(4)
                    .allMatch(s -> s.frame().header().ttl() == 1 && s.frame().header().hops() == 0);
            assertThat(hits).hasSize(4);
        }
    }

    @Test
    void aRareFileWidensToEveryLinkAndTheLeafGuidesIt() {
        List<SearchHit> hits = new CopyOnWriteArrayList<>();
        try (Search search = leaf.search("rare", 4, hits::add)) {
            Guid guid = Guid.fromHex(search.id());

            DynamicQuery.Outcome outcome = runUntil(guid, () -> net.deliveries(hub).outcome(guid) != null);

            assertThat(outcome).isEqualTo(DynamicQuery.Outcome.NO_LINKS_LEFT);
            List<Deliveries.Sent> copies = net.deliveries(hub).sent(MessageType.QUERY, guid);
            assertThat(copies).as("one copy per link, the querying leaf's excluded").hasSize(NEIGHBOURS);
            assertThat(copies.stream().map(Deliveries.Sent::to).distinct()).hasSize(NEIGHBOURS);
            // The probe: TTL 2 to three links, since no table matches; then one link per step, never
            // beyond the TTL the leaf gave (4, so 3 after its hop), and each copy keeps the leaf's hop.
            assertThat(copies.subList(0, 3)).allMatch(s -> s.frame().header().ttl() == 2);
            assertThat(copies).allMatch(s -> s.frame().header().ttl() <= 3 && s.frame().header().hops() == 1);
            assertThat(hits).extracting(SearchHit::name).containsExactly("rare gem.txt");
            // Before each widening step the hub asked the leaf (BEAR/11), which said what it had kept.
            assertThat(net.deliveries(leaf).handled(MessageType.VENDOR, guid)).isPositive();
            List<Integer> reports = net.deliveries(leaf).sent(MessageType.VENDOR, guid).stream()
                    .map(s -> (VendorMessage) decode(s)).filter(QueryStatus::isResponse).map(DynamicQueryingTest::kept)
                    .toList();
            // It counts what it was given; whether the hit came before a question depends on link order.
            assertThat(reports).isNotEmpty().allMatch(n -> n <= hits.size());
        }
    }

    @Test
    void aLeafThatSaysStopStopsTheQuery() {
        Guid guid;
        try (Search search = leaf.search("rare", 4, hit -> {
        })) {
            guid = Guid.fromHex(search.id());
            // Run until the probe is out: three links with TTL 2, since no table matches.
            runUntil(guid, () -> net.deliveries(hub).sent(MessageType.QUERY, guid).size() >= 3);
        }
        // Closing the search sent BEAR/12 0xFFFF to the hub.
        DynamicQuery.Outcome outcome = runUntil(guid, () -> net.deliveries(hub).outcome(guid) != null);

        assertThat(outcome).isEqualTo(DynamicQuery.Outcome.LEAF_STOPPED);
        assertThat(net.deliveries(hub).sent(MessageType.QUERY, guid)).hasSize(3);
        net.time().advance(Duration.ofMinutes(1));
        assertThat(net.deliveries(hub).sent(MessageType.QUERY, guid)).as("nothing after the stop").hasSize(3);
    }

    /**
     * Moves virtual time on in half-second steps, each only once every copy and hit of the query has
     * been handled, until {@code done}; returns how the hub's dynamic query ended (null if it runs).
     */
    private DynamicQuery.Outcome runUntil(Guid guid, BooleanSupplier done) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> {
            if (!net.watch().over(guid)) {
                return false;
            }
            if (done.getAsBoolean()) {
                return true;
            }
            net.time().advance(Duration.ofMillis(500));
            return false;
        });
        return net.deliveries(hub).outcome(guid);
    }

    private static Object decode(Deliveries.Sent s) {
        try {
            return dev.shoal.protocol.MessageCodec.decode(s.frame());
        } catch (dev.shoal.protocol.BadMessageException e) {
            throw new AssertionError(e);
        }
    }

    private static int kept(VendorMessage v) {
        try {
            return QueryStatus.kept(v);
        } catch (dev.shoal.protocol.BadMessageException e) {
            throw new AssertionError(e);
        }
    }
}
