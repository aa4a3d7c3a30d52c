package dev.shoal.bench;

import dev.shoal.library.Library;
import dev.shoal.library.LibraryListener;
import dev.shoal.library.SharedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Hashes and indexes a folder of {@link #FILES} random files with {@link Library#indexOnce} into
 * a fresh data folder each round, against {@code sha1sum} over the same files in the same round.
 */
final class HashIndexSuite {
    static final String SUITE = "hash_index";
    private static final int FILES = 8;

    private final long bytes;
    private final int rounds;
    private final Path root;
    private final Consumer<String> progress;
    private final ExternalTool sha1sum = new ExternalTool("sha1sum");

    HashIndexSuite(long bytes, int rounds, Path root, Consumer<String> progress) {
        this.bytes = bytes;
        this.rounds = rounds;
        this.root = root;
        this.progress = progress;
    }

    List<TransferFigure> run() throws IOException, InterruptedException {
        Path dir = root.resolve("hash");
        Path share = dir.resolve("share");
        List<String> paths = new ArrayList<>();
        long each = bytes / FILES;
        for (int i = 0; i < FILES; i++) {
            paths.add(BenchFiles.random(share.resolve("part" + i + ".bin"), each, 10 + i).toString());
        }
        long total = each * FILES;
        boolean haveRef = sha1sum.available();
        if (!haveRef) {
            progress.accept("hash: sha1sum not found, so no reference and no ratio");
        }
        List<Double> index = new ArrayList<>();
        List<Double> ref = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        try {
            for (int round = 1; round <= rounds; round++) {
                boolean refFirst = round % 2 == 1;
                double refSeconds = haveRef && refFirst ? sha1sum.run(paths, 600).seconds() : Double.NaN;
                Path data = dir.resolve("data" + round);
                long start = System.nanoTime();
                List<SharedFile> files = Library.indexOnce(data, List.of(share), LibraryListener.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                BenchFiles.deleteTree(data);
                if (files.size() != FILES) {
                    throw new IOException("indexed " + files.size() + " files instead of " + FILES);
                }
                if (haveRef && !refFirst) {
                    refSeconds = sha1sum.run(paths, 600).seconds();
                }
                progress.accept(String.format(Locale.ROOT, "hash round %d: index %.2f s, sha1sum %.2f s", round,
                        seconds, refSeconds));
                index.add(total / seconds / 1e6);
                if (haveRef) {
                    ref.add(total / refSeconds / 1e6);
                    ratios.add(refSeconds / seconds);
                }
            }
        } finally {
            BenchFiles.deleteTree(dir);
        }
        String name = "index_" + total / BenchFiles.MIB + "_mib";
        if (!haveRef) {
            return List.of(new TransferFigure(SUITE, name, "MB/s", new RoundStats(index), "", null, null, Double.NaN));
        }
        return List.of(new TransferFigure(SUITE, name, "MB/s", new RoundStats(index), "sha1sum", new RoundStats(ref),
                new RoundStats(ratios), Double.NaN));
    }
}
