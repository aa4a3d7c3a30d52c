package dev.shoal.cli;

import dev.shoal.json.JsonLine;
import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalException;
import dev.shoal.node.api.ShoalNode;
import dev.shoal.node.api.UserFolders;
import dev.shoal.protocol.HostPort;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shoal get}: finds sources of one file with a hash query, downloads, verifies. */
@Command(name = "get",
        description = {"Download a file by urn:sha1 or magnet link from the peers' network, verified against its hash.",
            "Stopped or killed half-way, the same command (same --data) resumes where it stopped."})
final class GetCommand implements Callable<Integer> {
    private static final long TICK_MILLIS = 250;
    private static final int QUERY_TTL = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "URN|MAGNET", converter = LinkConverter.class,
            description = "urn:sha1:... or magnet:?xt=urn:sha1:...")
    String target;

    @Option(names = "--peer", paramLabel = "HOST:PORT", arity = "1..*", split = ",", required = true,
            converter = HostPortConverter.class, description = "Peers to ask for sources.")
    List<InetSocketAddress> peers = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where the verified file goes (default: the current folder).")
    Path out = Path.of("");

    @Option(names = "--data", paramLabel = "DIR",
            description = "Where partial downloads are kept for resuming (default: ${DEFAULT-VALUE}).")
    Path data = UserFolders.current().data().resolve("get");

    @Option(names = "--sources", paramLabel = "N", defaultValue = "8",
            description = "Most sources used at once (default: ${DEFAULT-VALUE}).")
    int sources;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up when the download has not started within this long: no source found, or "
                    + "none that named the file (default: ${DEFAULT-VALUE}). Once it has started there is no "
                    + "time limit: the download ends when the file is verified or no source is left.")
    double timeoutSeconds;

    @Option(names = "--json", description = "Print progress as JSON lines on stdout; the last has \"state\":\"done\".")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (sources < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sources must be at least 1, got " + sources);
        }
        if (!(timeoutSeconds > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be positive");
        }
        Folders.requireFolderOrNothing(spec, "--out", out);
        Folders.requireFolderOrNothing(spec, "--data", data);
        Path folder = out.toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ShoalException("cannot create the folder " + folder + " (" + e.getClass().getSimpleName() + ")",
                    e);
        }
        // Checked now rather than after every byte has been fetched.
        if (!Files.isWritable(folder)) {
            throw new ShoalException("cannot write into " + folder + " (--out)");
        }
        NodeConfig config = PeerDialer.leafOf(NodeConfig.defaults(data.toAbsolutePath())
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withDownloadsDir(out)
                .withMaxDownloadSources(sources), peers);
        Terminal terminal = ShoalCommand.terminal(spec);
        try (ShoalNode node = Shoal.start(config)) {
            // Listening before the download starts: one resumed from the first answer makes its
            // first report, which says how much was already here, before fetch returns.
            String urn = Shoal.checkLink(target);
            Progress progress = json ? new JsonProgress(spec.commandLine().getOut()) : new BarProgress(terminal);
            node.addListener(e -> {
                if (e instanceof NodeEvent.DownloadChanged c && c.download().urn().equals(urn)) {
                    progress.changed(c.download());
                }
            });
            // The peers are asked for the file directly while the handshakes run, and the download
            // starts from the first that has it. Its hash query, for the sources around them, goes
            // to each peer as it connects: a slow or dead peer never holds up the others.
            Download download = node.fetch(target, QUERY_TTL, peers);
            PeerDialer.connectFirst(node, peers, terminal.writer());
            Thread onInterrupt = new Thread(() -> interrupted(node, download, progress), "shoal-get-interrupted");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                return await(download, progress);
            } finally {
                removeHook(onInterrupt);
            }
        }
    }

    private int await(Download download, Progress progress) throws InterruptedException {
        long searchUntil = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        while (true) {
            try {
                Path file = download.completion().get(TICK_MILLIS, TimeUnit.MILLISECONDS);
                DownloadInfo done = download.info();
                progress.finished(done);
                if (!json) {
                    spec.commandLine().getOut().println(file);
                    spec.commandLine().getOut().flush();
                }
                return done.state() == DownloadState.DONE ? 0 : 1;
            } catch (ExecutionException e) {
                DownloadInfo failed = download.info();
                progress.stop(failed);
                String kept = failed.bytesDone() > 0 && failed.bytesDone() < failed.size()
                        ? "; " + Units.of(failed.bytesDone(), failed.size()) + " kept, the same command resumes" : "";
                throw new ShoalException("download failed: "
                        + (failed.reason().isEmpty() ? e.getCause().getMessage() : failed.reason()) + kept);
            } catch (TimeoutException e) {
                DownloadInfo info = download.info();
                progress.show(info);
                // Still queued means not started: no source, or only sources that never named the file
                // (a download by bare URN waits for a name), which no time would change by itself.
                if (info.state() == DownloadState.QUEUED && System.nanoTime() > searchUntil) {
                    progress.stop(info);
                    throw new ShoalException(notStarted(info));
                }
            }
        }
    }

    private String notStarted(DownloadInfo info) {
        if (info.knownSources() == 0) {
            return String.format(Locale.ROOT, "no source found for %s within %s s of asking %s and their neighbours; "
                    + "--timeout waits longer", info.urn(), Units.seconds(timeoutSeconds),
                    String.join(", ", peers.stream().map(HostPort::format).toList()));
        }
        return String.format(Locale.ROOT, "%d source%s of %s found within %s s, but neither %s nor any hit named the file; "
                + "--timeout waits longer", info.knownSources(), info.knownSources() == 1 ? "" : "s", info.urn(),
                Units.seconds(timeoutSeconds), info.knownSources() == 1 ? "it" : "they");
    }

    /** Ctrl-C or a kill: say where it stopped, and stop the node so the part file keeps what arrived. */
    private void interrupted(ShoalNode node, Download download, Progress progress) {
        if (download.completion().isDone()) {
            return;
        }
        DownloadInfo d = download.info();
        progress.stop(d);
        String where = d.size() > 0 && d.bytesDone() > 0
                ? String.format(Locale.ROOT, " at %d %% (%s); the same command resumes it",
                        d.bytesDone() * 100 / d.size(), Units.of(d.bytesDone(), d.size()))
                : " before any data arrived";
        PrintWriter err = ShoalCommand.terminal(spec).writer();
        err.println("shoal: stopped" + where);
        err.flush();
        node.close();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs or has run: nothing to undo.
        }
    }

    /** How progress reaches the user: a status line or JSON lines. */
    private abstract static class Progress {
        private final AtomicBoolean stopped = new AtomicBoolean();
        private boolean firstBytesSeen;

        /** Every event from the node, in order: the first report of a resumed download is noticed here. */
        final synchronized void changed(DownloadInfo d) {
            if (!firstBytesSeen && d.bytesDone() > 0 && d.state() != DownloadState.DONE) {
                firstBytesSeen = true;
                // The swarm's first report carries what the part file already held, before any speed
                // is measured; bytes fetched in this run always come with a speed.
                if (d.state() == DownloadState.DOWNLOADING && d.bytesPerSecond() == 0 && !stopped.get()) {
                    resumed(d);
                }
            }
        }

        /** A snapshot taken a few times a second. */
        final synchronized void show(DownloadInfo d) {
            if (!stopped.get()) {
                draw(d);
            }
        }

        final synchronized void finished(DownloadInfo d) {
            if (stopped.compareAndSet(false, true)) {
                done(d);
            }
        }

        /** No more progress: an error or an interruption is about to be reported. */
        final synchronized void stop(DownloadInfo d) {
            if (stopped.compareAndSet(false, true)) {
                end(d);
            }
        }

        abstract void resumed(DownloadInfo d);

        abstract void draw(DownloadInfo d);

        /** The last word on a download that finished. */
        abstract void done(DownloadInfo d);

        /** The last word on a download that stopped without finishing. */
        abstract void end(DownloadInfo d);
    }

    /** The status line on stderr, and a summary line at the end. */
    private static final class BarProgress extends Progress {
        private final Terminal terminal;
        private final DownloadReport report = new DownloadReport(System::nanoTime);

        BarProgress(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        void resumed(DownloadInfo d) {
            report.resumed(d.bytesDone());
            terminal.printAbove(DownloadReport.resumeNote(d.bytesDone(), d.size()) + "\n");
        }

        @Override
        void draw(DownloadInfo d) {
            terminal.status(report.status(d));
        }

        @Override
        void done(DownloadInfo d) {
            terminal.clearStatus();
            terminal.printAbove(report.summary(d) + "\n");
        }

        @Override
        void end(DownloadInfo d) {
            terminal.clearStatus();
        }
    }

    /** One JSON object per change on stdout; scripts wait for the line whose state is done. */
    private static final class JsonProgress extends Progress {
        private final PrintWriter out;
        private String last = "";

        JsonProgress(PrintWriter out) {
            this.out = out;
        }

        @Override
        void resumed(DownloadInfo d) {
            // The next line carries the bytes already there.
        }

        @Override
        void draw(DownloadInfo d) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("state", d.state().name().toLowerCase(Locale.ROOT));
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
            String line = JsonLine.of(f);
            if (!line.equals(last)) {
                last = line;
                out.println(line);
                out.flush();
            }
        }

        @Override
        void done(DownloadInfo d) {
            draw(d);
        }

        @Override
        void end(DownloadInfo d) {
            draw(d);
        }
    }
}
