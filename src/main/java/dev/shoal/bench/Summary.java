package dev.shoal.bench;

import java.util.Arrays;

/**
 * Order statistics of one set of measurements (rates of rounds, or latencies of single round
 * trips). Percentiles use the nearest-rank rule, so every reported value is one that was really
 * measured; {@code p50} is the median.
 */
record Summary(int n, double min, double p50, double p90, double p99, double max) {

    Summary {
        if (n < 1) {
            throw new IllegalArgumentException("a summary needs at least one value");
        }
    }

    static Summary of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a summary needs at least one value");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Summary(sorted.length, sorted[0], rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99),
                sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
