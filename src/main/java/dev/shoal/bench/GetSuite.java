package dev.shoal.bench;

import dev.shoal.protocol.Urn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * {@code shoal get} as a user runs it, a new process with its JVM start, against aria2c given the
 * four sources' URLs: four servents share one file, each capping its uploads at {@link #LIMIT}
 * bytes/s. Shoal learns the sources from the hits to its hash query; aria2c is handed them. Each
 * round runs both, in turns that swap every round, after one warm-up round. The servents tell
 * when each download reached them (see {@link UploadTimeline}), the same instrument for both.
 */
final class GetSuite {
    static final String SUITE = "shoal_get";
    static final long LIMIT = 5 * BenchFiles.MIB;
    /** The aim of issue 10: a download takes at most this many times aria2c's time. */
    static final double TARGET = 1.05;
    private static final int SOURCES = 4;
    private static final String NAME = "get.bin";
    private static final long TIMEOUT_SECONDS = 600;

    /** One download: its time start to exit and what the sources saw of it. */
    private record Outcome(double total, UploadTimeline.Marks marks) {
        double afterLastByte() {
            return total - marks.lastByte();
        }
    }

    private final long bytes;
    private final int rounds;
    private final Path root;
    private final Consumer<String> progress;
    private final ExternalTool shoal = ShoalCommandLine.tool();
    private final ExternalTool aria2c = new ExternalTool("aria2c");

    GetSuite(long bytes, int rounds, Path root, Consumer<String> progress) {
        this.bytes = bytes;
        this.rounds = rounds;
        this.root = root;
        this.progress = progress;
    }

    List<TransferFigure> run() throws IOException, InterruptedException {
        Path dir = root.resolve("get");
        Path share = dir.resolve("share");
        BenchFiles.random(share.resolve(NAME), bytes, 3);
        boolean haveAria = aria2c.available();
        if (!haveAria) {
            progress.accept("shoal get: aria2c not found (Debian: apt-get install aria2),"
                    + " so no reference and no ratio");
        }
        List<Outcome> mine = new ArrayList<>();
        List<Outcome> theirs = new ArrayList<>();
        UploadTimeline timeline = new UploadTimeline(SOURCES);
        try (SharingNodes nodes = new SharingNodes(SOURCES, share, dir.resolve("data"), LIMIT, true)) {
            nodes.watchUploads(timeline::seen);
            Urn urn = nodes.urnOf(NAME);
            for (int round = 0; round <= rounds; round++) {
                boolean shoalFirst = round % 2 == 0;
                Outcome aria = null;
                if (haveAria && !shoalFirst) {
                    aria = aria2c(nodes, urn, dir.resolve("aria" + round), timeline);
                }
                Outcome get = shoalGet(nodes, urn, dir.resolve("shoal" + round), timeline);
                if (haveAria && shoalFirst) {
                    aria = aria2c(nodes, urn, dir.resolve("aria" + round), timeline);
                }
                progress.accept(String.format(Locale.ROOT, "shoal get %s: shoal %s%s",
                        round == 0 ? "warm-up" : "round " + round, describe(get),
                        aria == null ? "" : String.format(Locale.ROOT, "; aria2c %s; ratio %.3f", describe(aria),
                                get.total() / aria.total())));
                if (round > 0) {
                    mine.add(get);
                    if (aria != null) {
                        theirs.add(aria);
                    }
                }
            }
        } finally {
            BenchFiles.deleteTree(dir);
        }
        String name = "total_" + SOURCES + "_sources_" + bytes / BenchFiles.MIB + "_mib";
        List<TransferFigure> figures = new ArrayList<>();
        figures.add(figure(name, mine, theirs, Outcome::total, TARGET));
        figures.add(figure("first_byte", mine, theirs, o -> o.marks().firstByte(), Double.NaN));
        figures.add(figure("last_source_joined", mine, theirs, o -> o.marks().lastJoined(), Double.NaN));
        figures.add(figure("exit_after_last_byte", mine, theirs, Outcome::afterLastByte, Double.NaN));
        if (mine.stream().allMatch(o -> Double.isFinite(o.marks().cpuBeforeFirstByte()))
                && theirs.stream().allMatch(o -> Double.isFinite(o.marks().cpuBeforeFirstByte()))) {
            figures.add(figure("cpu_before_first_byte", mine, theirs, o -> o.marks().cpuBeforeFirstByte(),
                    Double.NaN));
        }
        return figures;
    }

