package dev.shoal.library;

import dev.shoal.protocol.TigerRoot;
import dev.shoal.time.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index in line with the disk. Everything here runs on one daemon worker thread, so
 * scanning, hashing and index writes never block callers and never race each other; the watcher
 * thread only queues paths for it.
 *
 * <p>A file is rehashed only when its size or modification time differs from the indexed one, or
 * when its Tiger tree is missing (an index from before trees is upgraded so, once, in the background).
 * Watched changes wait in a {@link SettleQueue} until quiet and stable for
 * {@link Library#SETTLE_MILLIS}, so a file being copied in is hashed once, when complete.
 */
final class Indexer {
    private static final long TICK_MILLIS = 100;
    private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long COMMIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    /**
     * Hashing made durable at least this often during a batch: a node killed while it hashes
     * (power cut, OOM killer, {@code kill -9}) hashes again at most this much, about a second or
     * two of reading here, where 30 s of hashing were lost before; a commit costs milliseconds.
     */
    static final long COMMIT_BYTES = 64L * 1024 * 1024;
    /** The same in files, for folders of many small files. */
    static final int COMMIT_FILES = 1000;
    private static final Logger log = LoggerFactory.getLogger(Library.class);

    private interface Task {
        void run() throws IOException;
    }

    /** Thrown from the hashing progress callback to abandon a file when the library closes. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("library closed", null, false, false);
        }
    }

    private final ShareWalker walker;
    private final PrivateGuard guard;
    private final List<Path> roots;
    private final LibraryListener listener;
    private final Library.Hasher hasher;
    private final FileIndex index;
    private final Catalog catalog;
    private final TreeStore trees;
    private final ScheduledThreadPoolExecutor worker;
    /** Times the settling of watched paths and the pace of refreshes and commits. */
    private final Clock clock;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong filesHashed = new AtomicLong();
    private final AtomicLong bytesHashed = new AtomicLong();
    private volatile DirectoryWatcher watcher;

    // Worker-thread state.
    private final SettleQueue settling = new SettleQueue(TimeUnit.MILLISECONDS.toNanos(Library.SETTLE_MILLIS));
    private boolean tickScheduled;
    private boolean uncommitted;
    private boolean unannounced;
    private long lastRefresh;
    private long lastCommit;
    private long bytesSinceCommit;
    private int filesSinceCommit;

    Indexer(Path dataDir, List<Path> roots, LibraryListener listener, Library.Hasher hasher, FileIndex index,
            Catalog catalog, TreeStore trees, PrivateGuard guard, Clock clock) {
        this.guard = guard;
        this.clock = clock;
        this.lastRefresh = clock.nanoTime();
        this.lastCommit = lastRefresh;
        this.walker = new ShareWalker(dataDir, guard);
        this.roots = roots;
        this.listener = listener;
        this.hasher = hasher;
        this.index = index;
        this.catalog = catalog;
        this.trees = trees;
        this.worker = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "shoal-library-indexer");
            t.setDaemon(true);
            return t;
        });
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Queues the catch-up scan; with {@code watch}, folders are watched as the scan enters them. */
    void start(boolean watch, Path anyPath) {
        if (watch) {
            try {
                watcher = new DirectoryWatcher(anyPath.getFileSystem(), new DirectoryWatcher.Events() {
                    @Override
                    public void changed(Path path, boolean modified) {
                        submit(() -> noteChange(path, modified));
                    }

                    @Override
                    public void overflowed() {
                        log.info("Missed file-system events; rescanning shared folders");
                        submit(Indexer.this::rescan);
                    }
                });
            } catch (IOException e) {
                log.warn("Cannot watch shared folders ({}); changes are picked up at the next start", e.toString());
            }
        }
        submit(this::catchUp);
    }

    CompletableFuture<Void> ready() {
        return ready;
    }

    long filesHashed() {
        return filesHashed.get();
    }

    long bytesHashed() {
        return bytesHashed.get();
    }

    /** Walks every shared folder again soon (the user chose to share some private-looking files anyway). */
    void rescanSoon() {
        submit(this::rescan);
    }

    private void submit(Task task) {
        try {
            worker.execute(() -> runGuarded(task));
        } catch (RejectedExecutionException e) {
            // Closing: the change will be seen by the catch-up scan of the next start.
        }
    }

    private void runGuarded(Task task) {
        if (closed.get()) {
            return;
        }
        try {
            task.run();
        } catch (Cancelled e) {
            log.debug("Indexing stopped by close");
        } catch (IOException | RuntimeException e) {
            if (closed.get()) {
                log.debug("Library task ended by close: {}", e.toString());
            } else {
                log.error("Library task failed", e);
            }
        }
    }

    private void catchUp() throws IOException {
        try {
            rescan();
            ready.complete(null);
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
            throw e;
        }
    }

    /** Brings the index in line with the disk: all roots walked, new/changed files hashed, missing ones dropped. */
    private void rescan() throws IOException {
        long started = clock.nanoTime();
        // Sorted so that a fresh index numbers files in path order, the same on every machine.
        Map<Path, ShareWalker.Candidate> found = new TreeMap<>();
        Map<Path, PrivateFiles.Family> privately = new TreeMap<>();
        for (Path root : roots) {
            if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                walker.walk(root, found, privately, folderWatch());
            }
        }
        leftOut(null, privately);
        int removed = 0;
        for (Path path : catalog.paths()) {
            if (!found.containsKey(path) && removeFile(path)) {
                removed++;
            }
        }
        int hashed = hashChanged(found.values());
        trees.keepOnly(catalog.tigerRoots());
        publish(true);
        log.info("Library ready: {} files, {} shared ({} hashed, {} removed) in {} ms", catalog.size(),
                ProgressMeter.megabytes(catalog.totalBytes()), hashed, removed,
                TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - started));
    }

    /** What looks private below {@code under} (null: all shares) is now {@code found}; says so when that changed. */
    private void leftOut(Path under, Map<Path, PrivateFiles.Family> found) {
        if (guard.replace(under, found)) {
            int n = guard.list().size();
            if (n > 0) {
                log.info("Left out {} that look private (keys, wallets, mail, papers): listed in {}", n == 1 ? "1 file"
                        : n + " files", guard.listFile());
            }
            try {
                listener.leftOut(n, guard.listFile(), guard.anywayFile());
            } catch (RuntimeException e) {
                log.warn("Library listener failed on left-out files", e);
            }
        }
    }

    private Consumer<Path> folderWatch() {
        DirectoryWatcher w = watcher;
        return w == null ? dir -> { } : w::register;
    }

    /** Hashes those candidates whose size or time differs from the index; returns how many were indexed. */
    private int hashChanged(Collection<ShareWalker.Candidate> candidates) throws IOException {
        List<ShareWalker.Candidate> work = new ArrayList<>();
        long bytes = 0;
        for (ShareWalker.Candidate c : candidates) {
            Optional<SharedFile> known = catalog.byPath(c.path());
            if (known.isEmpty() || known.get().size() != c.size() || known.get().lastModified() != c.modified()
                    || known.get().tigerRoot() == null || !trees.has(known.get().tigerRoot())) {
                work.add(c);
                bytes += c.size();
            }
        }
        if (work.isEmpty()) {
            return 0;
        }
        ProgressMeter meter = new ProgressMeter(listener, work.size(), bytes, clock);
        int indexed = 0;
        for (ShareWalker.Candidate c : work) {
            if (closed.get()) {
                throw new Cancelled();
            }
            if (hashOne(c, meter)) {
                indexed++;
            }
            maybePublish();
        }
        meter.finish();
        return indexed;
    }

    /** Hashes one file and indexes it, unless it vanished, cannot be read or changed meanwhile. */
    private boolean hashOne(ShareWalker.Candidate candidate, ProgressMeter meter) throws IOException {
        Path path = candidate.path();
        PathState before = PathState.of(path);
        long[] read = {0};
        FileHashes hashes;
        try {
            if (!before.regularFile()) {
                throw new NoSuchFileException(path.toString());
            }
            hashes = hasher.hash(path, n -> {
                if (closed.get()) {
                    throw new Cancelled();
                }
                read[0] += n;
                bytesHashed.addAndGet(n);
                meter.bytes(n);
            });
        } catch (IOException e) {
            meter.fileDone(candidate.size() - read[0]);
            if (e instanceof NoSuchFileException) {
                log.warn("Skipping {}: it vanished", path);
            } else {
                log.warn("Skipping {}: cannot read it ({})", path, e.toString());
            }
            // Whatever was indexed for this path no longer describes a readable file.
            removeFile(path);
            return false;
        }
        meter.fileDone(candidate.size() - read[0]);
        filesHashed.incrementAndGet();
        bytesSinceCommit += read[0];
        filesSinceCommit++;
        PathState after = PathState.of(path);
        if (!after.equals(before)) {
            // Written to while we read it: the digest matches neither version. Try again once it settles.
            log.debug("{} changed while hashing; will hash again", path);
            noteChange(path, true);
            return false;
        }
        TigerRoot root = hashes.tree().root();
        try {
            trees.save(hashes.tree());
        } catch (IOException e) {
            log.warn("Cannot keep the Tiger tree of {} ({}); it will be hashed again at the next start", path, e.toString());
            root = null;
        }
        SharedFile file = new SharedFile(catalog.indexFor(path), path, path.getFileName().toString(), after.size(),
                hashes.urn(), after.modified(), root);
        catalog.put(file);
        index.put(file);
        uncommitted = true;
        unannounced = true;
        return true;
    }

    private boolean removeFile(Path path) throws IOException {
        Optional<SharedFile> removed = catalog.remove(path);
        if (removed.isEmpty()) {
            return false;
        }
        index.delete(path);
        uncommitted = true;
        unannounced = true;
        log.debug("Removed {}", path);
        return true;
    }

    /**
     * During long batches: let searches see progress every second, and make it durable every
     * {@link #COMMIT_BYTES} or {@link #COMMIT_FILES} hashed, and every 30 s.
     */
    private void maybePublish() throws IOException {
        long now = clock.nanoTime();
        boolean due = bytesSinceCommit >= COMMIT_BYTES || filesSinceCommit >= COMMIT_FILES;
        if (due || now - lastCommit >= COMMIT_NANOS) {
            publish(true);
        } else if (now - lastRefresh >= REFRESH_NANOS) {
            publish(false);
        }
    }

    private void publish(boolean durable) throws IOException {
        long now = clock.nanoTime();
        if (durable && uncommitted) {
            index.commit();
            uncommitted = false;
            lastCommit = now;
            bytesSinceCommit = 0;
            filesSinceCommit = 0;
        } else {
            index.refresh();
        }
        lastRefresh = now;
        if (unannounced) {
            unannounced = false;
            try {
                listener.libraryChanged(catalog.size(), catalog.totalBytes());
            } catch (RuntimeException e) {
                log.warn("Library listener failed on change", e);
            }
        }
    }

    /** A watched path changed: hold it until it has been quiet and stable for a while. */
    private void noteChange(Path path, boolean modified) {
        if (walker.isExcluded(path) || ShareWalker.isHiddenName(path)) {
            return;
        }
        PathState state = PathState.of(path);
        if (modified && state.directory()) {
            // A folder's own time changed; its children report their changes themselves.
            return;
        }
        settling.note(path, state, clock.nanoTime());
        scheduleTick();
    }

    private void scheduleTick() {
        if (!tickScheduled) {
            tickScheduled = true;
            try {
                worker.schedule(() -> runGuarded(this::tick), TICK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                tickScheduled = false;
            }
        }
    }

    private void tick() throws IOException {
        tickScheduled = false;
        try {
            List<Path> settled = settling.drainSettled(clock.nanoTime(), PathState::of);
            if (!settled.isEmpty()) {
                apply(settled);
            }
        } finally {
            if (!settling.isEmpty()) {
                scheduleTick();
            }
        }
    }

    /** Applies settled paths: folders are walked (and watched), files hashed if changed, the rest dropped. */
    private void apply(List<Path> settled) throws IOException {
        Map<Path, ShareWalker.Candidate> toHash = new TreeMap<>();
        for (Path path : settled) {
            PathState state = PathState.of(path);
            if (state.directory()) {
                Map<Path, ShareWalker.Candidate> found = new TreeMap<>();
                Map<Path, PrivateFiles.Family> privately = new TreeMap<>();
                walker.walk(path, found, privately, folderWatch());
                leftOut(path, privately);
                for (Path known : catalog.pathsUnder(path)) {
                    if (!found.containsKey(known)) {
                        removeFile(known);
                    }
                }
                toHash.putAll(found);
            } else if (state.regularFile() && guard.file(path).isPresent()) {
                leftOut(path, Map.of(path, guard.file(path).get()));
            } else if (state.regularFile()) {
                leftOut(path, Map.of());
                toHash.put(path, new ShareWalker.Candidate(path, state.size(), state.modified()));
            } else {
                leftOut(path, Map.of());
                DirectoryWatcher w = watcher;
                if (w != null) {
                    w.unregisterTree(path);
                }
                for (Path known : catalog.pathsUnder(path)) {
                    removeFile(known);
                }
            }
        }
        int hashed = hashChanged(toHash.values());
        if (hashed > 0 || unannounced) {
            log.info("Library updated: {} files, {} shared", catalog.size(),
                    ProgressMeter.megabytes(catalog.totalBytes()));
        }
        publish(true);
    }

    /** Stops watching and hashing; a file being hashed is abandoned within one buffer. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        DirectoryWatcher w = watcher;
        if (w != null) {
            try {
                w.close();
            } catch (IOException e) {
                log.warn("Closing the watcher failed: {}", e.toString());
            }
        }
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Library worker did not stop within 10 s; closing the index anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ready.completeExceptionally(new IllegalStateException("library closed before its first scan finished"));
    }
}
