package dev.shoal.cli;

import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalException;
import dev.shoal.node.api.ShoalNode;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shoal get}: finds sources of one file with a hash query, downloads, verifies. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Download a file by urn:sha1 or magnet link from the peers' network, verified against its hash."
                + " Run again with the same --data after a crash: it resumes.")
final class GetCommand implements Callable<Integer> {
    private static final long PROGRESS_EVERY_MILLIS = 500;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "URN|MAGNET", description = "urn:sha1:... or magnet:?xt=urn:sha1:...")
    String target;

    @Option(names = "--peer", paramLabel = "HOST:PORT", arity = "1..*", split = ",", required = true,
            converter = HostPortConverter.class, description = "Peers to ask for sources.")
    List<InetSocketAddress> peers = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where the verified file goes (default: the current folder).",
            defaultValue = ".")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${sys:user.home}/.shoal",
            description = "Data folder holding partial downloads (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--sources", paramLabel = "N", defaultValue = "8",
            description = "Most sources used at once (default: ${DEFAULT-VALUE}).")
    int sources;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--json", description = "Print progress as JSON lines; the last has \"state\":\"done\".")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (sources < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sources must be at least 1");
        }
        if (timeoutSeconds <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be positive");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NodeConfig config = NodeConfig.defaults(data)
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withUltrapeer(false)
                .withDownloadsDir(out)
                .withMaxDownloadSources(sources);
        ProgressPrinter progress = json ? new JsonProgress(stdout) : new BarProgress(err);
        try (ShoalNode node = Shoal.start(config)) {
            PeerDialer.connectAll(node, peers, err);
            Download download = node.fetch(target, 4);
            node.addListener(e -> {
                if (e instanceof NodeEvent.DownloadChanged c && c.download().id().equals(download.id())) {
                    progress.update(c.download(), false);
                }
            });
            Path file;
            try {
                file = download.completion().get((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                DownloadInfo info = download.info();
                download.pause();
                throw new ShoalException(info.knownSources() == 0
                        ? "no source found for " + info.urn() + " within " + timeoutSeconds + " s"
                        : "timed out after " + timeoutSeconds + " s at " + info.bytesDone() + " of " + info.size()
                                + " bytes; run again with the same --data to resume");
            } catch (ExecutionException e) {
                progress.update(download.info(), true);
                throw new ShoalException("download failed: " + e.getCause().getMessage());
            }
            progress.update(download.info(), true);
            if (!json) {
                stdout.println(file);
                stdout.flush();
            }
            return download.info().state() == DownloadState.DONE ? 0 : 1;
        }
    }

    /** Prints at most one update per {@link #PROGRESS_EVERY_MILLIS}, and always the last one. */
    private abstract static class ProgressPrinter {
        private long lastPrinted;

        final synchronized void update(DownloadInfo info, boolean last) {
            long now = System.currentTimeMillis();
            if (!last && now - lastPrinted < PROGRESS_EVERY_MILLIS) {
                return;
            }
            lastPrinted = now;
            print(info, last);
        }

        abstract void print(DownloadInfo info, boolean last);
    }

    /** One JSON object per update; scripts wait for the line whose state is done or failed. */
    private static final class JsonProgress extends ProgressPrinter {
        private final PrintWriter out;

        JsonProgress(PrintWriter out) {
            this.out = out;
        }

        @Override
        void print(DownloadInfo d, boolean last) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("state", d.state().name().toLowerCase());
            f.put("name", d.name());
            f.put("urn", d.urn());
            f.put("size", d.size());
            f.put("bytes", d.bytesDone());
            f.put("speed", d.bytesPerSecond());
            f.put("sources", d.sources());
            if (!d.path().isEmpty()) {
                f.put("path", d.path());
            }
            if (!d.reason().isEmpty()) {
                f.put("reason", d.reason());
            }
            out.println(Json.object(f));
            out.flush();
        }
    }

    /** A one-line bar redrawn in place on stderr. */
    private static final class BarProgress extends ProgressPrinter {
        private static final int WIDTH = 30;
        private final PrintWriter err;

        BarProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        void print(DownloadInfo d, boolean last) {
            int filled = (int) Math.round(d.fraction() * WIDTH);
            String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
            err.printf("\r[%s] %5.1f%%  %s  %d source%s  %s", bar, d.fraction() * 100, Units.rate(d.bytesPerSecond()),
                    d.sources(), d.sources() == 1 ? "" : "s", d.state().name().toLowerCase());
            if (last) {
                err.println();
            }
            err.flush();
        }
    }
}
