package dev.shoal.demo;

import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadSource;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import dev.shoal.protocol.HostPort;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo without a display: joins the demo network with a node of its own and walks through a
 * search, a multi-source download (with what each source sent and which parts came from where)
 * and its verification, printing each step, and ends with what to try next.
 */
public final class TerminalTour {
    private static final long HIT_WAIT_MILLIS = 10_000;
    /** Once hits flow, this much silence means every reachable node has answered. */
    private static final long QUIET_MILLIS = 1_500;
    private static final long DOWNLOAD_TIMEOUT_SECONDS = 120;
    private static final int BAR = 30;

    private final DemoNetwork network;
    private final PrintStream out;

    public TerminalTour(DemoNetwork network, PrintStream out) {
        this.network = network;
        this.out = out;
    }

    /** Runs the walk-through; returns the process exit code (0 when the file arrived verified). */
    public int run() throws InterruptedException {
        out.printf("Demo network: %d nodes on 127.0.0.1 (ports %s), sharing the %d files of %s%n", DemoNetwork.NODES,
                ports(network.addresses()), network.fileCount() - 1,
                network.generated() ? "generated stand-ins (samples/library not found)" : network.library());
        DemoNetwork.Spec spec = network.spec();
        out.printf("and %s, a %s file of random bytes made for the demo, on %d of them%s%n", network.bigFileName(),
                size(spec.bigFileBytes()), DemoNetwork.BIG_FILE_COPIES, spec.uploadLimitBytesPerSecond() > 0
                        ? "; each node uploads at most " + size(spec.uploadLimitBytesPerSecond()) + "/s" : "");
        Path home = network.root().resolve("you");
        // A leaf that keeps a link to every demo node, so that each answers at once.
        NodeConfig config = NodeConfig.defaults(home.resolve("data")).toBuilder()
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .role(Role.LEAF)
                .leafUltrapeers(DemoNetwork.NODES)
                .downloadsDir(home.resolve("downloads"))
                .build();
        try (ShoalNode you = Shoal.start(config)) {
            connect(you);
            out.printf("Your node: %s, connected to %d peers%n%n", address(you.listenAddress()), you.peers().size());
            Map<String, List<SearchHit>> files = search(you, network.suggestedQuery());
            if (files.isEmpty()) {
                out.println("No hits came back: the demo network is not answering.");
                return 1;
            }
            List<SearchHit> best = files.values().stream()
                    .max(Comparator.comparingInt((List<SearchHit> h) -> h.size()).thenComparingLong(h -> h.get(0).size()))
                    .orElseThrow();
            return download(you, best);
        }
    }

    private void connect(ShoalNode you) {
        List<CompletableFuture<?>> links = new ArrayList<>();
        for (InetSocketAddress a : network.addresses()) {
            links.add(you.connect(a));
        }
        CompletableFuture.allOf(links.toArray(CompletableFuture[]::new)).orTimeout(20, TimeUnit.SECONDS).join();
    }

    /** Prints hits as they stream in and returns them grouped by URN, one hit per host. */
    private Map<String, List<SearchHit>> search(ShoalNode you, String query) throws InterruptedException {
        out.printf("Searching for \"%s\"...%n", query);
        LinkedBlockingQueue<SearchHit> inbox = new LinkedBlockingQueue<>();
        Map<String, List<SearchHit>> byUrn = new LinkedHashMap<>();
        long deadline = System.currentTimeMillis() + HIT_WAIT_MILLIS;
        try (var search = you.search(query, you.config().maxTtl(), inbox::add)) {
            while (System.currentTimeMillis() < deadline) {
                long wait = byUrn.isEmpty() ? deadline - System.currentTimeMillis() : QUIET_MILLIS;
                SearchHit hit = inbox.poll(Math.max(1, wait), TimeUnit.MILLISECONDS);
                if (hit == null) {
                    break;
                }
                out.printf("  hit  %-44s %9s  from %s:%d%n", hit.name(), size(hit.size()), hit.host(), hit.port());
                if (!hit.urn().isEmpty()) {
                    List<SearchHit> hosts = byUrn.computeIfAbsent(hit.urn(), u -> new ArrayList<>());
                    if (hosts.stream().noneMatch(h -> h.host().equals(hit.host()) && h.port() == hit.port())) {
                        hosts.add(hit);
                    }
                }
            }
        }
        int hits = byUrn.values().stream().mapToInt(List::size).sum();
        out.printf("%d hits for %d distinct file%s (grouped by SHA-1 URN)%n%n", hits, byUrn.size(),
                byUrn.size() == 1 ? "" : "s");
        return byUrn;
    }

