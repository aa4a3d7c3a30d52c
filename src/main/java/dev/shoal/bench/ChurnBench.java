package dev.shoal.bench;

import dev.shoal.json.JsonLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code shoal bench churn}: a two-tier network of real servents in this JVM on 127.0.0.1 (one in
 * five an ultrapeer) under a steady search and download load ({@link ChurnLoad}), first calm, then
 * while a fifth of the nodes a minute are killed and restarted ({@link ChurnKiller}). A kill is
 * {@link dev.shoal.node.ServentNode#halt()}: sockets cut without Bye and nothing saved, as when a
 * process is killed; a restarted node gets its old folders and port and no peer, and must find the
 * network again from its host cache. Search success under churn is reported against the calm
 * phase of the same run, with crashes, every download's check against its URN, and this JVM's
 * descriptors and threads before the nodes started and after they all closed.
 *
 * <p>In one JVM rather than child processes killed with SIGKILL: the descriptor and thread counts
 * then measure the servent's own clean-up over hundreds of starts and stops, and 40 JVMs would
 * measure the machine's two cores more than the network.
 */
public final class ChurnBench {
    private static final Duration FORMING = Duration.ofSeconds(60);
    private static final Duration DRAIN = Duration.ofSeconds(90);
    private static final Duration SETTLE = Duration.ofSeconds(30);

    private ChurnBench() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        ChurnOptions options;
        try {
            options = ChurnOptions.parse(args);
        } catch (BenchUsageException e) {
            err.println("shoal bench churn: " + e.getMessage());
            err.println(ChurnOptions.USAGE);
            return 2;
        }
        try {
            if (options.netem() && !options.insideNetem()) {
                return inNamespace(args, options, out, err);
            }
            ChurnReport report = measure(options, err::println);
            if (options.json()) {
                report.json(out);
            } else {
                report.table(out);
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("shoal bench churn: failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("shoal bench churn: interrupted");
            return 1;
        }
    }

    private static int inNamespace(String[] args, ChurnOptions options, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        String why = NetemNamespace.unavailable();
        if (!why.isEmpty()) {
            err.println("shoal bench churn: --netem cannot run here: " + why);
            if (options.json()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("suite", "churn");
                line.put("netem", "unavailable");
                line.put("reason", why);
                out.println(JsonLine.of(line));
            }
            return 1;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        rest.remove("--netem");
        return NetemNamespace.run(rest, out, err);
    }

    /** Runs both phases and closes everything; the report's counts are taken once all is closed. */
    static ChurnReport measure(ChurnOptions options, Consumer<String> progress) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("shoal-bench-churn");
        warmUp(root.resolve("warm-up"), progress);
        LeakProbe.Counts before = LeakProbe.now();
        Map<String, Integer> fdsBefore = LeakProbe.fdTargets();
        ChurnTally calm = new ChurnTally("calm");
        ChurnTally churn = new ChurnTally("churn");
        ScheduledExecutorService loadThreads = Executors.newScheduledThreadPool(2, named("shoal-churn-load"));
        ScheduledExecutorService killThread = Executors.newSingleThreadScheduledExecutor(named("shoal-churn-kill"));
        ChurnErrors errors = new ChurnErrors();
        ChurnNetwork network = new ChurnNetwork(root, options.nodes(), options.ultrapeers(), progress);
        ChurnKiller killer = null;
        try {
            ChurnFiles files = new ChurnFiles(options.nodes(), options.seed(), network::shareOf);
            progress.accept("churn: starting " + options.nodes() + " nodes");
            network.startAll();
            awaitFormed(network, progress);
            ChurnLoad load = new ChurnLoad(network, files, loadThreads, options.seed() + 1, progress);
            killer = new ChurnKiller(network, load, killThread, options.seed() + 2, progress);
            load.countIn(calm);
            load.start();
            progress.accept("churn: calm phase, " + options.calm().toSeconds() + " s");
            watch(options.calm(), network, calm, progress);
            load.countIn(churn);
            killer.start(options.killEvery());
            progress.accept("churn: churn phase, " + options.churn().toSeconds() + " s, a kill every "
                    + options.killEvery().toMillis() + " ms");
            watch(options.churn(), network, churn, progress);
            load.countIn(null);
            killer.stopKilling();
            killer.awaitRestarts(Duration.ofSeconds(60));
            awaitDrained(load, progress);
            killer.rejoins().notLinked().forEach(n -> progress.accept("churn: restarted and never linked: " + n));
            List<String> unfinished = load.unfinished();
            calm.downloadsUnfinished.set(load.running(calm));
            churn.downloadsUnfinished.set(load.running(churn));
            unfinished.forEach(u -> progress.accept("churn: unfinished download: " + u));
        } finally {
            killThread.shutdownNow();
            loadThreads.shutdownNow();
            killThread.awaitTermination(60, TimeUnit.SECONDS);
            loadThreads.awaitTermination(60, TimeUnit.SECONDS);
            network.close();
            errors.close();
            TempTree.delete(root);
        }
        LeakProbe.Counts after = LeakProbe.settled(before, SETTLE);
        if (after.fds() > before.fds()) {
            Map<String, Integer> grown = LeakProbe.fdTargets();
            grown.replaceAll((target, n) -> n - fdsBefore.getOrDefault(target, 0));
            grown.values().removeIf(n -> n <= 0);
            progress.accept("churn: descriptors opened and not closed: " + grown);
        }
        if (after.threads() > before.threads()) {
            progress.accept("churn: threads left: " + LeakProbe.threadsByName());
        }
        errors.samples().forEach((m, n) -> progress.accept("churn: " + n + " x " + m));
        for (ChurnTally t : List.of(calm, churn)) {
            t.failures().forEach((why, n) -> progress.accept("churn: " + t.phase + ": " + n + " downloads failed: " + why));
        }
        return new ChurnReport(options, options.insideNetem(), calm, churn, killer.kills(), killer.restarts(),
                killer.rejoins(), network.failedStarts(), network.portsLost(), errors.uncaught(), errors.errorsLogged(),
                errors.warningsWithException(), before, after);
    }

    /**
     * Starts, kills, restarts and closes one node before the counts are taken, so that what the
     * JVM and the libraries open once and keep (class path jars, resolver sockets, pools) is in
     * both counts and only what grows with the churn shows.
     */
    private static void warmUp(Path dir, Consumer<String> progress) throws IOException, InterruptedException {
        ChurnNetwork one = new ChurnNetwork(dir, 1, 1, progress);
        Files.createDirectories(one.shareOf(0));
        one.startAll();
        one.kill(0, n -> { });
        one.restart(0);
        one.close();
    }

    /** Until every leaf has an ultrapeer and every ultrapeer a link, or {@link #FORMING} passed. */
    private static void awaitFormed(ChurnNetwork network, Consumer<String> progress) throws InterruptedException {
        long deadline = System.nanoTime() + FORMING.toNanos();
        int lonely = network.size();
        while (System.nanoTime() < deadline) {
            lonely = 0;
            for (int i = 0; i < network.size(); i++) {
                if (network.node(i).map(n -> n.peers().isEmpty()).orElse(true)) {
                    lonely++;
                }
            }
            if (lonely == 0) {
                return;
            }
            Thread.sleep(200);
        }
        progress.accept("churn: " + lonely + " nodes still without a link after " + FORMING.toSeconds() + " s");
    }

    private static void watch(Duration phase, ChurnNetwork network, ChurnTally tally, Consumer<String> progress)
            throws InterruptedException {
        long end = System.nanoTime() + phase.toNanos();
        long next = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            Thread.sleep(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()), 500)));
            if (System.nanoTime() >= next) {
                next += TimeUnit.SECONDS.toNanos(30);
                progress.accept(String.format(Locale.ROOT,
                        "churn: %s: %d live, %d searches, %d found, %d downloads verified", tally.phase,
                        network.live(), tally.searches.get(), tally.found.get(), tally.downloadsVerified.get()));
            }
        }
    }

    private static void awaitDrained(ChurnLoad load, Consumer<String> progress) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (load.inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (load.inFlight() > 0) {
            progress.accept("churn: " + load.inFlight() + " searches and downloads still open after " + DRAIN.toSeconds()
                    + " s");
        }
    }

    private static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
