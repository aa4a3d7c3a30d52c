package dev.shoal.sim;

import dev.shoal.routing.QrpTable;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What the nodes share and what is searched for. There are {@code items} searchable files, each
 * named by one keyword of its own; file {@code i} is on {@code holders[i]} (sorted node ids). With a
 * fixed replication ratio every file is on ratio · n random nodes on average (at least one); with Zipf
 * popularity file {@code i} (0 = most popular) gets copies in proportion to 1 / (i + 1)^s, scaled so
 * that the mean is still ratio · n, and queries ask for files with those same odds. Besides these,
 * every node shares {@code backgroundFiles} other files, so QRP tables fill up as real ones do
 * (and give false hits as real ones do).
 */
final class Workload {
    static final int BACKGROUND_VOCABULARY = 1_000_000;

    private final int[][] holders;
    private final double[] cumulative;
    private final int backgroundFiles;
    private final long seed;

    private Workload(int[][] holders, double[] cumulative, int backgroundFiles, long seed) {
        this.holders = holders;
        this.cumulative = cumulative;
        this.backgroundFiles = backgroundFiles;
        this.seed = seed;
    }

    /** Files on the given nodes (sorted), picked uniformly; for hand-built test networks. */
    static Workload of(int[][] holders, int backgroundFiles, long seed) {
        return new Workload(holders, null, backgroundFiles, seed);
    }

    /**
     * Files on ratio · n nodes on average; queries pick files uniformly. When ratio · n is not whole
     * (0.125 % of 10 000 is 12.5), files take the copies below and above it in turn, so the first k
     * files hold round(k · ratio · n) copies between them; rounding each file alone would search 13
     * copies, 0.13 %.
     */
    static Workload uniform(int n, int items, double ratio, int backgroundFiles, RandomGenerator random, long seed) {
        double perFile = ratio * n;
        int[][] holders = new int[items][];
        for (int i = 0; i < items; i++) {
            long copies = Math.round(perFile * (i + 1)) - Math.round(perFile * i);
            holders[i] = distinctNodes(n, (int) Math.max(1, copies), random);
        }
        return new Workload(holders, null, backgroundFiles, seed);
    }

    /** Copies and query odds in proportion to 1 / (rank + 1)^exponent. */
    static Workload zipf(int n, int items, double ratio, double exponent, int backgroundFiles, RandomGenerator random,
            long seed) {
        double[] weight = new double[items];
        double total = 0;
        for (int i = 0; i < items; i++) {
            weight[i] = 1 / Math.pow(i + 1, exponent);
            total += weight[i];
        }
        double[] cumulative = new double[items];
        double run = 0;
        int[][] holders = new int[items][];
        for (int i = 0; i < items; i++) {
            run += weight[i] / total;
            cumulative[i] = run;
            double share = weight[i] / total * items * ratio;
            holders[i] = distinctNodes(n, Math.min(n, copies(n, share)), random);
        }
        return new Workload(holders, cumulative, backgroundFiles, seed);
    }

    static int copies(int n, double ratio) {
        return (int) Math.max(1, Math.round(ratio * n));
    }

    private static int[] distinctNodes(int n, int count, RandomGenerator random) {
        int[] out = random.ints(0, n).distinct().limit(count).toArray();
        Arrays.sort(out);
        return out;
    }

    boolean isZipf() {
        return cumulative != null;
    }

    int items() {
        return holders.length;
    }

    /** The file a query asks for, drawn with {@code random}: uniform, or by Zipf popularity. */
    int pick(RandomGenerator random) {
        if (cumulative == null) {
            return random.nextInt(holders.length);
        }
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(holders.length - 1, i >= 0 ? i : -i - 1);
    }

    boolean holds(int node, int item) {
        return Arrays.binarySearch(holders[item], node) >= 0;
    }

    int copiesOf(int item) {
        return holders[item].length;
    }

    static String keyword(int item) {
        return "file" + item;
    }

    static List<String> keywords(int item) {
        return List.of(keyword(item));
    }

    /** Each node's QRP table: its background files and the searchable files it holds. */
    QrpTable[] tables(int n, int slots) {
        QrpTable.Builder[] builders = new QrpTable.Builder[n];
        QrpTable[] tables = new QrpTable[n];
        for (int item = 0; item < holders.length; item++) {
            for (int node : holders[item]) {
                if (builders[node] == null) {
                    builders[node] = QrpTable.builder(slots);
                }
                builders[node].add(keyword(item));
            }
        }
        for (int v = 0; v < n; v++) {
            QrpTable.Builder b = builders[v] != null ? builders[v] : QrpTable.builder(slots);
            // Background names come from the node's own stream, so tables do not depend on the item count.
            SplittableRandom own = new SplittableRandom(seed * 1_000_003 + v);
            for (int f = 0; f < backgroundFiles; f++) {
                b.add("bg" + own.nextInt(BACKGROUND_VOCABULARY));
            }
            tables[v] = b.build();
            builders[v] = null;
        }
        return tables;
    }
}
