package dev.shoal.bench;

import java.util.List;

/**
 * What to run: {@code --suite all|routing|latency}, {@code --seconds N} (measured time per
 * suite, warm-up and set-up come on top), {@code --json} (one JSON object per figure instead
 * of the table) and {@code --no-fork} (measure in this JVM instead of a fresh one with a fixed
 * heap, see {@link ForkedRun}).
 */
record BenchOptions(String suite, int seconds, boolean json, boolean fork) {
    static final List<String> SUITES = List.of("all", "routing", "latency");
    static final int DEFAULT_SECONDS = 20;
    static final int MAX_SECONDS = 3600;

    BenchOptions {
        if (!SUITES.contains(suite)) {
            throw new BenchUsageException("unknown suite '" + suite + "': use one of " + String.join(", ", SUITES));
        }
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new BenchUsageException("--seconds must be 1.." + MAX_SECONDS + ", got " + seconds);
        }
    }

    boolean runs(String name) {
        return suite.equals("all") || suite.equals(name);
    }

    static BenchOptions parse(String... args) {
        String suite = "all";
        int seconds = DEFAULT_SECONDS;
        boolean json = false;
        boolean fork = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--no-fork")) {
                fork = false;
            } else if (a.equals("--suite")) {
                suite = BenchArgs.value(args, ++i, a);
            } else if (a.startsWith("--suite=")) {
                suite = a.substring("--suite=".length());
            } else if (a.equals("--seconds")) {
                seconds = number(BenchArgs.value(args, ++i, a));
            } else if (a.startsWith("--seconds=")) {
                seconds = number(a.substring("--seconds=".length()));
            } else {
                throw new BenchUsageException("unknown option '" + a + "'");
            }
        }
        return new BenchOptions(suite, seconds, json, fork);
    }


    private static int number(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new BenchUsageException("--seconds needs a whole number, got '" + text + "'");
        }
    }
}
