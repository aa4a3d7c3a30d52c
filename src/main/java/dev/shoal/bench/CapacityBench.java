package dev.shoal.bench;

import dev.shoal.json.JsonLine;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code shoal bench capacity [--connections N] [--kind idle|slow|gnutella|all] [--searches S]
 * [--handshake-seconds T] [--json]}: what
 * holding N connections costs one node. For each kind a fresh node ({@link CapacityTarget}, its
 * own JVM with a fixed {@value #HEAP_MIB} MiB heap) shares a file, and a real leaf
 * ({@link CapacitySearcher}) connects to it and times searches for that file: first alone (the
 * reference), then while N connections of the kind ({@link HeldConnections}) are held. The node's
 * live heap, threads and file descriptors are read with no crowd and with it ({@link HeapProbe}),
 * giving the heap each held connection costs. Idle and trickling sockets are then left to the
 * node's handshake timeout (raised by config from 10 s to {@code T}, 120 s by default, so that the
 * crowd is all there when measured), and the time it took to reap them all is reported. All on
 * 127.0.0.0/8.
 */
public final class CapacityBench {
    static final int HEAP_MIB = 256;
    private static final int WARMUP_SEARCHES = 5;
    private static final MathContext DIGITS = new MathContext(4);

    private CapacityBench() {
    }

    /** Runs the bench; returns the exit code (0 ok, 1 failed, 2 bad arguments). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CapacityOptions options;
        try {
            options = CapacityOptions.parse(args);
        } catch (BenchUsageException e) {
            err.println("shoal bench capacity: " + e.getMessage());
            err.println(CapacityOptions.USAGE);
            return 2;
        }
        long fdLimit = maxFileDescriptors();
        if (fdLimit > 0 && fdLimit < options.connections() + 1_000L) {
            err.println("shoal bench capacity: " + options.connections() + " connections need more file descriptors"
                    + " than this process may open (" + fdLimit + "): raise the soft limit, e.g. ulimit -n "
                    + (options.connections() + 2_000));
            return 1;
        }
        err.printf(Locale.ROOT, "capacity: node in a forked JVM with -Xms%dm -Xmx%dm; handshake timeout %d s"
                + " (default 10 s); file descriptor limit %d%n", HEAP_MIB, HEAP_MIB, options.handshakeSeconds(), fdLimit);
        try {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (HeldConnections.Kind kind : options.kinds()) {
                rows.add(measure(kind, options, err));
            }
            print(rows, options.json(), out);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("shoal bench capacity: failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("shoal bench capacity: interrupted");
            return 1;
        }
    }

    private static Map<String, Object> measure(HeldConnections.Kind kind, CapacityOptions options, PrintStream progress)
            throws IOException, InterruptedException {
        String name = kind.name().toLowerCase(Locale.ROOT);
        int n = options.connections();
        Path root = Files.createTempDirectory("shoal-capacity-bench");
        try (FloodTarget.Process target = FloodTarget.Process.start(root, CapacityTarget.class, HEAP_MIB,
                List.of(Integer.toString(n), Integer.toString(options.handshakeSeconds()),
                        Integer.toString(options.keepAliveSeconds())));
                CapacitySearcher searcher = CapacitySearcher.connect(root.resolve("searcher"), target.address())) {
            progress.println("capacity: " + name + ": node on " + target.address() + " (pid " + target.pid() + ")");
            searcher.search(WARMUP_SEARCHES);
            List<Double> reference = searcher.search(options.searches());
            HeapProbe empty = HeapProbe.parse(target.probe());
            long openStart = System.nanoTime();
            HeldConnections held = HeldConnections.open(kind, target.address(), n);
            try {
                long opened = System.nanoTime();
                progress.printf(Locale.ROOT, "capacity: %s: %d opened, %d failed in %.1f s%n", name, held.opened(),
                        held.failed(), (opened - openStart) / 1e9);
                HeapProbe full = settle(target, empty, held.opened() - held.closedByNode());
                int closedBeforeMeasure = held.closedByNode();
                List<Double> loaded = searcher.search(options.searches());
                HeapProbe after = HeapProbe.parse(target.probe());
                Map<String, Object> row = row(name, n, held, empty, full, reference, loaded);
                row.put("closed_by_node_before_measure", closedBeforeMeasure);
                row.put("node_held_after_searches", after.sockets() - empty.sockets());
                row.put("searcher_linked", searcher.links() == 1);
                row.put("handshake_timeout_s", options.handshakeSeconds());
                row.put("keep_alive_s", options.keepAliveSeconds());
                if (kind == HeldConnections.Kind.GNUTELLA) {
                    // Past the node's keep-alive interval: every quiet leaf has been pinged and has answered.
                    Thread.sleep(options.keepAliveSeconds() * 1000L + 5_000);
                    row.put("pings_answered", held.pingsAnswered());
                    row.put("node_held_after_keepalive", HeapProbe.parse(target.probe()).sockets() - empty.sockets());
                } else {
                    row.put("reaped_all_after_s", awaitReaped(held, opened, options.handshakeSeconds(), progress, name));
                }
                return row;
            } finally {
                held.close();
            }
        } finally {
            BenchFiles.deleteTree(root);
        }
    }

    /** Probes until the node holds what we opened (it may still be accepting), for at most 10 probes. */
    private static HeapProbe settle(FloodTarget.Process target, HeapProbe empty, int open) throws InterruptedException {
        HeapProbe p = HeapProbe.parse(target.probe());
        for (int i = 0; i < 10 && p.sockets() - empty.sockets() < open; i++) {
            Thread.sleep(500);
            p = HeapProbe.parse(target.probe());
        }
        return p;
    }

    private static Map<String, Object> row(String kind, int n, HeldConnections held, HeapProbe empty, HeapProbe full,
            List<Double> reference, List<Double> loaded) {
        int nodeHeld = full.sockets() - empty.sockets();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", kind);
        row.put("connections", n);
        row.put("opened", held.opened());
        row.put("failed", held.failed());
        row.put("node_held", nodeHeld);
        row.put("heap_xmx_mib", HEAP_MIB);
        row.put("heap_empty_mib", empty.heap() / 1048576.0);
        row.put("heap_full_mib", full.heap() / 1048576.0);
        row.put("heap_per_connection_bytes", nodeHeld <= 0 ? null : (double) (full.heap() - empty.heap()) / nodeHeld);
        row.put("threads_empty", empty.threads());
        row.put("threads_full", full.threads());
        row.put("fds_empty", empty.fds());
        row.put("fds_full", full.fds());
        SearchTimes ref = SearchTimes.of(reference);
        SearchTimes with = SearchTimes.of(loaded);
        row.put("search_ref_p50_ms", ref.p50());
        row.put("search_ref_max_ms", ref.max());
        row.put("search_ref_lost", ref.lost());
        row.put("search_p50_ms", with.p50());
        row.put("search_max_ms", with.max());
        row.put("search_lost", with.lost());
        row.put("search_ratio", ref.p50() == null || with.p50() == null || ref.p50() <= 0 ? null
                : with.p50() / ref.p50());
        return row;
    }

    /** Waits (up to the handshake timeout and a half) until the node has closed every held socket; seconds after the last opened, or null. */
    private static Double awaitReaped(HeldConnections held, long opened, int handshakeSeconds, PrintStream progress,
            String name) throws InterruptedException {
        long deadline = opened + handshakeSeconds * 1_500_000_000L;
        while (held.closedByNode() < held.opened() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        progress.printf(Locale.ROOT, "capacity: %s: the node closed %d of %d%n", name, held.closedByNode(),
                held.opened());
        return held.closedByNode() < held.opened() ? null : (held.lastClosedNanos() - opened) / 1e9;
    }

    /** Median and largest time to first hit of some searches, and how many got none. */
    record SearchTimes(Double p50, Double max, int lost) {
        static SearchTimes of(List<Double> millis) {
            double[] answered = millis.stream().mapToDouble(Double::doubleValue).filter(m -> m >= 0).sorted().toArray();
            int lost = millis.size() - answered.length;
            return answered.length == 0 ? new SearchTimes(null, null, lost)
                    : new SearchTimes(answered[answered.length / 2], answered[answered.length - 1], lost);
        }
    }

    private static long maxFileDescriptors() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u
                ? u.getMaxFileDescriptorCount() : -1;
    }

    private static void print(List<Map<String, Object>> rows, boolean json, PrintStream out) {
        for (Map<String, Object> row : rows) {
            if (json) {
                out.println(JsonLine.of(row, DIGITS));
                continue;
            }
            out.println(row.get("kind") + " x " + row.get("connections") + ":");
            for (Map.Entry<String, Object> e : row.entrySet()) {
                Object v = e.getValue();
                String text = v == null ? "n/a" : v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d)
                        : v.toString();
                out.printf(Locale.ROOT, "  %-30s %s%n", e.getKey(), text);
            }
        }
        out.flush();
    }
}
