package dev.shoal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.shoal.routing.TtlPolicy;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Floods over graphs small enough to count by hand. Expected messages: the origin sends to all its
 * neighbours, every other node within TTL − 1 hops to all but the one it first heard from; nodes
 * within TTL hops are reached. Hits come back hop by hop along the reverse path.
 */
class SmallGraphTest {
    private static final TtlPolicy DEEP = new TtlPolicy(7, 7, 15);

    /** A flat network (every node an ultrapeer, no QRP) from its links; file 0 is on {@code holders}. */
    static SimNetwork flat(int n, int[][] links, int... holders) {
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        return network(Graph.of(n, edges(links), links.length, all), false, holders);
    }

    static long[] edges(int[][] links) {
        long[] edges = new long[links.length];
        for (int i = 0; i < links.length; i++) {
            edges[i] = (long) links[i][0] << 32 | links[i][1];
        }
        return edges;
    }

    static SimNetwork network(Graph g, boolean qrp, int... holders) {
        Workload w = Workload.of(new int[][] {holders.clone()}, 0, 1);
        return new SimNetwork(g, w, qrp, 1 << 10, DEEP, new SplittableRandom(1));
    }

    private static QueryRun flood(SimNetwork net, int origin, int ttl) {
        return net.query(origin, 0, ttl, null, new SplittableRandom(ttl));
    }

    private static void assertFlood(SimNetwork net, int origin, int ttl, long messages, long reached) {
        QueryRun r = flood(net, origin, ttl);
        assertThat(r.queryMessages).as("messages at TTL %d", ttl).isEqualTo(messages);
        assertThat(r.reached).as("reached at TTL %d", ttl).isEqualTo(reached);
    }

