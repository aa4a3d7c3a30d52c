package dev.shoal.sim;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** The networks the simulator builds; every choice comes from the seeded generator. */
enum Topology {
    /** Erdős–Rényi G(n, m): n · degree / 2 distinct links between uniformly random pairs. */
    RANDOM("random"),
    /** Barabási–Albert: each new node links to degree / 2 earlier nodes chosen in proportion to their degree. */
    POWER_LAW("power-law"),
    /**
     * Ultrapeers (15 %) joined as a random graph of the given degree (default 32); every leaf links
     * to 3 distinct ultrapeers that have fewer than 30 leaves.
     */
    TWO_TIER("two-tier");

    static final double ULTRAPEER_SHARE = 0.15;
    static final int ULTRAPEER_DEGREE = 32;
    static final int LEAF_LINKS = 3;
    static final int LEAVES_PER_ULTRAPEER = 30;

    final String label;

    Topology(String label) {
        this.label = label;
    }

    static Topology parse(String s) {
        for (Topology t : values()) {
            if (t.label.equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown topology '" + s + "' (random, power-law or two-tier)");
    }

    int defaultDegree() {
        return this == TWO_TIER ? ULTRAPEER_DEGREE : 4;
    }

    /**
     * Fails, naming the option to change, when {@code n} nodes of this shape cannot have {@code degree}
     * links each: a user's choice of sizes, found before anything is built.
     */
    void checkShape(int n, int degree) {
        switch (this) {
            case RANDOM -> {
                if (degree > n - 1) {
                    throw new IllegalArgumentException("--degree " + degree + " is too high for " + n
                            + " nodes: a random graph of them has at most " + (n - 1) + " links per node");
                }
            }
            case POWER_LAW -> {
                int k = Math.max(1, degree / 2);
                if (n <= k) {
                    throw new IllegalArgumentException("--nodes " + n + " is too few for a power-law network of degree "
                            + degree + ": each new node links to " + k + " earlier ones, so it needs at least "
                            + (k + 1));
                }
            }
            case TWO_TIER -> {
                long ups = ultrapeers(n);
                if (ups >= n) {
                    throw new IllegalArgumentException("--nodes " + n + " is too few for two tiers: "
                            + LEAF_LINKS + " ultrapeers and a leaf need at least " + (LEAF_LINKS + 1));
                }
                if (degree > ups - 1) {
                    long enough = (long) Math.ceil((degree + 0.5) / ULTRAPEER_SHARE);
                    while (ultrapeers(enough) <= degree) {
                        enough++;
                    }
                    throw new IllegalArgumentException("--degree " + degree + " is too high for two tiers of " + n
                            + " nodes: their " + ups + " ultrapeers have at most " + (ups - 1)
                            + " links each; use --nodes " + enough + " or more, or a lower --degree");
                }
            }
        }
    }

    /** Ultrapeers among {@code n} nodes of two tiers: 15 %, and at least as many as a leaf links to. */
    static long ultrapeers(long n) {
        return Math.max(LEAF_LINKS, Math.round(n * ULTRAPEER_SHARE));
    }

    Graph build(int n, int degree, RandomGenerator random) {
        return switch (this) {
            case RANDOM -> random(n, degree, random);
            case POWER_LAW -> powerLaw(n, degree, random);
            case TWO_TIER -> twoTier(n, degree, random);
        };
    }

    private static Graph random(int n, int degree, RandomGenerator random) {
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        long m = Math.round(n * (double) degree / 2);
        long[] edges = randomEdges(n, m, random);
        return Graph.of(n, edges, edges.length, all);
    }

    /** {@code m} distinct links among nodes 0..n-1 with no self-links, in the order drawn. */
    static long[] randomEdges(int n, long m, RandomGenerator random) {
        if (m > (long) n * (n - 1) / 2) {
            throw new IllegalArgumentException("degree too high for " + n + " nodes");
        }
        long[] edges = new long[Math.toIntExact(m)];
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        int count = 0;
        while (count < m) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (a == b) {
                continue;
            }
            long key = (long) Math.min(a, b) << 32 | Math.max(a, b);
            if (seen.add(key)) {
                edges[count++] = (long) a << 32 | b;
            }
        }
        return edges;
    }

    private static Graph powerLaw(int n, int degree, RandomGenerator random) {
        int k = Math.max(1, degree / 2);
        if (n <= k) {
            throw new IllegalArgumentException("a power-law network needs more than " + k + " nodes");
        }
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        // Every link end is listed once: picking a uniform entry picks a node in proportion to its degree.
        int[] ends = new int[2 * (k * (k + 1) / 2 + (n - k - 1) * k)];
        long[] edges = new long[ends.length / 2];
        int e = 0;
        for (int a = 0; a <= k; a++) {
            for (int b = a + 1; b <= k; b++) {
                ends[2 * e] = a;
                ends[2 * e + 1] = b;
                edges[e++] = (long) a << 32 | b;
            }
        }
        int[] chosen = new int[k];
        for (int v = k + 1; v < n; v++) {
            int base = 2 * e;
            for (int c = 0; c < k; c++) {
                int target;
                do {
                    target = ends[random.nextInt(base)];
                } while (contains(chosen, c, target));
                chosen[c] = target;
            }
            for (int c = 0; c < k; c++) {
                ends[2 * e] = v;
                ends[2 * e + 1] = chosen[c];
                edges[e++] = (long) v << 32 | chosen[c];
            }
        }
        return Graph.of(n, edges, e, all);
    }

    private static boolean contains(int[] a, int len, int x) {
        for (int i = 0; i < len; i++) {
            if (a[i] == x) {
                return true;
            }
        }
        return false;
    }

    private static Graph twoTier(int n, int degree, RandomGenerator random) {
        int ups = (int) ultrapeers(n);
        int leaves = n - ups;
        if (leaves * (long) LEAF_LINKS > (long) ups * LEAVES_PER_ULTRAPEER) {
            throw new IllegalArgumentException("too few ultrapeers for " + leaves + " leaves");
        }
        boolean[] role = new boolean[n];
        Arrays.fill(role, 0, ups, true);
        long[] upEdges = randomEdges(ups, Math.round(ups * (double) degree / 2), random);
        long[] edges = Arrays.copyOf(upEdges, upEdges.length + leaves * LEAF_LINKS);
        int e = upEdges.length;
        int[] leafCount = new int[ups];
        int[] mine = new int[LEAF_LINKS];
        for (int leaf = ups; leaf < n; leaf++) {
            for (int c = 0; c < LEAF_LINKS; c++) {
                int up;
                do {
                    up = random.nextInt(ups);
                } while (leafCount[up] >= LEAVES_PER_ULTRAPEER || contains(mine, c, up));
                mine[c] = up;
                leafCount[up]++;
                edges[e++] = (long) up << 32 | leaf;
            }
        }
        return Graph.of(n, edges, e, role);
    }
}
