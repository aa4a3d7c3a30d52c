package dev.shoal.sim;

import dev.shoal.routing.HostSelector;
import java.time.Duration;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Nodes coming and going on the virtual clock. Sessions and the pauses between them are
 * log-normal with a median of 60 min (σ = 1); at the start each node is online with probability
 * one half, so the network begins as it will stay. A link between ultrapeers is up while both ends
 * are. A leaf keeps 3 ultrapeers: when it comes back, or {@link #REPAIR_DELAY} after losing one, it
 * picks replacements with its own {@link HostSelector} (seeded with the ultrapeers it first knew
 * and a few more, as a host cache is), best first; an ultrapeer that is away counts as a failed
 * connect, one whose 30 leaf slots are full refuses; either way, accepting or refusing, it names
 * some of its ultrapeer neighbours ({@code X-Try-Ultrapeers}), which the leaf then knows of.
 */
final class Churn {
    static final double MEDIAN_SECONDS = 3_600;
    static final double SIGMA = 1.0;
    static final Duration REPAIR_DELAY = Duration.ofSeconds(2);
    static final Duration RETRY_DELAY = Duration.ofSeconds(30);
    static final int KNOWN_HOSTS = 20;
    static final int EXTRA_HOSTS_AT_START = 5;
    static final int TRY_ULTRAPEERS = 10;

    private final SimNetwork net;
    private final Graph graph;
    private final RandomGenerator random;
    /** Each leaf's current ultrapeers (-1: free slot). */
    private final int[][] leafUps;
    /** Each ultrapeer's current leaves, the first {@code leafCount[u]} entries. */
    private final int[][] upLeaves;
    private final int[] leafCount;
    private final HostSelector<Integer>[] known;
    private final int[] ultrapeers;
    private long repairs;

    @SuppressWarnings("unchecked")
    Churn(SimNetwork net, RandomGenerator random) {
        this.net = net;
        this.graph = net.graph;
        this.random = random;
        int n = graph.size();
        leafUps = new int[n][];
        upLeaves = new int[n][];
        leafCount = new int[n];
        known = new HostSelector[n];
        ultrapeers = new int[graph.ultrapeerCount()];
        int u = 0;
        for (int v = 0; v < n; v++) {
            if (graph.ultrapeer(v)) {
                ultrapeers[u++] = v;
                upLeaves[v] = new int[Topology.LEAVES_PER_ULTRAPEER];
            }
        }
        for (int v = 0; v < n; v++) {
            if (!graph.ultrapeer(v)) {
                leafUps[v] = new int[Topology.LEAF_LINKS];
                Arrays.fill(leafUps[v], -1);
                for (int i = 0; i < graph.degree(v); i++) {
                    int up = graph.neighbour(v, i);
                    leafUps[v][i] = up;
                    upLeaves[up][leafCount[up]++] = v;
                }
            }
        }
        for (int v = 0; v < n; v++) {
            boolean up = random.nextBoolean();
            if (!up) {
                leave(v);
            }
            schedule(v);
        }
    }

    /** The ultrapeers {@code leaf} is attached to now (-1 for a free slot); a copy. */
    int[] ultrapeersOf(int leaf) {
        return leafUps[leaf].clone();
    }

    /** Ultrapeers found for leaves since the start. */
    long repairs() {
        return repairs;
    }

    /** A session's or a pause's length: log-normal, median {@link #MEDIAN_SECONDS}, σ {@link #SIGMA}. */
    static double sessionSeconds(RandomGenerator random) {
        return Math.exp(Math.log(MEDIAN_SECONDS) + SIGMA * random.nextGaussian());
    }

    private void schedule(int v) {
        double seconds = sessionSeconds(random);
        net.time.schedule(Duration.ofMillis((long) (seconds * 1000)), () -> {
            if (net.online(v)) {
                leave(v);
            } else {
                join(v);
            }
            schedule(v);
        });
    }

    private void leave(int v) {
        net.setOnline(v, false);
        if (graph.ultrapeer(v)) {
            for (int i = 0; i < graph.degree(v); i++) {
                int w = graph.neighbour(v, i);
                if (graph.ultrapeer(w) && net.online(w)) {
                    net.closeLink(v, w);
                }
            }
            while (leafCount[v] > 0) {
                int leaf = upLeaves[v][leafCount[v] - 1];
                detach(leaf, v);
                known(leaf).failed(v, net.now());
                net.time.schedule(REPAIR_DELAY, () -> repair(leaf));
            }
        } else {
            for (int up : leafUps[v]) {
                if (up >= 0) {
                    detach(v, up);
                }
            }
        }
    }

    private void join(int v) {
        net.setOnline(v, true);
        if (graph.ultrapeer(v)) {
            for (int i = 0; i < graph.degree(v); i++) {
                int w = graph.neighbour(v, i);
                if (graph.ultrapeer(w) && net.online(w)) {
                    net.openLink(v, w);
                }
            }
        } else {
            repair(v);
        }
    }

    /** A leaf fills its free ultrapeer slots, best known hosts first. */
    private void repair(int leaf) {
        if (!net.online(leaf)) {
            return;
        }
        HostSelector<Integer> hosts = known(leaf);
        long now = net.now();
        int free = free(leaf);
        for (int round = 0; round < 3 && free > 0; round++) {
            for (int up : hosts.best(2 * free + 2, true, up -> isAttached(leaf, up), now)) {
                if (free == 0) {
                    break;
                }
                if (!net.online(up)) {
                    hosts.failed(up, now);
                } else if (leafCount[up] >= Topology.LEAVES_PER_ULTRAPEER) {
                    hosts.failed(up, now);
                    tryUltrapeers(hosts, up, now);
                } else {
                    attach(leaf, up);
                    hosts.connected(up, now);
                    tryUltrapeers(hosts, up, now);
                    free--;
                    repairs++;
                }
            }
        }
        if (free > 0) {
            // Every host it knows is away, full or resting: look again a little later.
            net.time.schedule(RETRY_DELAY, () -> repair(leaf));
        }
    }

    /** An ultrapeer's handshake answer, 200 or 503, names some of its ultrapeer neighbours. */
    private void tryUltrapeers(HostSelector<Integer> hosts, int up, long now) {
        int named = 0;
        for (int i = 0; i < graph.degree(up) && named < TRY_ULTRAPEERS; i++) {
            int w = graph.neighbour(up, i);
            if (graph.ultrapeer(w) && net.online(w)) {
                hosts.heardOf(w, true, 0, now);
                named++;
            }
        }
    }

    private HostSelector<Integer> known(int leaf) {
        if (known[leaf] == null) {
            HostSelector<Integer> hosts = new HostSelector<>(KNOWN_HOSTS);
            long now = net.now();
            for (int i = 0; i < graph.degree(leaf); i++) {
                hosts.heardOf(graph.neighbour(leaf, i), true, 0, now);
            }
            for (int i = 0; i < EXTRA_HOSTS_AT_START; i++) {
                hosts.heardOf(ultrapeers[random.nextInt(ultrapeers.length)], true, 0, now);
            }
            known[leaf] = hosts;
        }
        return known[leaf];
    }

    private boolean isAttached(int leaf, int up) {
        for (int u : leafUps[leaf]) {
            if (u == up) {
                return true;
            }
        }
        return false;
    }

    private int free(int leaf) {
        int free = 0;
        for (int u : leafUps[leaf]) {
            if (u < 0) {
                free++;
            }
        }
        return free;
    }

    private void attach(int leaf, int up) {
        int[] slots = leafUps[leaf];
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] < 0) {
                slots[i] = up;
                upLeaves[up][leafCount[up]++] = leaf;
                net.openLink(leaf, up);
                return;
            }
        }
    }

    private void detach(int leaf, int up) {
        int[] slots = leafUps[leaf];
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == up) {
                slots[i] = -1;
            }
        }
        int[] leaves = upLeaves[up];
        for (int i = 0; i < leafCount[up]; i++) {
            if (leaves[i] == leaf) {
                leaves[i] = leaves[--leafCount[up]];
                break;
            }
        }
        net.closeLink(leaf, up);
    }
}