    private Outcome shoalGet(SharingNodes nodes, Urn urn, Path work, UploadTimeline timeline)
            throws IOException, InterruptedException {
        List<String> peers = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            peers.add("127.0.0.1:" + nodes.address(i).getPort());
        }
        Path out = work.resolve("out");
        timeline.clear();
        ExternalTool.Run run = shoal.run(List.of("get", urn.toString(), "--peer", String.join(",", peers),
                "--out", out.toString(), "--data", work.resolve("data").toString()), TIMEOUT_SECONDS,
                timeline::downloader);
        return checked(run, out.resolve(NAME), work, timeline);
    }

    private Outcome aria2c(SharingNodes nodes, Urn urn, Path work, UploadTimeline timeline)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--quiet=true", "--split=" + SOURCES,
                // Its per-server cap counts connections per host name, and every source is 127.0.0.1.
                "--max-connection-per-server=" + SOURCES, "--dir=" + work,
                "--out=" + NAME, "--allow-overwrite=true", "--auto-file-renaming=false"));
        for (int i = 0; i < nodes.size(); i++) {
            args.add("http://127.0.0.1:" + nodes.address(i).getPort() + "/uri-res/N2R?" + urn);
        }
        timeline.clear();
        ExternalTool.Run run = aria2c.run(args, TIMEOUT_SECONDS, timeline::downloader);
        return checked(run, work.resolve(NAME), work, timeline);
    }

    /** The outcome of a run whose file has the right size; its folder is deleted. */
    private Outcome checked(ExternalTool.Run run, Path file, Path work, UploadTimeline timeline) throws IOException {
        try {
            long size = Files.exists(file) ? Files.size(file) : -1;
            if (size != bytes) {
                throw new IOException("the download left " + (size < 0 ? "no file" : size + " bytes") + " at " + file);
            }
        } finally {
            BenchFiles.deleteTree(work);
        }
        return new Outcome(run.seconds(), timeline.since(run.startNanos()));
    }

    private static String describe(Outcome o) {
        return String.format(Locale.ROOT, "%.2f s (first byte %.2f s after %.2f s of processor time, %d sources,"
                + " the last from %.2f s, exit %.2f s after the last byte)", o.total(), o.marks().firstByte(),
                o.marks().cpuBeforeFirstByte(), o.marks().sources(), o.marks().lastJoined(), o.afterLastByte());
    }

    private static TransferFigure figure(String name, List<Outcome> mine, List<Outcome> theirs,
            ToDoubleFunction<Outcome> value, double target) {
        List<Double> values = mine.stream().map(value::applyAsDouble).toList();
        if (theirs.isEmpty()) {
            return new TransferFigure(SUITE, name, "s", new RoundStats(values), "", null, null, Double.NaN, true);
        }
        List<Double> refs = theirs.stream().map(value::applyAsDouble).toList();
        if (refs.stream().anyMatch(r -> r <= 0)) {
            // A time below the clock's tick reads as zero, and nothing divides by it.
            return new TransferFigure(SUITE, name, "s", new RoundStats(values), "aria2c", new RoundStats(refs), null,
                    target, true);
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ratios.add(values.get(i) / refs.get(i));
        }
        return new TransferFigure(SUITE, name, "s", new RoundStats(values), "aria2c", new RoundStats(refs),
                new RoundStats(ratios), target, true);
    }
}