    @Test
    void aLineOfSevenFromTheMiddle() {
        SimNetwork line = flat(7, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}});
        assertFlood(line, 3, 1, 2, 2);
        assertFlood(line, 3, 2, 4, 4);
        assertFlood(line, 3, 3, 6, 6);
        // The ends have no one else to pass it to.
        assertFlood(line, 3, 4, 6, 6);
    }

    @Test
    void aRingOfSixMeetsItselfOpposite() {
        SimNetwork ring = flat(6, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 0}});
        assertFlood(ring, 0, 1, 2, 2);
        assertFlood(ring, 0, 2, 4, 4);
        // Node 3 gets it from both sides: the second copy is a duplicate.
        assertFlood(ring, 0, 3, 6, 5);
        // Node 3 passes its first copy on to the neighbour it did not hear from first: one more message.
        assertFlood(ring, 0, 4, 7, 5);
    }

    @Test
    void aStarFromTheCentreAndFromASpoke() {
        SimNetwork star = flat(6, new int[][] {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}});
        assertFlood(star, 0, 1, 5, 5);
        assertFlood(star, 1, 1, 1, 1);
        assertFlood(star, 1, 2, 5, 5);
        assertFlood(star, 1, 3, 5, 5);
    }

    @Test
    void aHitComesBackAlongTheReversePathOneMessagePerHop() {
        SimNetwork line = flat(7, new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}}, 0);
        QueryRun shallow = flood(line, 3, 2);
        assertThat(shallow.success()).isFalse();
        assertThat(shallow.hitMessages).isZero();
        QueryRun deep = flood(line, 3, 3);
        assertThat(deep.success()).isTrue();
        assertThat(deep.results).isEqualTo(1);
        assertThat(deep.hitMessages).isEqualTo(3);
    }

    /**
     * A triangle 0-1-2 with node 3 hanging off 2 is the largest component; 4-5 is another and 6 is
     * alone. The file is on node 3 only, so a query never starts there: of the other six origins,
     * 0, 1 and 2 are in the largest component. From them the file is 2 hops away (1 from node 2), and
     * a query reaches 3 nodes at TTL 2; from 4 or 5 it reaches 1 node, from 6 none.
     */
    @Test
    void queriesFromOutsideTheLargestComponentAreCountedApart() {
        int[][] links = {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {4, 5}};
        boolean[] all = new boolean[7];
        java.util.Arrays.fill(all, true);
        Graph g = Graph.of(7, edges(links), links.length, all);
        assertThat(g.largestComponent()).containsExactly(true, true, true, true, false, false, false);

        SimSettings s = new SimSettings(Topology.RANDOM, 7, 2, 1 / 7.0, 0, 1, 0, 1 << 10, false, 60, 3, false);
        Simulation sim = Simulation.over(s, g, Workload.of(new int[][] {{3}}, 0, 3), 7);
        SimResult r = sim.run(2, false);
        SimResult.Flat f = r.flat();
        assertThat(f.successInLargestComponent()).isEqualTo(1.0);
        // Every success came from the largest component, and every query from there succeeded.
        assertThat(r.success()).isEqualTo(f.originsInLargestComponent()).isBetween(0.2, 0.8);
        // One copy among the 6 nodes besides the origin: a model giving every query the mean reach R finds it with R / 6.
        assertThat(f.successAtMeanReach()).isCloseTo(r.reachedPerQuery() / 6, offset(1e-9));

        // At TTL 1 only queries from node 2, one hop from node 3, succeed.
        SimResult one = sim.run(1, false);
        assertThat(one.flat().originsInLargestComponent()).isEqualTo(f.originsInLargestComponent());
        assertThat(one.flat().successInLargestComponent()).isBetween(0.1, 0.6);
        assertThat(one.success()).isEqualTo(one.flat().successInLargestComponent() * f.originsInLargestComponent(),
                offset(1e-9));
    }

    @Test
    void theChanceAFloodFindsOneOfSeveralCopiesIsCountedWithoutReplacement() {
        // Five nodes besides the origin, two reached: one copy is found with 2/5; with two copies it is
        // missed only if both lie among the three unreached, 3/5 · 2/4.
        assertThat(BfsReference.chanceFound(5, 2, 1)).isCloseTo(0.4, offset(1e-12));
        assertThat(BfsReference.chanceFound(5, 2, 2)).isCloseTo(0.7, offset(1e-12));
        assertThat(BfsReference.chanceFound(5, 4, 2)).isEqualTo(1.0);
        assertThat(BfsReference.chanceFound(5, 0, 3)).isEqualTo(0.0);
    }

    /**
     * Ultrapeers 0 and 1 linked; leaves 2 and 3 on ultrapeer 0, leaves 4 and 5 on ultrapeer 1; the
     * file is on leaf 5. A TTL-2 query from leaf 2.
     */
    @Test
    void aSmallTwoTierNetworkWithAndWithoutQrp() {
        int[][] links = {{0, 1}, {0, 2}, {0, 3}, {1, 4}, {1, 5}};
        boolean[] role = {true, true, false, false, false, false};
        Graph g = Graph.of(6, edges(links), links.length, role);

        // With QRP: 2→0; 0→1 (last hop, 1's merged table matches; leaf 3's does not); 1→5 (its table matches).
        QueryRun routed = flood(network(g, true, 5), 2, 2);
        assertThat(routed.queryMessages).isEqualTo(3);
        assertThat(routed.reached).isEqualTo(3);
        assertThat(routed.results).isEqualTo(1);
        assertThat(routed.hitMessages).isEqualTo(3);

        // Blind: 2→0; 0→1 and 0→3; 1→4 and 1→5 (leaves get it even though the TTL ran out at 1).
        QueryRun blind = flood(network(g, false, 5), 2, 2);
        assertThat(blind.queryMessages).isEqualTo(5);
        assertThat(blind.reached).isEqualTo(5);
        assertThat(blind.results).isEqualTo(1);

        // TTL 1 from the leaf stops at its ultrapeer, which still gives matching leaves the query.
        QueryRun one = flood(network(g, false, 5), 2, 1);
        assertThat(one.queryMessages).isEqualTo(2);
        assertThat(one.success()).isFalse();
    }
}
