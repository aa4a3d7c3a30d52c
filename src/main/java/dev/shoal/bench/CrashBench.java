package dev.shoal.bench;

import dev.shoal.json.JsonLine;
import java.io.IOException;
import java.io.PrintStream;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code shoal bench crash}: Shoal killed with SIGKILL at random moments, and what survives
 * (see {@link CrashOptions} for the arguments):
 * <ul>
 * <li>{@code downloads}: {@code shoal get} killed once per download and restarted ({@link KilledDownloads});</li>
 * <li>{@code index}: a library killed while hashing a tree of files and restarted ({@link KilledIndexing});</li>
 * <li>{@code writes}: a loop rewriting the settings, host cache and spam list, killed ({@link KilledWrites}).</li>
 * </ul>
 * Everything runs on 127.0.0.1 in a temporary folder deleted at the end. Progress goes to stderr,
 * results to stdout. Exits 1 when any promise was broken: a corrupt or unfinished download, an
 * index that did not open clean or hashed again what it had recorded, a file that did not parse.
 */
public final class CrashBench {
    private static final MathContext DIGITS = new MathContext(4);

    private CrashBench() {
    }

    /** Runs the bench; returns the exit code (0 all sound, 1 a suite failed, 2 bad arguments). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CrashOptions options;
        try {
            options = CrashOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("shoal bench crash: " + e.getMessage());
            err.println(CrashOptions.USAGE);
            return 2;
        }
        Path root = null;
        try {
            root = Files.createTempDirectory("shoal-bench-crash");
            List<CrashResult> results = measure(options, root, err);
            boolean ok = true;
            for (CrashResult r : results) {
                print(r, options.json(), out);
                ok &= r.ok();
            }
            out.flush();
            return ok ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("shoal bench crash: failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("shoal bench crash: interrupted");
            return 1;
        } finally {
            TempTree.delete(root);
        }
    }

    private static List<CrashResult> measure(CrashOptions o, Path root, PrintStream progress)
            throws IOException, InterruptedException {
        List<CrashResult> results = new ArrayList<>();
        if (o.runs(KilledDownloads.SUITE)) {
            results.add(new KilledDownloads(o.downloads(), o.sizeMib() * BenchFiles.MIB, o.seed(), root,
                    progress::println).run());
        }
        if (o.runs(KilledIndexing.SUITE)) {
            results.add(new KilledIndexing(o.rounds(), o.files(), o.seed(), root, progress::println).run());
        }
        if (o.runs(KilledWrites.SUITE)) {
            results.add(new KilledWrites(o.rounds(), o.seed(), root, progress::println).run());
        }
        return results;
    }

    private static void print(CrashResult r, boolean json, PrintStream out) {
        if (json) {
            out.println(JsonLine.of(r.fields(), DIGITS));
            return;
        }
        out.println(r.suite() + ":");
        for (Map.Entry<String, Object> f : r.fields().entrySet()) {
            if (!f.getKey().equals("suite")) {
                Object v = f.getValue() instanceof Double d ? String.format(java.util.Locale.ROOT, "%.3f", d)
                        : f.getValue();
                out.printf("  %-42s %s%n", f.getKey(), v);
            }
        }
    }
}
