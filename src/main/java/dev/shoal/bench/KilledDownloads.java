package dev.shoal.bench;

import dev.shoal.protocol.Urn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code shoal get} killed with SIGKILL once per download at a random moment, then run again with
 * the same {@code --data} until it exits 0. Four ultrapeers in this JVM share one file, each
 * capping its uploads at {@link #LIMIT} bytes/s so that a download lasts long enough to be hit
 * anywhere: JVM start, search, transfer, verification, placing the file. The moment is uniform
 * over the time an uninterrupted download of the same file took in this run (the reference). The
 * sources let one address connect without limit: every {@code shoal get} dials from 127.0.0.1, and
 * a few hundred starts would otherwise get that address banned for connecting too often. Each
 * finished file is compared by SHA-1 with the shared one; the sources count the bytes they sent.
 */
final class KilledDownloads {
    static final String SUITE = "downloads";
    /** The aim of issue 12: on average a killed download costs at most this many times its size. */
    static final double TARGET = 1.3;
    private static final int SOURCES = 4;
    private static final long LIMIT = BenchFiles.MIB;
    private static final String NAME = "crash.bin";
    private static final long ATTEMPT_NANOS = 300_000_000_000L;
    private static final int MAX_ATTEMPTS = 5;
    private static final long SETTLE_MILLIS = 20_000;

    /** One download: how often it was killed and started, what the sources sent, and whether it is sound. */
    private record Outcome(boolean killed, boolean killedAfterFirstByte, int starts, double ratio, boolean finished,
            boolean corrupt, int strays, int leftovers) {
    }

    private final int downloads;
    private final long bytes;
    private final Random random;
    private final Path root;
    private final Consumer<String> progress;
    private final ExternalTool shoal = ShoalCommandLine.tool();
    private final ServedBytes served = new ServedBytes();

    KilledDownloads(int downloads, long bytes, long seed, Path root, Consumer<String> progress) {
        this.downloads = downloads;
        this.bytes = bytes;
        this.random = new Random(seed);
        this.root = root;
        this.progress = progress;
    }

    CrashResult run() throws IOException, InterruptedException {
        Path dir = root.resolve(SUITE);
        Path share = dir.resolve("share");
        BenchFiles.random(share.resolve(NAME), bytes, random.nextLong());
        byte[] sha1 = Digests.sha1(share.resolve(NAME));
        CrashResult result = new CrashResult(SUITE);
        try (SharingNodes nodes = new SharingNodes(SOURCES, share, dir.resolve("nodes"), LIMIT, true, false)) {
            nodes.watchUploads(served::seen);
            Urn urn = nodes.urnOf(NAME);
            List<String> peers = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                peers.add("127.0.0.1:" + nodes.address(i).getPort());
            }
            Attempts attempts = new Attempts(urn, String.join(",", peers));
            download(attempts, dir.resolve("warm-up"), sha1, -1);
            long refStart = System.nanoTime();
            Outcome reference = download(attempts, dir.resolve("reference"), sha1, -1);
            long refNanos = System.nanoTime() - refStart;
            progress.accept(String.format(Locale.ROOT, "crash downloads: reference %.2f s, %.3f × size sent",
                    refNanos / 1e9, reference.ratio()));
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < downloads; i++) {
                long killAt = (long) (random.nextDouble() * refNanos);
                Outcome o = download(attempts, dir.resolve("d" + i), sha1, killAt);
                outcomes.add(o);
                progress.accept(String.format(Locale.ROOT, "crash downloads: %d/%d %s at %.2f s, %d starts,"
                        + " %.3f × size sent%s", i + 1, downloads, o.killed() ? "killed" : "not killed (done first)",
                        killAt / 1e9, o.starts(), o.ratio(), o.corrupt() ? ", CORRUPT" : ""));
            }
            report(result, reference, refNanos, outcomes);
        } finally {
            BenchFiles.deleteTree(dir);
        }
        return result;
    }

    /** Runs one download, killed once after {@code killAtNanos} unless negative, to the end. */
    private Outcome download(Attempts attempts, Path work, byte[] sha1, long killAtNanos)
            throws IOException, InterruptedException {
        served.clear();
        Files.createDirectories(work);
        boolean killed = false;
        boolean afterFirstByte = false;
        int starts = 0;
        boolean finished = false;
        while (!finished && starts < MAX_ATTEMPTS) {
            Process p = attempts.start(work);
            starts++;
            long delay = starts == 1 && killAtNanos >= 0 ? killAtNanos : ATTEMPT_NANOS;
            SigKill.Outcome o = SigKill.after(p, delay);
            if (o.killed()) {
                if (starts == 1 && killAtNanos >= 0) {
                    killed = true;
                    afterFirstByte = served.total() > 0;
                } else {
                    throw new IOException("shoal get took longer than " + ATTEMPT_NANOS / 1_000_000_000L + " s in "
                            + work);
                }
            } else {
                finished = o.exit() == 0;
                if (!finished) {
                    progress.accept("crash downloads: shoal get exited with " + o.exit() + ": " + lastLine(
                            work.resolve("get.log")));
                }
            }
        }
        settle();
        Path out = work.resolve("out");
        Path file = out.resolve(NAME);
        boolean corrupt = Files.exists(file) && !Arrays.equals(sha1, Digests.sha1(file));
        int strays = count(out) - (Files.exists(file) ? 1 : 0);
        int leftovers = count(work.resolve("data").resolve("incomplete"));
        Outcome outcome = new Outcome(killed, afterFirstByte, starts, (double) served.total() / bytes,
                finished && Files.exists(file), corrupt, strays, leftovers);
        BenchFiles.deleteTree(work);
        return outcome;
    }

    /** Waits for the sources to end every upload, so that what they sent is counted in full. */
    private void settle() throws InterruptedException {
        long until = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        while (!served.idle() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).replaceAll(".*\r", "").strip();
    }

    private static int count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.filter(Files::isRegularFile).count();
        }
    }

    private void report(CrashResult r, Outcome reference, long refNanos, List<Outcome> outcomes) {
        long kills = outcomes.stream().filter(Outcome::killed).count();
        long finished = outcomes.stream().filter(Outcome::finished).count();
        long corrupt = outcomes.stream().filter(Outcome::corrupt).count();
        long strays = outcomes.stream().mapToLong(Outcome::strays).sum();
        long leftovers = outcomes.stream().mapToLong(Outcome::leftovers).sum();
        double mean = outcomes.stream().mapToDouble(Outcome::ratio).average().orElse(Double.NaN);
        double max = outcomes.stream().mapToDouble(Outcome::ratio).max().orElse(Double.NaN);
        double meanKilled = outcomes.stream().filter(Outcome::killedAfterFirstByte).mapToDouble(Outcome::ratio)
                .average().orElse(Double.NaN);
        r.put("downloads", outcomes.size()).put("size_bytes", bytes).put("sources", SOURCES)
                .put("kills", kills)
                .put("kills_after_first_byte", outcomes.stream().filter(Outcome::killedAfterFirstByte).count())
                .put("starts", outcomes.stream().mapToInt(Outcome::starts).sum())
                .put("completed", finished).put("corrupt", corrupt).put("stray_files", strays)
                .put("leftover_part_files", leftovers)
                .put("reference_seconds", refNanos / 1e9).put("reference_sent_ratio", reference.ratio())
                .put("sent_ratio_mean", mean).put("sent_ratio_max", max)
                .put("sent_ratio_mean_killed_after_first_byte", meanKilled)
                .put("ratio_to_reference", mean / reference.ratio()).put("target_mean", TARGET)
                .put("target_met", mean <= TARGET);
        if (!reference.finished() || reference.corrupt()) {
            r.problem("the uninterrupted reference download failed");
        }
        if (finished < outcomes.size()) {
            r.problem((outcomes.size() - finished) + " downloads never finished");
        }
        if (corrupt > 0) {
            r.problem(corrupt + " corrupt completions");
        }
        if (strays > 0) {
            r.problem(strays + " stray files beside the downloads");
        }
    }

    /** Starts {@code shoal get} for the shared file, each run of one download in its folder. */
    private final class Attempts {
        private final Urn urn;
        private final String peers;

        Attempts(Urn urn, String peers) {
            this.urn = urn;
            this.peers = peers;
        }

        Process start(Path work) throws IOException {
            return shoal.start(List.of("get", urn.toString(), "--peer", peers, "--out", work.resolve("out").toString(),
                    "--data", work.resolve("data").toString()), work.resolve("get.log"));
        }
    }
}
