package dev.shoal.bench;

import dev.shoal.protocol.Urn;
import dev.shoal.transfer.download.Source;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Four servents share one file, each capping its uploads at {@link #LIMIT} bytes/s. Each round
 * fetches it from one of them, then from all four; the ratio is the speed-up of swarming.
 * The one-source figure is also set against the cap, which it must not exceed.
 */
final class MultiSourceSuite {
    static final String SUITE = "four_sources";
    static final long LIMIT = 10_000_000;
    private static final int SOURCES = 4;
    private static final String NAME = "swarm.bin";

    private final long bytes;
    private final int rounds;
    private final Path root;
    private final Consumer<String> progress;

    MultiSourceSuite(long bytes, int rounds, Path root, Consumer<String> progress) {
        this.bytes = bytes;
        this.rounds = rounds;
        this.root = root;
        this.progress = progress;
    }

    List<TransferFigure> run() throws IOException, InterruptedException {
        Path dir = root.resolve("swarm");
        Path share = dir.resolve("share");
        BenchFiles.random(share.resolve(NAME), bytes, 2);
        List<Double> one = new ArrayList<>();
        List<Double> four = new ArrayList<>();
        List<Double> speedups = new ArrayList<>();
        List<Double> limits = new ArrayList<>();
        List<Double> ofLimit = new ArrayList<>();
        try (SharingNodes nodes = new SharingNodes(SOURCES, share, dir.resolve("data"), LIMIT)) {
            Urn urn = nodes.urnOf(NAME);
            for (int round = 1; round <= rounds; round++) {
                SwarmFetch.Timing single = SwarmFetch.fetch(urn, bytes, NAME, List.of(nodes.source(round % SOURCES)),
                        dir.resolve("one" + round));
                List<Source> all = new ArrayList<>();
                for (int i = 0; i < SOURCES; i++) {
                    all.add(nodes.source(i));
                }
                SwarmFetch.Timing swarm = SwarmFetch.fetch(urn, bytes, NAME, all, dir.resolve("four" + round));
                double oneRate = bytes / single.totalSeconds() / 1e6;
                double fourRate = bytes / swarm.totalSeconds() / 1e6;
                progress.accept(String.format(Locale.ROOT,
                        "four sources round %d: 1 source %.1f s (%.2f MB/s), 4 sources %.1f s (%.2f MB/s), speed-up %.2f",
                        round, single.totalSeconds(), oneRate, swarm.totalSeconds(), fourRate,
                        single.totalSeconds() / swarm.totalSeconds()));
                one.add(oneRate);
                four.add(fourRate);
                speedups.add(single.totalSeconds() / swarm.totalSeconds());
                limits.add(LIMIT / 1e6);
                ofLimit.add(oneRate * 1e6 / LIMIT);
            }
        } finally {
            BenchFiles.deleteTree(dir);
        }
        return List.of(
                new TransferFigure(SUITE, "four_limited_sources", "MB/s", new RoundStats(four), "one_source",
                        new RoundStats(one), new RoundStats(speedups), 3.6),
                new TransferFigure(SUITE, "one_limited_source", "MB/s", new RoundStats(one), "upload_limit",
                        new RoundStats(limits), new RoundStats(ofLimit), Double.NaN));
    }
}
