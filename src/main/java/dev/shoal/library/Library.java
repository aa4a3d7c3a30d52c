package dev.shoal.library;

import dev.shoal.protocol.Urn;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files we share: hashed once, kept in a Lucene index under {@code <dataDir>/index}, and
 * followed on disk while running.
 *
 * <p>Threads: all scanning, hashing and index writes run on one daemon worker thread, so they
 * never block callers and never race each other; a second daemon thread only reads watch events
 * and queues them for the worker. Look-ups ({@link #byIndex}, {@link #byUrn}, {@link #all}) read
 * an in-memory catalogue and {@link #search} reads a shared Lucene searcher: both are safe and
 * cheap from any thread.
 *
 * <p>Rules: hidden files and folders (name starting with a dot, or the DOS hidden flag), symbolic
 * links (they could lead outside the shared folders) and the data folder itself are never shared.
 * A file is rehashed only when its size or modification time differs from the indexed one.
 * Watched changes are applied once a path has been quiet and its size and time stable for
 * {@link #SETTLE_MILLIS}, so a file being copied in is hashed once, when complete.
 */
public final class Library implements AutoCloseable {
    /** Most keywords of a query that take part in matching; the rest are ignored. */
    public static final int MAX_QUERY_TERMS = 10;
    /** Upper bound on results of one search, whatever the caller asks. */
    public static final int MAX_RESULTS = 1000;
    static final long SETTLE_MILLIS = 300;
    private static final long TICK_MILLIS = 100;
    private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long COMMIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final Logger log = LoggerFactory.getLogger(Library.class);

    /** Turns a file into its urn; the seam lets tests see or disturb hashing. */
    @FunctionalInterface
    interface Hasher {
        Urn hash(Path file, LongConsumer bytesRead) throws IOException;
    }

    private interface Task {
        void run() throws IOException;
    }

    /** Thrown from the hashing progress callback to abandon a file when the library closes. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("library closed", null, false, false);
        }
    }

    private record Candidate(Path path, long size, long modified) {
    }

    /** What a path looked like on disk; folders compare by kind only, their times move with their children. */
    private record Attrs(boolean exists, boolean directory, boolean regularFile, long size, long modified) {
        static final Attrs MISSING = new Attrs(false, false, false, 0, 0);

        static Attrs of(Path path) {
            try {
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isDirectory()) {
                    return new Attrs(true, true, false, 0, 0);
                }
                return new Attrs(true, false, a.isRegularFile(), a.size(), a.lastModifiedTime().toMillis());
            } catch (IOException e) {
                return MISSING;
            }
        }
    }

    private record Pending(long sinceNanos, Attrs attrs) {
    }

    private final Path dataDir;
    private final List<Path> roots;
    private final LibraryListener listener;
    private final Hasher hasher;
    private final Analyzer analyzer;
    private final FileIndex index;
    private final Catalog catalog;
    private final ScheduledThreadPoolExecutor worker;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong filesHashed = new AtomicLong();
    private final AtomicLong bytesHashed = new AtomicLong();
    private volatile DirectoryWatcher watcher;

    // Worker-thread state.
    private final Map<Path, Pending> pending = new HashMap<>();
    private boolean tickScheduled;
    private boolean uncommitted;
    private boolean unannounced;
    private long lastRefresh = System.nanoTime();
    private long lastCommit = System.nanoTime();

    private Library(Path dataDir, List<Path> roots, LibraryListener listener, Hasher hasher, Analyzer analyzer,
            FileIndex index, Catalog catalog) {
        this.dataDir = dataDir;
        this.roots = roots;
        this.listener = listener;
        this.hasher = hasher;
        this.analyzer = analyzer;
        this.index = index;
        this.catalog = catalog;
        this.worker = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "shoal-library-indexer");
            t.setDaemon(true);
            return t;
        });
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Opens (or creates) the index in {@code <dataDir>/index} and loads what it knows; searches
     * answer from it at once. Nothing on disk is scanned until {@link #start()}.
     *
     * @throws IOException if the index cannot be opened, for example because another process
     *                     holds its lock
     */
    public static Library open(Path dataDir, List<Path> shareRoots, LibraryListener listener) throws IOException {
        FileHasher fileHasher = new FileHasher();
        return open(dataDir, shareRoots, listener, fileHasher::hash);
    }

    static Library open(Path dataDir, List<Path> shareRoots, LibraryListener listener, Hasher hasher)
            throws IOException {
        Files.createDirectories(dataDir);
        Path data = dataDir.toRealPath();
        List<Path> roots = canonicalRoots(shareRoots);
        Analyzer analyzer = FileNameAnalyzer.create();
        FileIndex index = null;
        try {
            index = FileIndex.open(data.resolve("index"), analyzer);
            Catalog catalog = new Catalog();
            for (SharedFile file : index.loadAll()) {
                catalog.put(file);
            }
            log.info("Library index loaded: {} files, {}; sharing {}", catalog.size(),
                    ProgressMeter.megabytes(catalog.totalBytes()), roots);
            return new Library(data, roots, listener == null ? LibraryListener.NONE : listener, hasher, analyzer,
                    index, catalog);
        } catch (IOException | RuntimeException e) {
            if (index != null) {
                index.close();
            }
            analyzer.close();
            throw e;
        }
    }

    /** Real paths (so symbolic-linked roots work), without duplicates or roots nested in other roots. */
    private static List<Path> canonicalRoots(List<Path> shareRoots) {
        List<Path> real = new ArrayList<>();
        for (Path root : shareRoots) {
            Path p;
            try {
                p = root.toRealPath();
            } catch (IOException e) {
                log.warn("Shared folder {} is not there ({}); it will be shared once it exists and Shoal restarts",
                        root, e.toString());
                p = root.toAbsolutePath().normalize();
            }
            real.add(p);
        }
        List<Path> out = new ArrayList<>();
        for (Path p : real) {
            boolean nested = real.stream().anyMatch(q -> !q.equals(p) && p.startsWith(q));
            if (!nested && !out.contains(p)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Starts the catch-up scan (new and changed files hashed, vanished ones dropped) and then
     * follows changes on disk. Returns at once; see {@link #ready()}.
     */
    public void start() {
        start(true);
    }

    void start(boolean watch) {
        if (closed.get()) {
            throw new IllegalStateException("library is closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("library already started");
        }
        if (watch) {
            try {
                watcher = new DirectoryWatcher(dataDir.getFileSystem(), new DirectoryWatcher.Events() {
                    @Override
                    public void changed(Path path, boolean modified) {
                        submit(() -> noteChange(path, modified));
                    }

                    @Override
                    public void overflowed() {
                        log.info("Missed file-system events; rescanning shared folders");
                        submit(Library.this::rescan);
                    }
                });
            } catch (IOException e) {
                log.warn("Cannot watch shared folders ({}); changes are picked up at the next start", e.toString());
            }
        }
        submit(this::catchUp);
    }

    /** Completes when the first scan after {@link #start()} is done (exceptionally if it failed or the library closed). */
    public CompletableFuture<Void> ready() {
        return ready.copy();
    }

    /**
     * Files whose names hold every keyword of {@code text}, best match first, at most {@code max}
     * (and at most {@link #MAX_RESULTS}). Text starting with {@code urn:sha1:} looks up that urn
     * instead. Keywords are analysed like file names; the text is never parsed as query syntax.
     */
    public List<SharedFile> search(String text, int max) {
        if (text == null || max <= 0 || closed.get()) {
            return List.of();
        }
        int limit = Math.min(max, MAX_RESULTS);
        String trimmed = text.strip();
        if (trimmed.regionMatches(true, 0, Urn.SHA1_PREFIX, 0, Urn.SHA1_PREFIX.length())) {
            String first = trimmed.split("\\s+", 2)[0];
            if (!Urn.looksLikeSha1(first)) {
                return List.of();
            }
            return catalog.byUrn(Urn.parse(first)).stream().limit(limit).toList();
        }
        Optional<Query> query = keywordQuery(trimmed);
        if (query.isEmpty()) {
            return List.of();
        }
        try {
            List<SharedFile> out = new ArrayList<>();
            for (Path path : index.search(query.get(), limit)) {
                // A hit for a file removed since the last refresh is dropped, never served.
                catalog.byPath(path).ifPresent(out::add);
            }
            return out;
        } catch (IOException | AlreadyClosedException e) {
            if (!closed.get()) {
                log.warn("Search for '{}' failed: {}", text, e.toString());
            }
            return List.of();
        }
    }

    /** All analysed keywords as MUST clauses: every word has to be in the name. */
    Optional<Query> keywordQuery(String text) {
        List<String> terms = FileNameAnalyzer.tokens(analyzer, text).stream()
                .distinct()
                .limit(MAX_QUERY_TERMS)
                .toList();
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String term : terms) {
            builder.add(new TermQuery(new Term(FileIndex.NAME, term)), BooleanClause.Occur.MUST);
        }
        return Optional.of(builder.build());
    }

    /** One file with this content (the first indexed, if several paths hold the same bytes). */
    public Optional<SharedFile> byUrn(Urn urn) {
        List<SharedFile> files = catalog.byUrn(urn);
        return files.isEmpty() ? Optional.empty() : Optional.of(files.get(0));
    }

    public Optional<SharedFile> byIndex(long index) {
        return catalog.byIndex(index);
    }

    /** Every shared file, by index number. */
    public List<SharedFile> all() {
        return catalog.all();
    }

    public int fileCount() {
        return catalog.size();
    }

    public long totalBytes() {
        return catalog.totalBytes();
    }

    /** Distinct words of all shared file names, as the analyser splits them: input for the QRP table. */
    public Set<String> keywords() {
        return catalog.keywords(name -> FileNameAnalyzer.tokens(analyzer, name));
    }

    /** Files hashed since this library was opened. */
    public long filesHashed() {
        return filesHashed.get();
    }

    /** Bytes read for hashing since this library was opened. */
    public long bytesHashed() {
        return bytesHashed.get();
    }

    public List<Path> shareRoots() {
        return roots;
    }

    /**
     * Hashes and indexes {@code shareRoots} once, without watching, and returns every shared
     * file: what {@code shoal index} prints. Unchanged files known to the index are not rehashed.
     */
    public static List<SharedFile> indexOnce(Path dataDir, List<Path> shareRoots, LibraryListener listener)
            throws IOException {
        try (Library library = open(dataDir, shareRoots, listener)) {
            library.start(false);
            try {
                library.ready.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while indexing");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof IOException io ? io : new IOException("indexing failed", cause);
            }
            return library.all();
        }
    }

    // ---- worker thread ----------------------------------------------------------------------

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
        long started = System.nanoTime();
        // Sorted so that a fresh index numbers files in path order, the same on every machine.
        Map<Path, Candidate> found = new TreeMap<>();
        for (Path root : roots) {
            if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                walk(root, found);
            }
        }
        int removed = 0;
        for (Path path : catalog.paths()) {
            if (!found.containsKey(path) && removeFile(path)) {
                removed++;
            }
        }
        int hashed = hashChanged(found.values());
        publish(true);
        log.info("Library ready: {} files, {} shared ({} hashed, {} removed) in {} ms", catalog.size(),
                ProgressMeter.megabytes(catalog.totalBytes()), hashed, removed,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Collects the shareable files below {@code start}, registering folders with the watcher. */
    private void walk(Path start, Map<Path, Candidate> found) throws IOException {
        DirectoryWatcher w = watcher;
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (isExcluded(dir) || (!dir.equals(start) && isHidden(dir, attrs))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (w != null) {
                    w.register(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !isHidden(file, attrs) && !isExcluded(file)) {
                    found.put(file, new Candidate(file, attrs.size(), attrs.lastModifiedTime().toMillis()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                log.warn("Skipping {}: {}", file, e.toString());
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private boolean isExcluded(Path path) {
        return path.startsWith(dataDir);
    }

    private static boolean isHidden(Path path, BasicFileAttributes attrs) {
        return isHiddenName(path) || (attrs instanceof DosFileAttributes dos && dos.isHidden());
    }

    private static boolean isHiddenName(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** Hashes those candidates whose size or time differs from the index; returns how many were indexed. */
    private int hashChanged(Collection<Candidate> candidates) throws IOException {
        List<Candidate> work = new ArrayList<>();
        long bytes = 0;
        for (Candidate c : candidates) {
            Optional<SharedFile> known = catalog.byPath(c.path());
            if (known.isEmpty() || known.get().size() != c.size() || known.get().lastModified() != c.modified()) {
                work.add(c);
                bytes += c.size();
            }
        }
        if (work.isEmpty()) {
            return 0;
        }
        ProgressMeter meter = new ProgressMeter(listener, work.size(), bytes);
        int indexed = 0;
        for (Candidate c : work) {
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
    private boolean hashOne(Candidate candidate, ProgressMeter meter) throws IOException {
        Path path = candidate.path();
        Attrs before = Attrs.of(path);
        long[] read = {0};
        Urn urn;
        try {
            if (!before.regularFile()) {
                throw new NoSuchFileException(path.toString());
            }
            urn = hasher.hash(path, n -> {
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
        Attrs after = Attrs.of(path);
        if (!after.equals(before)) {
            // Written to while we read it: the digest matches neither version. Try again once it settles.
            log.debug("{} changed while hashing; will hash again", path);
            noteChange(path, true);
            return false;
        }
        SharedFile file = new SharedFile(catalog.indexFor(path), path, path.getFileName().toString(), after.size(),
                urn, after.modified());
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

    /** During long batches: let searches see progress every second and make it durable every 30 s. */
    private void maybePublish() throws IOException {
        long now = System.nanoTime();
        if (now - lastCommit >= COMMIT_NANOS) {
            publish(true);
        } else if (now - lastRefresh >= REFRESH_NANOS) {
            publish(false);
        }
    }

    private void publish(boolean durable) throws IOException {
        long now = System.nanoTime();
        if (durable && uncommitted) {
            index.commit();
            uncommitted = false;
            lastCommit = now;
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

    /** A watched path changed: remember it until it has been quiet and stable for a while. */
    private void noteChange(Path path, boolean modified) {
        if (isExcluded(path) || isHiddenName(path)) {
            return;
        }
        Attrs attrs = Attrs.of(path);
        if (modified && attrs.directory()) {
            // A folder's own time changed; its children report their changes themselves.
            return;
        }
        pending.put(path, new Pending(System.nanoTime(), attrs));
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
        long now = System.nanoTime();
        long settle = TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        List<Path> settled = new ArrayList<>();
        for (Iterator<Map.Entry<Path, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Pending> entry = it.next();
            if (now - entry.getValue().sinceNanos() < settle) {
                continue;
            }
            Attrs current = Attrs.of(entry.getKey());
            if (current.equals(entry.getValue().attrs())) {
                settled.add(entry.getKey());
                it.remove();
            } else {
                entry.setValue(new Pending(now, current));
            }
        }
        try {
            if (!settled.isEmpty()) {
                apply(settled);
            }
        } finally {
            if (!pending.isEmpty()) {
                scheduleTick();
            }
        }
    }

    /** Applies settled paths: folders are walked (and watched), files hashed if changed, the rest dropped. */
    private void apply(List<Path> settled) throws IOException {
        settled.sort(null);
        Map<Path, Candidate> toHash = new LinkedHashMap<>();
        DirectoryWatcher w = watcher;
        for (Path path : settled) {
            Attrs attrs = Attrs.of(path);
            if (attrs.directory()) {
                Map<Path, Candidate> found = new TreeMap<>();
                walk(path, found);
                for (Path known : catalog.pathsUnder(path)) {
                    if (!found.containsKey(known)) {
                        removeFile(known);
                    }
                }
                toHash.putAll(found);
            } else if (attrs.regularFile()) {
                toHash.put(path, new Candidate(path, attrs.size(), attrs.modified()));
            } else {
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
            log.info("Library updated: {} files, {} shared", catalog.size(), ProgressMeter.megabytes(catalog.totalBytes()));
        }
        publish(true);
    }

    /**
     * Stops watching and hashing (a file being hashed is abandoned within one buffer), commits the
     * index and releases it.
     */
    @Override
    public void close() throws IOException {
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
        try {
            index.close();
        } finally {
            analyzer.close();
        }
    }
}
