package dev.shoal.bench;

import dev.shoal.protocol.Urn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One servent shares a random file; each round fetches it once with {@link SwarmFetch} from one
 * source and three times with curl, after one warm-up round. The references, all the same server
 * over the same loopback:
 * <ul>
 * <li>curl to /dev/null, the reference of the aim: no disk write and no hashing;</li>
 * <li>curl into a file in the same temporary folder as the swarming downloader's files: a
 *     download that stores what it fetches but does not verify it;</li>
 * <li>curl piped into sha1sum, the digest checked: a download that verifies but does not store.</li>
 * </ul>
 * Shoal and curl to /dev/null swap order every round, and so do Shoal and curl into a file, each
 * file deleted right after: a writer that follows another one's deletion reuses its freed memory,
 * which on some virtual machines is much cheaper than memory untouched for a few seconds.
 */
final class SingleSourceSuite {
    static final String SUITE = "single_source";
    private static final String NAME = "big.bin";

    private final long bytes;
    private final int rounds;
    private final Path root;
    private final Consumer<String> progress;
    private final ExternalTool curl = new ExternalTool("curl");
    private final ExternalTool sha1sum = new ExternalTool("sha1sum");
    private final ExternalTool shell = new ExternalTool("sh");

    SingleSourceSuite(long bytes, int rounds, Path root, Consumer<String> progress) {
        this.bytes = bytes;
        this.rounds = rounds;
        this.root = root;
        this.progress = progress;
    }

    List<TransferFigure> run() throws IOException, InterruptedException {
        Path dir = root.resolve("single");
        Path share = dir.resolve("share");
        progress.accept(String.format(Locale.ROOT, "single source: writing a %d MiB random file", bytes / BenchFiles.MIB));
        BenchFiles.random(share.resolve(NAME), bytes, 1);
        boolean haveCurl = curl.available();
        if (!haveCurl) {
            progress.accept("single source: curl not found, so no reference and no ratio");
        }
        boolean havePipe = haveCurl && sha1sum.available();
        List<Double> curlRates = new ArrayList<>();
        List<Double> fileRates = new ArrayList<>();
        List<Double> pipeRates = new ArrayList<>();
        List<Double> totalRates = new ArrayList<>();
        List<Double> transferRates = new ArrayList<>();
        try (SharingNodes nodes = new SharingNodes(1, share, dir.resolve("data"), 0)) {
            Urn urn = nodes.urnOf(NAME);
            String url = "http://127.0.0.1:" + nodes.address(0).getPort() + "/uri-res/N2R?" + urn;
            for (int round = 0; round <= rounds; round++) {
                boolean curlFirst = round % 2 == 0;
                Path curlFile = dir.resolve("curl" + round).resolve(NAME);
                double curlRate = Double.NaN;
                double fileRate = Double.NaN;
                if (haveCurl && curlFirst) {
                    curlRate = curlRate(url);
                    fileRate = curlFileRate(url, curlFile);
                }
                SwarmFetch.Timing t = SwarmFetch.fetch(urn, bytes, NAME, List.of(nodes.source(0)),
                        dir.resolve("fetch" + round));
                if (haveCurl && !curlFirst) {
                    fileRate = curlFileRate(url, curlFile);
                    curlRate = curlRate(url);
                }
                double pipeRate = havePipe ? pipeRate(url, urn) : Double.NaN;
                double total = rate(t.totalSeconds());
                double transfer = rate(t.transferSeconds());
                progress.accept(String.format(Locale.ROOT,
                        "single source %s: curl %.0f MB/s, curl -o file %.0f MB/s, curl | sha1sum %.0f MB/s,"
                                + " shoal %.0f MB/s (%.0f MB/s until on disk, %.2f s verifying)",
                        round == 0 ? "warm-up" : "round " + round, curlRate, fileRate, pipeRate, total, transfer,
                        t.totalSeconds() - t.transferSeconds()));
                if (round > 0) {
                    curlRates.add(curlRate);
                    fileRates.add(fileRate);
                    pipeRates.add(pipeRate);
                    totalRates.add(total);
                    transferRates.add(transfer);
                }
            }
        } finally {
            BenchFiles.deleteTree(dir);
        }
        List<TransferFigure> figures = new ArrayList<>();
        figures.add(figure("shoal_download", totalRates, haveCurl ? "curl" : "", curlRates, 0.9));
        if (haveCurl) {
            figures.add(figure("shoal_download_stored", totalRates, "curl -o file", fileRates, Double.NaN));
        }
        if (havePipe) {
            figures.add(figure("shoal_download_verified", totalRates, "curl|sha1sum", pipeRates, Double.NaN));
        }
        figures.add(figure("shoal_until_on_disk", transferRates, haveCurl ? "curl" : "", curlRates, Double.NaN));
        return figures;
    }

    private static TransferFigure figure(String name, List<Double> values, String reference, List<Double> refRates,
            double target) {
        if (reference.isEmpty()) {
            return new TransferFigure(SUITE, name, "MB/s", new RoundStats(values), "", null, null, target);
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ratios.add(values.get(i) / refRates.get(i));
        }
        return new TransferFigure(SUITE, name, "MB/s", new RoundStats(values), reference, new RoundStats(refRates),
                new RoundStats(ratios), target);
    }

    /** curl into sha1sum, checking the printed digest: the time to fetch and verify. */
    private double pipeRate(String url, Urn urn) throws IOException, InterruptedException {
        String script = "curl -s -f '" + url + "' | sha1sum";
        ExternalTool.Run run = shell.run(List.of("-c", script), 600);
        String hex = run.stdout().trim().split("\\s+")[0];
        if (!hex.equalsIgnoreCase(java.util.HexFormat.of().formatHex(urn.digest()))) {
            throw new IOException("curl | sha1sum gave " + hex);
        }
        return bytes / run.seconds() / 1e6;
    }

    private double curlRate(String url) throws IOException, InterruptedException {
        return curlRate(url, "/dev/null");
    }

    /** curl storing the file, deleted afterwards: a download that writes to disk but does not verify. */
    private double curlFileRate(String url, Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        try {
            return curlRate(url, file.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private double curlRate(String url, String output) throws IOException, InterruptedException {
        ExternalTool.Run run = curl.run(List.of("-s", "-f", "-o", output, "-w", "%{time_total} %{size_download}",
                url), 600);
        String[] parts = run.stdout().trim().split("\\s+");
        if (parts.length != 2 || Long.parseLong(parts[1]) != bytes) {
            throw new IOException("curl fetched something else: " + run.stdout());
        }
        return rate(Double.parseDouble(parts[0]));
    }

    private double rate(double seconds) {
        return bytes / seconds / 1e6;
    }
}
