package dev.shoal.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimulationTest {
    private static SimSettings settings(Topology t, int nodes, int degree, double replication, boolean qrp, int queries) {
        return new SimSettings(t, nodes, degree, replication, 0, queries, 20, 1 << 14, qrp, queries, 7, false);
    }

    @Test
    void floodingARandomGraphCostsExactlyWhatAPlainBreadthFirstSearchOfTheSameGraphDoes() {
        Simulation sim = Simulation.build(settings(Topology.RANDOM, 3_000, 4, 0.01, false, 30), 7);
        for (int ttl = 1; ttl <= 7; ttl++) {
            SimResult r = sim.run(ttl, false);
            assertThat(r.hasBfs()).isTrue();
            assertThat(r.bfsEqual()).as("TTL %d: %s vs BFS %s", ttl, r.messagesPerQuery(), r.bfsMessagesPerQuery())
                    .isTrue();
            assertThat(r.messagesPerQuery()).isEqualTo(r.bfsMessagesPerQuery());
            assertThat(r.reachedPerQuery()).isEqualTo(r.bfsReachedPerQuery());
        }
        assertThat(sim.run(7, false).reachedPerQuery()).isGreaterThan(2_500);
    }

    @Test
    void floodingAPowerLawGraphToo() {
        Simulation sim = Simulation.build(settings(Topology.POWER_LAW, 3_000, 4, 0.01, false, 30), 5);
        for (int ttl = 2; ttl <= 5; ttl += 3) {
            SimResult r = sim.run(ttl, false);
            assertThat(r.bfsEqual()).isTrue();
            assertThat(r.messagesPerQuery()).isEqualTo(r.bfsMessagesPerQuery());
            // Preferential attachment joins every new node to the graph: one component.
            assertThat(r.flat().originsInLargestComponent()).isEqualTo(1.0);
            assertThat(r.flat().successInLargestComponent()).isEqualTo(r.success());
        }
    }

    @Test
    void theTopologiesHaveTheirShape() {
        Graph random = Topology.RANDOM.build(2_000, 4, new java.util.SplittableRandom(1));
        assertThat(random.linkCount()).isEqualTo(4_000);
        Graph ba = Topology.POWER_LAW.build(2_000, 4, new java.util.SplittableRandom(1));
        int maxDegree = 0;
        for (int v = 0; v < ba.size(); v++) {
            maxDegree = Math.max(maxDegree, ba.degree(v));
            assertThat(ba.degree(v)).isGreaterThanOrEqualTo(2);
        }
        // Preferential attachment grows hubs far above the mean degree of 4.
        assertThat(maxDegree).isGreaterThan(40);
        Graph tiers = Topology.TWO_TIER.build(2_000, 32, new java.util.SplittableRandom(1));
        assertThat(tiers.ultrapeerCount()).isEqualTo(300);
        for (int v = 0; v < tiers.size(); v++) {
            if (!tiers.ultrapeer(v)) {
                assertThat(tiers.degree(v)).isEqualTo(3);
                assertThat(tiers.ultrapeerDegree(v)).isEqualTo(3);
            } else {
                assertThat(tiers.degree(v) - tiers.ultrapeerDegree(v)).isLessThanOrEqualTo(30);
            }
        }
        assertThat(tiers.linkCount()).isEqualTo(300 * 32 / 2 + 1_700 * 3);
    }

    @Test
    void dynamicQueryingStopsEarlyForAPopularFileAndWidensForARareOne() {
        Simulation popular = Simulation.build(settings(Topology.TWO_TIER, 4_000, 32, 0.2, true, 20), 4);
        Simulation rare = Simulation.build(settings(Topology.TWO_TIER, 4_000, 32, 0.00125, true, 20), 4);
        SimResult p = popular.run(4, true);
        SimResult r = rare.run(4, true);
        java.util.Set<String> enough = java.util.Set.of("enough_results", "leaf_satisfied", "leaf_stopped");
        assertThat(p.success()).isEqualTo(1.0);
        // Popular: every ultrapeer stopped because it (or the leaf) had enough results.
        assertThat(enough).containsAll(p.outcomes().keySet());
        assertThat(p.outcomes().get("enough_results")).isPositive();
        // Rare: never enough; every one ran out of links.
        assertThat(r.outcomes().keySet()).doesNotContainAnyElementsOf(enough);
        assertThat(r.outcomes()).containsKey("no_links_left");
        assertThat(r.messagesPerQuery()).isGreaterThan(3 * p.messagesPerQuery());
        // A flood at the same cap costs the popular file far more than dynamic querying does.
        assertThat(popular.run(4, false).messagesPerQuery()).isGreaterThan(5 * p.messagesPerQuery());
    }

    @Test
    void underChurnHalfTheNodesAreOnlineAndLeavesReplaceLostUltrapeersWithinSeconds() {
        SimSettings s = new SimSettings(Topology.TWO_TIER, 3_000, 32, 0.01, 0, 10, 20, 1 << 14, true, 10, 5, true);
        Simulation sim = Simulation.build(s, 4);
        SimNetwork net = sim.network();
        Churn churn = sim.churn();
        long before = churn.repairs();
        net.time.advance(java.time.Duration.ofHours(3));
        assertThat(churn.repairs()).isGreaterThan(before + 1_000);
        int online = 0;
        int leaves = 0;
        int full = 0;
        for (int v = 0; v < net.graph.size(); v++) {
            online += net.online(v) ? 1 : 0;
            if (net.graph.ultrapeer(v) || !net.online(v)) {
                continue;
            }
            leaves++;
            int attached = 0;
            for (int up : churn.ultrapeersOf(v)) {
                if (up >= 0) {
                    assertThat(net.online(up)).as("leaf %d's ultrapeer %d", v, up).isTrue();
                    attached++;
                }
            }
            // The router sees exactly the links the churn made.
            assertThat(net.router(v).connectionCount()).isEqualTo(attached);
            full += attached == Topology.LEAF_LINKS ? 1 : 0;
        }
        assertThat(online).isBetween(1_300, 1_700);
        assertThat((double) full / leaves).isGreaterThan(0.95);
        SimResult r = sim.run(4, true);
        assertThat(r.onlineShare()).isBetween(0.43, 0.57);
        assertThat(r.success()).isPositive();
        assertThat(r.hasBfs()).isFalse();
    }

    @Test
    void theSameSeedGivesTheSameRunWhateverRanBefore() {
        SimSettings s = settings(Topology.TWO_TIER, 1_500, 32, 0.01, true, 8);
        Simulation a = Simulation.build(s, 4);
        SimResult first = a.run(3, true);
        a.run(2, false);
        SimResult again = a.run(3, true);
        SimResult fresh = Simulation.build(s, 4).run(3, true);
        for (SimResult other : new SimResult[] {again, fresh}) {
            assertThat(other.messagesPerQuery()).isEqualTo(first.messagesPerQuery());
            assertThat(other.success()).isEqualTo(first.success());
            assertThat(other.resultsPerQuery()).isEqualTo(first.resultsPerQuery());
            assertThat(other.outcomes()).isEqualTo(first.outcomes());
        }
    }
}
