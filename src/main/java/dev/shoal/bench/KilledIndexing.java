package dev.shoal.bench;

import dev.shoal.json.JsonLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A library killed with SIGKILL while it hashes a tree of files (up to 1 MiB each) into a fresh data
 * folder, then started again: its index must open without being found corrupt, finish with every
 * file under the right URN (the same digest as an uninterrupted run in this run), and hash again
 * only the files its index had not recorded when it opened. The moment is uniform over the time
 * the uninterrupted run took. The child is {@link IndexChild}, a new JVM each time.
 */
final class KilledIndexing {
    static final String SUITE = "index";
    private static final int MAX_FILE = 1024 * 1024;
    private static final long RUN_NANOS = 600_000_000_000L;

    /** What one start said: what the index held on opening, and what it hashed to finish. */
    private record Start(int indexedAtOpen, boolean rebuilt, int files, long hashed, String digest, boolean killed) {
    }

    private final int rounds;
    private final int files;
    private final Random random;
    private final Path root;
    private final Consumer<String> progress;
    private final ExternalTool child = ShoalCommandLine.child(IndexChild.class);

    KilledIndexing(int rounds, int files, long seed, Path root, Consumer<String> progress) {
        this.rounds = rounds;
        this.files = files;
        this.random = new Random(seed);
        this.root = root;
        this.progress = progress;
    }

    CrashResult run() throws IOException, InterruptedException {
        Path dir = root.resolve(SUITE);
        Path tree = dir.resolve("tree");
        long bytes = 0;
        for (int i = 0; i < files; i++) {
            long size = 1 + random.nextInt(MAX_FILE);
            BenchFiles.random(tree.resolve("d" + i % 20).resolve("f" + i + ".bin"), size, random.nextLong());
            bytes += size;
        }
        CrashResult result = new CrashResult(SUITE);
        try {
            start(dir.resolve("warm-up"), tree, -1);
            long refStart = System.nanoTime();
            Start reference = start(dir.resolve("reference"), tree, -1);
            long refNanos = System.nanoTime() - refStart;
            progress.accept(String.format(Locale.ROOT, "crash index: reference %.2f s for %d files, %d MiB",
                    refNanos / 1e9, reference.files(), bytes / BenchFiles.MIB));
            int kills = 0;
            int rebuilt = 0;
            int wrong = 0;
            int rehashedRecorded = 0;
            long recorded = 0;
            long rehashed = 0;
            for (int r = 0; r < rounds; r++) {
                Path data = dir.resolve("r" + r);
                long killAt = (long) (random.nextDouble() * refNanos);
                Start first = start(data, tree, killAt);
                Start second = first.killed() ? start(data, tree, -1) : first;
                kills += first.killed() ? 1 : 0;
                rebuilt += second.rebuilt() ? 1 : 0;
                wrong += second.files() == files && second.digest().equals(reference.digest()) ? 0 : 1;
                long extra = second.hashed() - (files - second.indexedAtOpen());
                rehashedRecorded += extra > 0 ? 1 : 0;
                recorded += second.indexedAtOpen();
                rehashed += second.hashed();
                progress.accept(String.format(Locale.ROOT, "crash index: %d/%d %s at %.2f s; restart found %d of %d"
                        + " files indexed, hashed %d%s", r + 1, rounds, first.killed() ? "killed" : "not killed (done"
                        + " first)", killAt / 1e9, second.indexedAtOpen(), files, second.hashed(),
                        second.rebuilt() ? ", INDEX REBUILT" : ""));
                BenchFiles.deleteTree(data);
            }
            result.put("rounds", rounds).put("files", files).put("tree_bytes", bytes).put("kills", kills)
                    .put("reference_seconds", refNanos / 1e9)
                    .put("recorded_at_restart_mean", (double) recorded / rounds)
                    .put("hashed_at_restart_mean", (double) rehashed / rounds)
                    .put("indexes_rebuilt", rebuilt).put("wrong_indexes", wrong)
                    .put("restarts_rehashing_recorded_files", rehashedRecorded);
            if (rebuilt > 0) {
                result.problem(rebuilt + " indexes were unreadable after the kill");
            }
            if (wrong > 0) {
                result.problem(wrong + " indexes differ from the uninterrupted one");
            }
            if (rehashedRecorded > 0) {
                result.problem(rehashedRecorded + " restarts hashed files their index had recorded");
            }
        } finally {
            BenchFiles.deleteTree(dir);
        }
        return result;
    }

    /** Runs the child on {@code data} to the end, or kills it after {@code killAtNanos} unless negative. */
    private Start start(Path data, Path tree, long killAtNanos) throws IOException, InterruptedException {
        Files.createDirectories(data);
        Path log = data.resolve("child.log");
        Files.deleteIfExists(log);
        Process p = child.start(List.of(data.resolve("node").toString(), tree.toString()), log);
        SigKill.Outcome o = SigKill.after(p, killAtNanos >= 0 ? killAtNanos : RUN_NANOS);
        if (o.killed()) {
            if (killAtNanos < 0) {
                throw new IOException("indexing took longer than " + RUN_NANOS / 1_000_000_000L + " s");
            }
            return new Start(0, false, 0, 0, "", true);
        }
        if (o.exit() != 0) {
            throw new IOException("IndexChild exited with " + o.exit() + ": see " + lastLines(log));
        }
        Map<String, Object> opened = null;
        Map<String, Object> done = null;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("{\"event\":\"open\"")) {
                opened = JsonLine.parse(line);
            } else if (line.startsWith("{\"event\":\"done\"")) {
                done = JsonLine.parse(line);
            }
        }
        if (opened == null || done == null) {
            throw new IOException("IndexChild said nothing: " + lastLines(log));
        }
        return new Start(((Number) opened.get("indexed")).intValue(), (Boolean) opened.get("rebuilt"),
                ((Number) done.get("files")).intValue(), ((Number) done.get("hashed")).longValue(),
                (String) done.get("digest"), false);
    }

    private static String lastLines(Path log) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