    private int download(ShoalNode you, List<SearchHit> sources) throws InterruptedException {
        SearchHit first = sources.get(0);
        out.printf("Downloading %s (%s) from %d sources at once:%n", first.name(), size(first.size()), sources.size());
        for (SearchHit s : sources) {
            out.printf("  source %s:%d%n", s.host(), s.port());
        }
        List<DownloadSource> list = sources.stream().map(DownloadSource::of).toList();
        Download d = you.download(first.urn(), first.name(), first.size(), list);
        ProgressLine progress = new ProgressLine();
        you.addListener(e -> {
            if (e instanceof NodeEvent.DownloadChanged c && c.download().id().equals(d.id())) {
                progress.show(c.download(), false);
            }
        });
        Path file;
        try {
            file = d.completion().get(DOWNLOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            progress.show(d.info(), true);
            out.println("The download did not finish: " + (e.getCause() == null ? e : e.getCause()).getMessage());
            return 1;
        }
        progress.show(d.info(), true);
        out.println();
        out.println("What each source sent, and which pieces of the file came from where:");
        SourceReport.lines(d.info()).forEach(out::println);
        int code = verify(file, first.urn());
        if (code == 0) {
            nextSteps();
        }
        return code;
    }

    private void nextSteps() {
        out.println();
        out.println("Try next:");
        out.println("  ./shoal                    the desktop app, on your own data folder (~/.shoal)");
        out.println("  ./shoal node --share DIR   a servent sharing a folder; others join it with --peer HOST:PORT");
        out.println("  README.md, \"Using it\"      searching and downloading from the command line (./shoal --help)");
    }

    private int verify(Path file, String expected) {
        String actual;
        try {
            actual = Sha1Urn.of(file);
        } catch (IOException e) {
            out.println("Cannot read the downloaded file: " + e.getMessage());
            return 1;
        }
        out.printf("%nVerifying: SHA-1 of the received bytes is %s%n", actual);
        if (!actual.equalsIgnoreCase(expected)) {
            out.printf("MISMATCH: expected %s%n", expected);
            return 1;
        }
        out.printf("Verified: it matches the URN %s the search returned.%n", expected);
        out.printf("It was saved to %s, in the demo's temporary folder: it is deleted when the demo stops.%n", file);
        out.println("Done. Stopping the demo network.");
        return 0;
    }

    /**
     * A progress bar: redrawn in place on a terminal (every 200 ms, padded over what the last one
     * left), one line per half second when the output is a file or a pipe. The last line shows the
     * average speed over the whole transfer.
     */
    private final class ProgressLine {
        private final boolean terminal = System.console() != null;
        private final long started = System.nanoTime();
        private long lastShown;
        private int lastLength;

        synchronized void show(DownloadInfo d, boolean last) {
            long now = System.currentTimeMillis();
            if (!last && now - lastShown < (terminal ? 200 : 500)) {
                return;
            }
            lastShown = now;
            boolean done = last || d.state().isFinished();
            long speed = d.bytesPerSecond();
            if (done) {
                double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
                speed = Math.round(d.bytesDone() / seconds);
            }
            int sources = done ? d.knownSources() : d.sources();
            int filled = (int) Math.round(d.fraction() * BAR);
            String line = String.format(Locale.ROOT, "  [%s%s] %5.1f%%  %10s/s  %d source%s  %s", "#".repeat(filled),
                    "-".repeat(BAR - filled), d.fraction() * 100, size(speed), sources, sources == 1 ? "" : "s",
                    d.state().name().toLowerCase(Locale.ROOT));
            out.print(terminal ? "\r" + line + " ".repeat(Math.max(0, lastLength - line.length())) : line);
            lastLength = line.length();
            if (!terminal || done) {
                out.println();
            }
            out.flush();
        }
    }

    private static String ports(List<InetSocketAddress> addresses) {
        return String.join(", ", addresses.stream().map(a -> Integer.toString(a.getPort())).toList());
    }

    private static String address(InetSocketAddress a) {
        return HostPort.display(a);
    }

    static String size(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }
}
