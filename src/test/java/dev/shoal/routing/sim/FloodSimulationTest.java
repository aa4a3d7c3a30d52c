package dev.shoal.routing.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.routing.QrpTable;
import dev.shoal.routing.RouterConfig;
import dev.shoal.routing.TtlPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Floods queries through thousands of routers on fake links, driving them only through their
 * public API, and checks the network-wide properties the per-rule tests cannot show.
 */
class FloodSimulationTest {
    private static final List<String> ZEBRA = List.of("zebra");
    private static final RouterConfig DEFAULTS = RouterConfig.defaults();
    /** Allows TTL 7 so that floods go deep enough to meet themselves in rings and random graphs. */
    private static final RouterConfig DEEP = DEFAULTS.withTtl(new TtlPolicy(7, 7, 15));

    private static void assertEachNodeHandledAtMostOnce(SimNetwork.Flood flood) {
        for (int i = 0; i < flood.handled.length; i++) {
            assertThat(flood.handled[i]).as("node %d handled the query", i).isLessThanOrEqualTo(1);
        }
        assertThat(flood.handled[flood.origin]).as("origin answers its own query").isZero();
    }

    @Test
    void lineTopologyTtlReachesExactlyTheNodesWithinTtlHops() {
        SimNetwork net = SimNetwork.line(DEEP, 3000);
        int origin = 1500;
        int[] dist = net.distances(origin);
        for (int ttl = 1; ttl <= 7; ttl++) {
            SimNetwork.Flood flood = net.flood(origin, ttl, ZEBRA);
            assertThat(flood.reached()).as("ttl %d", ttl).isEqualTo(SimNetwork.within(dist, ttl, i -> true));
            assertThat(flood.reached()).hasSize(2 * ttl);
            assertEachNodeHandledAtMostOnce(flood);
        }
    }

    @Test
    void lineTopologyWithDefaultPolicyStopsAtFourHopsEvenForALargerTtl() {
        SimNetwork net = SimNetwork.line(DEFAULTS, 3000);
        int[] dist = net.distances(0);
        SimNetwork.Flood flood = net.flood(0, 7, ZEBRA);
        assertThat(flood.reached()).isEqualTo(SimNetwork.within(dist, 4, i -> true));
    }

    @Test
    void ringTopologyEachNodeHandlesEachQueryExactlyOnce() {
        // 11 nodes: a TTL-7 flood goes both ways round and the copies meet.
        SimNetwork small = SimNetwork.ring(DEEP, 11);
        SimNetwork.Flood flood = small.flood(0, 7, ZEBRA);
        assertEachNodeHandledAtMostOnce(flood);
        assertThat(flood.reached()).hasSize(10);

        SimNetwork big = SimNetwork.ring(DEEP, 3000);
        for (int origin : List.of(0, 1234, 2999)) {
            SimNetwork.Flood f = big.flood(origin, 7, ZEBRA);
            assertEachNodeHandledAtMostOnce(f);
            assertThat(f.reached()).isEqualTo(SimNetwork.within(big.distances(origin), 7, i -> true));
        }
    }

    @Test
    void randomTopologyEachNodeHandlesEachQueryExactlyOnceWithinTtlHops() {
        Random random = new Random(42);
        SimNetwork net = SimNetwork.random(DEEP, 3000, 2, random);
        for (int q = 0; q < 5; q++) {
            int origin = random.nextInt(net.size());
            int ttl = 3 + q;
            SimNetwork.Flood flood = net.flood(origin, ttl, ZEBRA);
            assertEachNodeHandledAtMostOnce(flood);
            assertThat(flood.reached()).isEqualTo(SimNetwork.within(net.distances(origin), ttl, i -> true));
            assertThat(flood.messages).isGreaterThanOrEqualTo(flood.reached().size());
        }
        // Deep enough, a flood covers nearly the whole graph, and each node still answers once.
        SimNetwork.Flood deep = net.flood(0, 7, ZEBRA);
        assertEachNodeHandledAtMostOnce(deep);
        assertThat(deep.reached()).hasSizeGreaterThan(2900);
    }

