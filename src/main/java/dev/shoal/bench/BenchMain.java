package dev.shoal.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code shoal bench [--suite all|routing|latency] [--seconds N] [--json] [--no-fork]}: measures the servent
 * on this machine. Every speed is printed next to a reference measured in the same run and
 * interleaved with it, as a ratio, because on a shared machine the raw numbers move with the
 * neighbours' load and the ratio much less. {@code --seconds} is the measured time per suite;
 * warm-up and start-up come on top (a default run takes under a minute). Progress goes to stderr,
 * results to stdout. The measuring is done in a forked JVM with a fixed heap ({@link ForkedRun})
 * unless {@code --no-fork} is given.
 */
public final class BenchMain {
    public static final String USAGE = "usage: shoal bench [--suite all|routing|latency] [--seconds N] [--json] [--no-fork]\n"
            + "       shoal bench transfer [--suite all|single|swarm|get|hash] [--size-mib N] [--swarm-mib M]"
            + " [--get-mib G] [--rounds R] [--json]\n"
            + "       shoal bench flood [--seconds N] [--attack flood|flood-many|deflate|all] [--json]\n"
            + "       shoal bench bootstrap [--rounds N] [--json]\n"
            + "       shoal bench capacity [--connections N] [--kind idle|slow|gnutella|all] [--searches S]"
            + " [--handshake-seconds T] [--keep-alive-seconds K] [--json]\n"
            + "       shoal bench crash [--suite all|downloads|index|writes] [--downloads N] [--size-mib M]"
            + " [--rounds R] [--files F] [--seed S] [--json]\n"
            + "       " + ChurnOptions.USAGE.substring("usage: ".length());

    private BenchMain() {
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
        if (args.length > 0 && args[0].equals("transfer")) {
            return TransferBench.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("bootstrap")) {
            return BootstrapBench.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("capacity")) {
            return CapacityBench.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("crash")) {
            return CrashBench.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("churn")) {
            return ChurnBench.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("flood")) {
            return FloodBench.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchUsageException e) {
            err.println("shoal bench: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            if (options.fork() && !ForkedRun.inChild()) {
                return ForkedRun.run(List.of(args), out, err);
            }
            List<Figure> figures = measure(options, err);
            if (options.json()) {
                ReportWriter.json(figures, out);
            } else {
                ReportWriter.table(figures, context(options), out);
            }
            out.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("shoal bench: failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("shoal bench: interrupted");
            return 1;
        }
    }

    static List<Figure> measure(BenchOptions options, PrintStream progress) throws IOException, InterruptedException {
        Duration seconds = Duration.ofSeconds(options.seconds());
        List<Figure> figures = new ArrayList<>();
        if (options.runs(RoutingSuite.SUITE)) {
            RoutingSuite routing = new RoutingSuite(seconds, RoutingSuite.defaultWarmup(seconds), progress::println);
            figures.addAll(routing.run());
            progress.println("routing: checksum " + Long.toHexString(routing.checksum()));
        }
        if (options.runs(LatencySuite.SUITE)) {
            figures.addAll(new LatencySuite(seconds, LatencySuite.defaultWarmup(seconds), progress::println).run());
        }
        return figures;
    }

    private static String context(BenchOptions options) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String jvm = ForkedRun.inChild() ? "forked JVM with a fixed pre-touched heap of "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB" : "this JVM (--no-fork)";
        return String.format(Locale.ROOT, "%d cores, Java %s, %s, load average %.2f at the end, %d s measured per suite",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), jvm, load,
                options.seconds());
    }
}
