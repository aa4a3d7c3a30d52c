package dev.shoal.sim;

import dev.shoal.routing.DynamicQueryConfig;
import dev.shoal.routing.TtlPolicy;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * A built network and its workload, and the runs of queries over it. The same seed gives the same
 * graph, files and queries (origin, file, GUID, link order) whatever the TTL or mode, so runs are
 * comparable line by line.
 */
final class Simulation {
    private final SimSettings settings;
    private final Graph graph;
    private final Workload workload;
    private final SimNetwork network;
    private final BfsReference bfs;
    /** For flat networks, the nodes of the largest component; null otherwise. */
    private final boolean[] largestComponent;
    private final long heapBytes;
    private final Churn churn;

    private Simulation(SimSettings settings, Graph graph, Workload workload, SimNetwork network, Churn churn,
            long heapBytes) {
        this.settings = settings;
        this.graph = graph;
        this.workload = workload;
        this.network = network;
        this.churn = churn;
        this.heapBytes = heapBytes;
        this.bfs = graph.ultrapeerCount() == graph.size() && churn == null ? new BfsReference(graph) : null;
        this.largestComponent = bfs != null ? graph.largestComponent() : null;
    }

    /**
     * Builds the network. {@code maxTtl} is the largest TTL the runs will use: the routers' TTL
     * policy is Shoal's (4, 4, 15) or, for deeper floods, that TTL in place of the 4s.
     */
    static Simulation build(SimSettings s, int maxTtl) {
        long before = usedHeap();
        Graph graph = s.topology().build(s.nodes(), s.degree(), new SplittableRandom(s.seed()));
        RandomGenerator files = new SplittableRandom(s.seed() + 1);
        Workload workload = s.zipfExponent() > 0
                ? Workload.zipf(s.nodes(), s.items(), s.replication(), s.zipfExponent(), s.backgroundFiles(), files,
                        s.seed())
                : Workload.uniform(s.nodes(), s.items(), s.replication(), s.backgroundFiles(), files, s.seed());
        return over(s, graph, workload, maxTtl, before);
    }

    /** A simulation of a given graph and workload (a hand-built one in tests); the settings give queries and seed. */
    static Simulation over(SimSettings s, Graph graph, Workload workload, int maxTtl) {
        return over(s, graph, workload, maxTtl, usedHeap());
    }

    private static Simulation over(SimSettings s, Graph graph, Workload workload, int maxTtl, long heapBefore) {
        int cap = Math.max(TtlPolicy.DEFAULT_MAX_TTL, maxTtl);
        TtlPolicy policy = new TtlPolicy(cap, cap, Math.max(TtlPolicy.DEFAULT_HARD_LIMIT, cap));
        SimNetwork network = new SimNetwork(graph, workload, s.qrp(), s.qrpSlots(), policy,
                new SplittableRandom(s.seed() + 2));
        Churn churn = null;
        if (s.churn()) {
            churn = new Churn(network, new SplittableRandom(s.seed() + 3));
            // Leaves that start without an ultrapeer have found one by the first query.
            network.time.advance(Churn.REPAIR_DELAY.multipliedBy(2));
        }
        long heap = Math.max(0, usedHeap() - heapBefore);
        return new Simulation(s, graph, workload, network, churn, heap);
    }

    /** Heap in use after a full collection (what the live objects take). */
    static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    Graph graph() {
        return graph;
    }

    SimNetwork network() {
        return network;
    }

    /** The churn driving this network, or null. */
    Churn churn() {
        return churn;
    }

    long heapBytes() {
        return heapBytes;
    }

    /** Runs every query at {@code ttl}: a flood, or (dynamic) with {@code ttl} as the per-link TTL cap. */
    SimResult run(int ttl, boolean dynamic) {
        DynamicQueryConfig dq = dynamic ? DynamicQueryConfig.defaults().withMaxTtl(ttl) : null;
        boolean checkBfs = bfs != null && !dynamic;
        long queryMessages = 0;
        long hitMessages = 0;
        long vendorMessages = 0;
        long reached = 0;
        long results = 0;
        int successes = 0;
        long bfsMessages = 0;
        long bfsReached = 0;
        boolean bfsEqual = true;
        int inLargest = 0;
        int successesInLargest = 0;
        int[] copies = new int[settings.queries()];
        long bfsNanos = 0;
        long online = 0;
        long repairsBefore = churn != null ? churn.repairs() : 0;
        Map<String, Integer> outcomes = new TreeMap<>();
        long start = System.nanoTime();
        for (int q = 0; q < settings.queries(); q++) {
            RandomGenerator random = new SplittableRandom(settings.seed() * 1_000_003L + q);
            int item = workload.isZipf() ? workload.pick(random) : q % workload.items();
            int origin;
            do {
                origin = random.nextInt(graph.size());
            } while (!network.online(origin)
                    || workload.holds(origin, item) && workload.copiesOf(item) < graph.size());
            online += onlineNodes();
            QueryRun r = network.query(origin, item, ttl, dq, random);
            queryMessages += r.queryMessages;
            hitMessages += r.hitMessages;
            vendorMessages += r.vendorMessages;
            reached += r.reached;
            results += r.results;
            successes += r.success() ? 1 : 0;
            r.outcomes.forEach((k, v) -> outcomes.merge(k, v, Integer::sum));
            if (checkBfs) {
                long t0 = System.nanoTime();
                BfsReference.Flood f = bfs.flood(origin, ttl);
                bfsNanos += System.nanoTime() - t0;
                bfsMessages += f.messages();
                bfsReached += f.reached();
                bfsEqual &= f.messages() == r.queryMessages && f.reached() == r.reached;
                if (largestComponent[origin]) {
                    inLargest++;
                    successesInLargest += r.success() ? 1 : 0;
                }
                copies[q] = workload.copiesOf(item);
            }
        }
        long wall = (System.nanoTime() - start - bfsNanos) / 1_000_000;
        double n = settings.queries();
        SimResult.Flat flat = null;
        if (checkBfs) {
            double atMeanReach = 0;
            for (int c : copies) {
                atMeanReach += BfsReference.chanceFound(graph.size() - 1, reached / n, c);
            }
            flat = new SimResult.Flat(bfsMessages / n, bfsReached / n, bfsEqual, inLargest / n,
                    inLargest > 0 ? (double) successesInLargest / inLargest : Double.NaN, atMeanReach / n);
        }
        return new SimResult(settings, graph.ultrapeerCount(), graph.linkCount(), dynamic ? "dynamic" : "flood", ttl,
                successes / n, queryMessages / n, hitMessages / n, vendorMessages / n, reached / n, results / n, flat,
                wall, bfsNanos / 1_000_000, heapBytes, online / n / graph.size(),
                churn != null ? churn.repairs() - repairsBefore : 0,
                outcomes);
    }

    private int onlineNodes() {
        int up = 0;
        for (int v = 0; v < graph.size(); v++) {
            up += network.online(v) ? 1 : 0;
        }
        return up;
    }
}