    @Test
    void hitsReturnToTheOriginAlongTheReversePathAndPushesFollowThemBack() {
        Random random = new Random(7);
        SimNetwork net = SimNetwork.random(DEEP, 3000, 2, random);
        int origin = 17;
        int[] dist = net.distances(origin);
        SimNetwork.Flood flood = net.flood(origin, 5, ZEBRA);
        List<Integer> responders = new ArrayList<>(flood.reached());
        Collections.shuffle(responders, random);
        for (int responder : responders.subList(0, 300)) {
            List<Integer> hitPath = net.returnHit(flood, responder);
            assertThat(hitPath).as("hit from %d", responder).isEqualTo(SimNetwork.reversePath(flood, responder));
            assertThat(hitPath).hasSize(dist[responder] + 1);

            List<Integer> pushPath = net.push(origin, responder);
            List<Integer> expected = new ArrayList<>(hitPath);
            Collections.reverse(expected);
            assertThat(pushPath).as("push to %d", responder).isEqualTo(expected);
        }
    }

    @Test
    void twoTierNetworkDeliversOnlyToMatchingLeavesAndRoutesTheirHitsBack() {
        Random random = new Random(3);
        SimNetwork net = SimNetwork.random(DEFAULTS, 600, 3, random);
        int ultrapeers = net.size();
        QrpTable zebra = QrpTable.builder().add("zebra").add("stripes").build();
        QrpTable other = QrpTable.builder().add("lion").build();
        Set<Integer> zebraLeaves = new HashSet<>();
        for (int i = 0; i < 2400; i++) {
            int leaf = net.addNode(true);
            boolean hasZebra = i % 10 == 0;
            if (hasZebra) {
                zebraLeaves.add(leaf);
            }
            // Every fifth leaf sends no table and so must get no queries.
            boolean sendsTable = i % 5 != 1;
            for (int k = 0; k < 2; k++) {
                int up = random.nextInt(ultrapeers);
                if (net.link(leaf, up) && sendsTable) {
                    net.sendTable(leaf, up, hasZebra ? zebra : other);
                }
            }
        }
        int origin = 0;
        SimNetwork.Flood flood = net.flood(origin, 4, ZEBRA);
        assertEachNodeHandledAtMostOnce(flood);

        int[] dist = net.distances(origin);
        // Ultrapeers: the plain flood, TTL 4 hops deep (leaves never relay, so UP-only distances).
        SimNetwork upOnly = SimNetwork.random(DEFAULTS, 600, 3, new Random(3));
        assertThat(flood.reached().stream().filter(n -> n < ultrapeers).toList())
                .containsExactlyInAnyOrderElementsOf(SimNetwork.within(upOnly.distances(origin), 4, i -> true));
        // Leaves: exactly the zebra leaves attached to the origin or a reached ultrapeer.
        Set<Integer> reachedLeaves = new HashSet<>(flood.reached());
        reachedLeaves.removeIf(n -> n < ultrapeers);
        assertThat(zebraLeaves).containsAll(reachedLeaves);
        for (int leaf : zebraLeaves) {
            boolean attachedToReached = false;
            for (int up = 0; up < ultrapeers; up++) {
                if (dist[leaf] >= 0 && (up == origin || flood.handled[up] > 0)
                        && net.router(up).ownQueryTargets(ZEBRA, List.of()).contains(leaf)) {
                    attachedToReached = true;
                }
            }
            assertThat(reachedLeaves.contains(leaf)).as("zebra leaf %d", leaf).isEqualTo(attachedToReached);
        }
        assertThat(reachedLeaves).hasSizeGreaterThan(20);
        for (int leaf : reachedLeaves) {
            assertThat(net.returnHit(flood, leaf)).isEqualTo(SimNetwork.reversePath(flood, leaf));
        }
    }
}
