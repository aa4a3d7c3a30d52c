package dev.shoal.bench;

import java.util.List;
import java.util.Set;

/**
 * Command line of {@link TransferBench}: {@code [--size-mib N] [--swarm-mib M] [--get-mib G]
 * [--rounds R] [--suite all|single|swarm|get|hash] [--json]}.
 *
 * @param sizeMib    size of the single-source file and of the hashed set (default 1024)
 * @param swarmMib   size of the file fetched at 10 MB/s per source (default 160, at most sizeMib)
 * @param getMib     size of the file {@code shoal get} and aria2c fetch at 5 MiB/s per source (default 80, at most
 *                   sizeMib)
 * @param rounds     measured rounds per figure (a warm-up round comes on top in the single-source suite)
 * @param suites     which suites to run
 * @param json       one JSON object per figure instead of a table
 */
record TransferOptions(int sizeMib, int swarmMib, int getMib, int rounds, Set<String> suites, boolean json) {
    static final String USAGE = "usage: TransferBench [--size-mib N] [--swarm-mib M] [--get-mib G] [--rounds R]"
            + " [--suite all|single|swarm|get|hash] [--json]";
    static final List<String> SUITES = List.of("single", "swarm", "get", "hash");

    static TransferOptions parse(String[] args) {
        int size = 1024;
        Integer swarm = null;
        Integer get = null;
        int rounds = 3;
        Set<String> suites = Set.copyOf(SUITES);
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--json" -> json = true;
                case "--size-mib" -> size = BenchArgs.positive(a, BenchArgs.value(args, ++i, a));
                case "--swarm-mib" -> swarm = BenchArgs.positive(a, BenchArgs.value(args, ++i, a));
                case "--get-mib" -> get = BenchArgs.positive(a, BenchArgs.value(args, ++i, a));
                case "--rounds" -> rounds = BenchArgs.positive(a, BenchArgs.value(args, ++i, a));
                case "--suite" -> suites = BenchArgs.suites(BenchArgs.value(args, ++i, a), SUITES);
                default -> throw new BenchUsageException("unknown argument: " + a);
            }
        }
        int swarmMib = swarm != null ? swarm : Math.min(160, size);
        int getMib = get != null ? get : Math.min(80, size);
        return new TransferOptions(size, swarmMib, getMib, rounds, suites, json);
    }

    boolean runs(String suite) {
        return suites.contains(suite);
    }
}
