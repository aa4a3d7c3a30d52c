package dev.shoal.bench;

import java.util.List;
import java.util.Set;

/**
 * Command line of {@link CrashBench}: {@code [--suite all|downloads|index|writes] [--downloads N]
 * [--size-mib M] [--rounds R] [--files F] [--seed S] [--json]}.
 *
 * @param suites    which suites to run
 * @param downloads downloads killed once each (default 100)
 * @param sizeMib   size of the downloaded file (default 16: four seconds at the sources' cap, so that most
 *                  kills land in the transfer, and the second of transfer a checkpoint may lag is a
 *                  quarter of it)
 * @param rounds    indexing runs killed, and write loops killed (default 20)
 * @param files     files in the tree the indexing suite hashes, up to 1 MiB each (default 400)
 * @param seed      seed of the files and of every kill's moment, so a run can be repeated
 * @param json      one JSON object per suite instead of text
 */
record CrashOptions(Set<String> suites, int downloads, int sizeMib, int rounds, int files, long seed, boolean json) {
    static final String USAGE = "usage: shoal bench crash [--suite all|downloads|index|writes] [--downloads N]"
            + " [--size-mib M] [--rounds R] [--files F] [--seed S] [--json]";
    static final List<String> SUITES = List.of(KilledDownloads.SUITE, KilledIndexing.SUITE, KilledWrites.SUITE);

    static CrashOptions parse(String[] args) {
        Set<String> suites = Set.copyOf(SUITES);
        int downloads = 100;
        int size = 16;
        int rounds = 20;
        int files = 400;
        long seed = 1;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--json" -> json = true;
                case "--downloads" -> downloads = BenchArgs.positive(a, BenchArgs.value(args, ++i, a));
                case "--size-mib" -> size = BenchArgs.positive(a, BenchArgs.value(args, ++i, a));
                case "--rounds" -> rounds = BenchArgs.positive(a, BenchArgs.value(args, ++i, a));
                case "--files" -> files = BenchArgs.positive(a, BenchArgs.value(args, ++i, a));
                case "--seed" -> seed = BenchArgs.wholeNumber(a, BenchArgs.value(args, ++i, a));
                case "--suite" -> suites = BenchArgs.suites(BenchArgs.value(args, ++i, a), SUITES);
                default -> throw new BenchUsageException("unknown argument: " + a);
            }
        }
        return new CrashOptions(suites, downloads, size, rounds, files, seed, json);
    }

    boolean runs(String suite) {
        return suites.contains(suite);
    }
}
