package dev.shoal.bench;

import java.time.Duration;

/**
 * What {@code shoal bench churn} runs: {@code --nodes N} servents (one in five an ultrapeer),
 * a calm phase of {@code --calm-seconds} (two minutes, or the churn phase if that is shorter)
 * then {@code --minutes M} of churn (or {@code --seconds S}, for short runs) in which
 * {@code --churn-per-minute F} of the nodes are killed and restarted each minute; {@code --seed}
 * fixes every random choice (files, victims, searchers); {@code --netem} runs it all in a network
 * namespace of its own whose loopback delays every packet by 50 ms and drops 1 %.
 */
record ChurnOptions(int nodes, Duration calm, Duration churn, double churnPerMinute, long seed, boolean netem,
        boolean json, boolean insideNetem) {
    static final String USAGE = "usage: shoal bench churn [--nodes N] [--minutes M | --seconds S] [--calm-seconds C]"
            + " [--churn-per-minute F] [--seed S] [--netem] [--json]";
    static final Duration DEFAULT_CALM = Duration.ofMinutes(2);
    /** Passed to the bench re-run inside the namespace, so that it does not try to make one again. */
    static final String INSIDE_NETEM = "--inside-netem";

    ChurnOptions {
        if (nodes < 6 || nodes > 200) {
            throw new BenchUsageException("--nodes must be 6..200, got " + nodes);
        }
        if (churn.isNegative() || churn.isZero() || churn.compareTo(Duration.ofHours(6)) > 0) {
            throw new BenchUsageException("the churn phase must last 1 s to 6 h");
        }
        if (calm.isNegative() || calm.isZero() || calm.compareTo(Duration.ofHours(6)) > 0) {
            throw new BenchUsageException("--calm-seconds must be 1.." + Duration.ofHours(6).toSeconds());
        }
        // Above 1 a node is killed more than once a minute on average: short test runs need that.
        if (!(churnPerMinute > 0 && churnPerMinute <= 60)) {
            throw new BenchUsageException("--churn-per-minute must be above 0 and at most 60, got " + churnPerMinute);
        }
    }

    /** One node in five is an ultrapeer (8 of 40), at least two. */
    int ultrapeers() {
        return Math.max(2, nodes / 5);
    }

    /** Time between two kills: {@code churnPerMinute} of the nodes go down every minute. */
    Duration killEvery() {
        return Duration.ofNanos((long) (60e9 / (churnPerMinute * nodes)));
    }

    static ChurnOptions parse(String... args) {
        int nodes = 40;
        Duration churn = Duration.ofMinutes(10);
        Duration calm = null;
        double rate = 0.2;
        long seed = 1;
        boolean netem = false;
        boolean json = false;
        boolean inside = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--nodes" -> nodes = (int) number(args, ++i, a);
                case "--minutes" -> churn = Duration.ofMinutes(number(args, ++i, a));
                case "--seconds" -> churn = Duration.ofSeconds(number(args, ++i, a));
                case "--calm-seconds" -> calm = Duration.ofSeconds(number(args, ++i, a));
                case "--churn-per-minute" -> rate = fraction(args, ++i, a);
                case "--seed" -> seed = number(args, ++i, a);
                case "--netem" -> netem = true;
                case "--json" -> json = true;
                case INSIDE_NETEM -> inside = true;
                default -> throw new BenchUsageException("unknown option '" + a + "'");
            }
        }
        if (calm == null) {
            calm = churn.compareTo(DEFAULT_CALM) < 0 ? churn : DEFAULT_CALM;
        }
        return new ChurnOptions(nodes, calm, churn, rate, seed, netem, json, inside);
    }


    private static long number(String[] args, int i, String option) {
        String text = BenchArgs.value(args, i, option);
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new BenchUsageException(option + " needs a whole number, got '" + text + "'");
        }
    }

    private static double fraction(String[] args, int i, String option) {
        String text = BenchArgs.value(args, i, option);
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new BenchUsageException(option + " needs a number, got '" + text + "'");
        }
    }
}
