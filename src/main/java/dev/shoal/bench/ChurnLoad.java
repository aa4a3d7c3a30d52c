package dev.shoal.bench;

import dev.shoal.node.ServentNode;
import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadSource;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SearchTooSoonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The steady load of a churn run: every {@link #SEARCH_EVERY} a node with a link searches for a
 * file that some other live node shares (by the word only that file's name has); the search
 * succeeds when a hit with the file's URN comes within the query's lifetime. Every
 * {@value #DOWNLOAD_ONE_IN}th successful search also downloads the file from the hosts that
 * answered; a finished download is checked against its URN (SHA-1), then deleted and forgotten so
 * the node can fetch it again later.
 */
final class ChurnLoad {
    static final Duration SEARCH_EVERY = Duration.ofSeconds(1);
    static final int DOWNLOAD_ONE_IN = 3;
    private static final int TTL = 4;
    private static final int PICKS = 20;

    /** A download the load watches, with the node (one run of a slot) that holds it. */
    private record Watched(int slot, ServentNode node, Download download, ChurnTally tally, boolean resumed,
            AtomicBoolean settled) {
    }

    private final ChurnNetwork network;
    private final ChurnFiles files;
    private final ScheduledExecutorService timer;
    private final Random random;
    private final Consumer<String> progress;
    private final Map<String, Watched> downloads = new ConcurrentHashMap<>();
    private final AtomicInteger searchesOpen = new AtomicInteger();
    private final AtomicInteger successes = new AtomicInteger();
    private volatile ChurnTally tally;

    ChurnLoad(ChurnNetwork network, ChurnFiles files, ScheduledExecutorService timer, long seed,
            Consumer<String> progress) {
        this.network = network;
        this.files = files;
        this.timer = timer;
        this.random = new Random(seed);
        this.progress = progress;
    }

    /** From now on searches and downloads count in {@code phase}; null stops the load. */
    void countIn(ChurnTally phase) {
        tally = phase;
    }

    /** Starts a search every {@link #SEARCH_EVERY} while a phase is set. */
    void start() {
        timer.scheduleAtFixedRate(this::searchOnce, 0, SEARCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Searches still waiting for their lifetime to end, and downloads not finished yet. */
    int inFlight() {
        return searchesOpen.get() + downloads.size();
    }

    /** Downloads still running (or waiting for sources), by state, for the report. */
    List<String> unfinished() {
        return downloads.values().stream()
                .map(w -> w.download().info().state() + " " + w.download().info().name() + " on node " + w.slot()
                        + (w.resumed() ? ", resumed after a restart" : "") + ", "
                        + w.download().info().knownSources() + " known sources")
                .toList();
    }

    /** Downloads counted in {@code phase} that are still running. */
    int running(ChurnTally phase) {
        return (int) downloads.values().stream().filter(w -> w.tally() == phase).count();
    }

    /**
     * Called when the node in {@code slot} is taken out of the network, before it is killed: its
     * downloads end there.
     */
    synchronized void killing(int slot, ServentNode node) {
        downloads.entrySet().removeIf(e -> {
            Watched w = e.getValue();
            if (w.node() == node && w.settled().compareAndSet(false, true)) {
                w.tally().downloadsCutByKill.incrementAndGet();
                return true;
            }
            return false;
        });
    }

    /** Called after the node in {@code slot} started again: it resumes its partial downloads, which are watched too. */
    synchronized void restarted(int slot, ServentNode node) {
        ChurnTally now = tally;
        if (now == null) {
            return;
        }
        for (Download d : node.downloads()) {
            if (!d.info().state().isFinished()) {
                now.downloadsResumed.incrementAndGet();
                watch(slot, node, d, now, true);
            }
        }
    }

    private void searchOnce() {
        ChurnTally now = tally;
        if (now == null) {
            return;
        }
        try {
            ChurnFiles.File file = files.all().get(random.nextInt(files.all().size()));
            if (network.node(file.firstHolder()).isEmpty() && network.node(file.secondHolder()).isEmpty()) {
                now.skipped.incrementAndGet();
                return;
            }
            for (int pick = 0; pick < PICKS; pick++) {
                int slot = random.nextInt(network.size());
                ServentNode node = network.node(slot).orElse(null);
                if (node == null || file.heldBy(slot) || node.peers().isEmpty()) {
                    continue;
                }
                try {
                    search(now, slot, node, file);
                    return;
                } catch (SearchTooSoonException e) {
                    // That node searched a moment ago: another one asks instead.
                }
            }
            now.skipped.incrementAndGet();
        } catch (RuntimeException e) {
            progress.accept("load: a search could not start: " + e);
        }
    }

    private void search(ChurnTally now, int slot, ServentNode node, ChurnFiles.File file) {
        AtomicBoolean hit = new AtomicBoolean();
        long start = System.nanoTime();
        Search search = node.search(file.word(), TTL, h -> {
            if (h.urn().equalsIgnoreCase(file.urn()) && hit.compareAndSet(false, true)) {
                now.hitAfter(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                if (successes.incrementAndGet() % DOWNLOAD_ONE_IN == 0) {
                    timer.execute(() -> download(now, slot, node, h));
                }
            }
        });
        now.searches.incrementAndGet();
        searchesOpen.incrementAndGet();
        timer.schedule(() -> {
            search.close();
            if (hit.get()) {
                now.found.incrementAndGet();
            }
            searchesOpen.decrementAndGet();
        }, search.lifetime().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Locked with {@link #killing}, so a download never starts on a node already taken out. */
    private synchronized void download(ChurnTally now, int slot, ServentNode node, SearchHit hit) {
        if (network.node(slot).orElse(null) != node) {
            return;
        }
        // The node fetches it already (an earlier search of the same file): that one is watched.
        if (node.downloads().stream().anyMatch(d -> d.info().urn().equalsIgnoreCase(hit.urn()))) {
            return;
        }
        try {
            Download d = node.download(hit.urn(), hit.name(), hit.size(), List.of(DownloadSource.of(hit)));
            now.downloadsStarted.incrementAndGet();
            watch(slot, node, d, now, false);
        } catch (RuntimeException e) {
            // A node killed between the hit and now refuses; that is churn, not a failed download.
            if (network.node(slot).orElse(null) == node) {
                now.failed("could not start: " + e.getMessage());
            }
        }
    }

    private void watch(int slot, ServentNode node, Download d, ChurnTally now, boolean resumed) {
        String key = d.id() + "@" + System.identityHashCode(node);
        Watched w = new Watched(slot, node, d, now, resumed, new AtomicBoolean());
        if (downloads.putIfAbsent(key, w) != null) {
            return;
        }
        d.completion().whenComplete((path, error) -> timer.execute(() -> settle(key, w, path, error)));
    }

    private void settle(String key, Watched w, Path path, Throwable error) {
        if (!w.settled().compareAndSet(false, true)) {
            return;
        }
        downloads.remove(key);
        if (error != null) {
            w.tally().failed(String.valueOf(rootMessage(error)));
            return;
        }
        w.tally().downloadsCompleted.incrementAndGet();
        try {
            if (ChurnFiles.matches(path, w.download().info().urn())) {
                w.tally().downloadsVerified.incrementAndGet();
            } else {
                progress.accept("load: " + path + " does not match " + w.download().info().urn());
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            progress.accept("load: cannot check " + path + ": " + e);
        }
        try {
            w.node().removeDownload(w.download().id());
        } catch (RuntimeException e) {
            // The node went down meanwhile; nothing is left to forget.
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
