package dev.shoal.bench;

import dev.shoal.json.JsonLine;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code shoal bench flood [--seconds N] [--attack flood|deflate|all] [--json]}: what one hostile
 * leaf costs a node. For each attack a fresh node ({@link FloodTarget}, its own JVM with a fixed
 * {@value FloodTarget#HEAP_MIB} MiB heap) shares a file; an honest leaf asks it for that file ten
 * times a second and times the answers; after a calm spell, an attacking leaf sends for N seconds
 * as fast as the node reads, reconnecting whenever it is dropped:
 * <ul>
 * <li>{@code flood}: valid pings and queries that match the shared file, each with a fresh GUID;</li>
 * <li>{@code flood-many}: the same, each connection from a new loopback address, so that no ban
 *     ends it and the links' budgets must hold for the whole time;</li>
 * <li>{@code deflate}: a compressed link whose zlib stream inflates about a thousand to one into
 *     the same ping over and over.</li>
 * </ul>
 * Reported per attack: the node's live heap (after a full collection) before, at its highest
 * during (sampled every 5 s) and after; what the attacker wrote and how often it got in or was
 * refused; the node's drop counters; how the honest leaf fared during
 * the attack; and how long after the attack stopped it was answered again. All on 127.0.0.1.
 */
public final class FloodBench {
    static final String USAGE = "usage: shoal bench flood [--seconds N] [--attack flood|flood-many|deflate|all] [--json]";
    private static final List<String> ATTACKS = List.of("flood", "flood-many", "deflate");

    private FloodBench() {
    }

    /** Runs the bench; returns the exit code (0 ok, 1 failed, 2 bad arguments). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        int seconds = 30;
        String attack = "all";
        boolean json = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--attack" -> attack = args[++i];
                    case "--json" -> json = true;
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if (seconds < 1 || seconds > 3600 || !(attack.equals("all") || ATTACKS.contains(attack))) {
                throw new IllegalArgumentException("--seconds must be 1..3600 and --attack one of "
                        + String.join(", ", ATTACKS) + ", all");
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            err.println("shoal bench flood: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String a : ATTACKS) {
                if (attack.equals("all") || attack.equals(a)) {
                    rows.add(measure(a, seconds, err));
                }
            }
            print(rows, json, out);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("shoal bench flood: failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("shoal bench flood: interrupted");
            return 1;
        }
    }

    private static Map<String, Object> measure(String attack, int seconds, PrintStream progress)
            throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("shoal-flood-bench");
        try (FloodTarget.Process target = FloodTarget.Process.start(root)) {
            InetSocketAddress node = target.address();
            progress.println("flood: " + attack + " against a node on " + node + " for " + seconds + " s");
            try (HonestLeaf honest = HonestLeaf.start(node)) {
                Thread.sleep(3_000);
                long before = target.heap();
                Attacker attacker = Attacker.start(attack, node);
                long peak = before;
                long attackStart = System.nanoTime();
                long end = attackStart + seconds * 1_000_000_000L;
                while (System.nanoTime() < end) {
                    Thread.sleep(Math.min(5_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                    peak = Math.max(peak, target.heap());
                    progress.printf(Locale.ROOT, "flood: %s %.0f s, %.1f MiB written, live heap at most %.1f MiB%n",
                            attack, (System.nanoTime() - attackStart) / 1e9, attacker.bytesSent() / 1048576.0,
                            peak / 1048576.0);
                }
                attacker.stop();
                long stopped = System.nanoTime();
                Thread.sleep(3_000);
                long after = target.heap();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("attack", attack);
                row.put("seconds", seconds);
                // Accepted by the attacker's socket: what the node never read went down with the link.
                row.put("written_mib", attacker.bytesSent() / 1048576.0);
                row.put("connects", attacker.connects());
                row.put("refused_connects", attacker.refusals());
                row.put("heap_before_mib", mib(before));
                row.put("heap_peak_mib", mib(peak));
                row.put("heap_after_mib", mib(after));
                HonestLeaf.Tally during = honest.tally(attackStart, stopped);
                row.put("honest_answered", during.answered());
                row.put("honest_asked", during.asked());
                row.put("honest_p50_ms", during.p50Millis());
                row.put("honest_max_ms", during.maxMillis());
                long recovered = honest.firstAnswerAfter(stopped);
                row.put("recovery_ms", recovered < 0 ? null : (recovered - stopped) / 1e6);
                row.put("node_alive", after >= 0);
                row.put("drops", target.drops());
                return row;
            }
        } finally {
            BenchFiles.deleteTree(root);
        }
    }

    private static Object mib(long bytes) {
        return bytes < 0 ? null : bytes / 1048576.0;
    }

    private static void print(List<Map<String, Object>> rows, boolean json, PrintStream out) {
        for (Map<String, Object> row : rows) {
            if (json) {
                out.println(JsonLine.of(row, new java.math.MathContext(3)));
                continue;
            }
            out.println(row.get("attack") + " for " + row.get("seconds") + " s:");
            for (Map.Entry<String, Object> e : row.entrySet()) {
                Object v = e.getValue();
                String text = v == null ? "n/a (no answer)" : v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d)
                        : v.toString();
                out.printf(Locale.ROOT, "  %-18s %s%n", e.getKey(), text);
            }
        }
        out.flush();
    }
}
