package dev.shoal.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Transfer speed on this machine, each figure next to a reference taken in the same rounds
 * (see {@link TransferOptions} for the arguments):
 * <ul>
 * <li>{@code single_source}: a node-served file fetched with the swarming downloader from one
 *     source, against curl fetching the same URL;</li>
 * <li>{@code four_sources}: four nodes capped at 10 MB/s each, one source against four;</li>
 * <li>{@code shoal_get}: {@code shoal get} run as a user runs it, from four nodes capped at 5 MiB/s each
 *     that it finds with a hash query, against aria2c given the four URLs;</li>
 * <li>{@code hash_index}: {@code Library.indexOnce} over a folder of files, against sha1sum.</li>
 * </ul>
 * Everything runs on 127.0.0.1 with free ports in a temporary folder that is deleted at the end.
 * Progress goes to stderr, results to stdout.
 */
public final class TransferBench {
    private TransferBench() {
    }

    public static void main(String[] args) {
        // Servent INFO logs would bury the progress lines; an explicit setting still wins.
        if (System.getProperty("shoal.log.level") == null) {
            System.setProperty("shoal.log.level", "WARN");
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the bench; returns the exit code (0 ok, 1 a suite failed, 2 bad arguments). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        TransferOptions options;
        try {
            options = TransferOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("TransferBench: " + e.getMessage());
            err.println(TransferOptions.USAGE);
            return 2;
        }
        try {
            List<TransferFigure> figures = measure(options, err);
            if (options.json()) {
                TransferReport.json(figures, out);
            } else {
                TransferReport.table(figures, context(options), out);
            }
            out.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("TransferBench: failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("TransferBench: interrupted");
            return 1;
        }
    }

    /** Runs the chosen suites in a temporary folder; the entry point for a bench driver. */
    static List<TransferFigure> measure(TransferOptions options, PrintStream progress)
            throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("shoal-transfer-bench");
        List<TransferFigure> figures = new ArrayList<>();
        try {
            long size = options.sizeMib() * BenchFiles.MIB;
            if (options.runs("single")) {
                figures.addAll(new SingleSourceSuite(size, options.rounds(), root, progress::println).run());
            }
            if (options.runs("swarm")) {
                figures.addAll(new MultiSourceSuite(options.swarmMib() * BenchFiles.MIB, options.rounds(), root,
                        progress::println).run());
            }
            if (options.runs("get")) {
                figures.addAll(new GetSuite(options.getMib() * BenchFiles.MIB, options.rounds(), root,
                        progress::println).run());
            }
            if (options.runs("hash")) {
                figures.addAll(new HashIndexSuite(size, options.rounds(), root, progress::println).run());
            }
        } finally {
            BenchFiles.deleteTree(root);
        }
        return figures;
    }

    private static String context(TransferOptions o) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%d MiB single-source and hashed, %d MiB four-source, %d MiB shoal get,"
                + " %d rounds; %d cores, Java %s, load average %.2f at the end", o.sizeMib(), o.swarmMib(), o.getMib(),
                o.rounds(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load);
    }
}
