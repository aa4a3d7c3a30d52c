package dev.shoal.library;

import dev.shoal.protocol.Urn;
import dev.shoal.thex.HashTree;
import dev.shoal.time.Clock;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files we share: hashed once, kept in a Lucene index under {@code <dataDir>/index}, and
 * followed on disk while running.
 *
 * <p>Threads: scanning, hashing and index writes run on the library's own daemon threads (see
 * {@link Indexer}); nothing here blocks on them. Look-ups ({@link #byIndex}, {@link #byUrn},
 * {@link #all}) read an in-memory catalogue and {@link #search} reads a shared Lucene searcher:
 * both are safe and cheap from any thread.
 *
 * <p>What is shared: regular files below the share roots, except hidden files and folders,
 * symbolic links, the data folder and what looks private (see {@link ShareWalker}); the last are
 * listed by {@link #leftOut()} and can be shared anyway with {@link #shareAnyway}. Index numbers are small positive
 * numbers, stable for a path across restarts.
 *
 * <p>With no share roots there is nothing to index, and no index is opened at all: a servent that
 * only downloads (such as {@code shoal get}) starts without paying for one. It still holds the
 * index folder's lock, so that two servents never use one data folder.
 */
public final class Library implements AutoCloseable {
    /** Most keywords of a query that take part in matching; the rest are ignored. */
    public static final int MAX_QUERY_TERMS = 10;
    /** Upper bound on results of one search, whatever the caller asks. */
    public static final int MAX_RESULTS = 1000;
    /** How long a watched path must stay quiet and unchanged before it is indexed. */
    static final long SETTLE_MILLIS = 300;
    private static final Logger log = LoggerFactory.getLogger(Library.class);

    /** Turns a file into its urn and Tiger tree; the seam lets tests see or disturb hashing. */
    @FunctionalInterface
    interface Hasher {
        FileHashes hash(Path file, LongConsumer bytesRead) throws IOException;
    }

    private final Path dataDir;
    private final List<Path> roots;
    private final Analyzer analyzer;
    private final FileIndex index;
    private final Catalog catalog;
    private final TreeStore trees;
    private final Indexer indexer;
    /** Held instead of an index when nothing is shared; analyzer, index and indexer are then null. */
    private final IndexLock lock;
    /** Completes on start when nothing is shared: there is no scan to wait for. */
    private final CompletableFuture<Void> nothingToScan = new CompletableFuture<>();
    private final PrivateGuard guard;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Library(Path dataDir, List<Path> roots, LibraryListener listener, Hasher hasher, Analyzer analyzer,
            FileIndex index, Catalog catalog, Clock clock) {
        this.dataDir = dataDir;
        this.roots = roots;
        this.analyzer = analyzer;
        this.index = index;
        this.catalog = catalog;
        this.trees = new TreeStore(dataDir);
        this.guard = new PrivateGuard(dataDir);
        this.indexer = new Indexer(dataDir, roots, listener, hasher, index, catalog, trees, guard, clock);
        this.lock = null;
    }

    /** A library of no folders: empty, with no index. */
    private Library(Path dataDir, IndexLock lock) {
        this.dataDir = dataDir;
        this.roots = List.of();
        this.analyzer = null;
        this.index = null;
        this.indexer = null;
        this.lock = lock;
        this.catalog = new Catalog();
        this.trees = new TreeStore(dataDir);
        this.guard = new PrivateGuard(dataDir);
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

    /**
     * On the machine's clock: watched files are written by other programs in real time, so their
     * settling is timed on it, as are the progress reports.
     */
    static Library open(Path dataDir, List<Path> shareRoots, LibraryListener listener, Hasher hasher)
            throws IOException {
        return open(dataDir, shareRoots, listener, hasher, Clock.system());
    }

    /** With {@code clock} timing the settling of watched paths, refreshes and progress reports. */
    static Library open(Path dataDir, List<Path> shareRoots, LibraryListener listener, Hasher hasher, Clock clock)
            throws IOException {
        Files.createDirectories(dataDir);
        Path data = dataDir.toRealPath();
        List<Path> roots = canonicalRoots(shareRoots);
        if (roots.isEmpty()) {
            return new Library(data, IndexLock.take(data.resolve("index")));
        }
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
                    index, catalog, clock);
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
        if (indexer != null) {
            indexer.start(watch, dataDir);
        } else {
            nothingToScan.complete(null);
        }
    }

    /** Completes when the first scan after {@link #start()} is done (exceptionally if it failed or the library closed). */
    public CompletableFuture<Void> ready() {
        return (indexer == null ? nothingToScan : indexer.ready()).copy();
    }

    /**
     * Files whose names hold every keyword of {@code text}, best match first, at most {@code max}
     * (and at most {@link #MAX_RESULTS}). Text starting with {@code urn:sha1:} looks up that urn
     * instead. Keywords are analysed like file names; the text is never parsed as query syntax.
     */
    public List<SharedFile> search(String text, int max) {
        return search(text, max, false);
    }

    /**
     * As {@link #search(String, int)}, with the last word taken as the start of a word: what the
     * user has typed so far ("ocean wa" finds "Ocean Waves.mp3").
     */
    public List<SharedFile> searchAsTyped(String text, int max) {
        return search(text, max, true);
    }

    private List<SharedFile> search(String text, int max, boolean lastIsPrefix) {
        if (text == null || max <= 0 || closed.get() || index == null) {
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
        Optional<Query> query = keywordQuery(trimmed, lastIsPrefix);
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

    /** All analysed keywords as MUST clauses: every word has to be in the name (the last one may only start one). */
    Optional<Query> keywordQuery(String text, boolean lastIsPrefix) {
        List<String> terms = FileNameAnalyzer.tokens(analyzer, text).stream()
                .distinct()
                .limit(MAX_QUERY_TERMS)
                .toList();
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            Term term = new Term(FileIndex.NAME, terms.get(i));
            boolean prefix = lastIsPrefix && i == terms.size() - 1;
            builder.add(prefix ? new PrefixQuery(term) : new TermQuery(term), BooleanClause.Occur.MUST);
        }
        return Optional.of(builder.build());
    }

    /** One file with this content (the first indexed, if several paths hold the same bytes). */
    public Optional<SharedFile> byUrn(Urn urn) {
        List<SharedFile> files = catalog.byUrn(urn);
        return files.isEmpty() ? Optional.empty() : Optional.of(files.get(0));
    }

    /**
     * The Tiger tree of a shared content, rows down to the depth servents exchange: read from the
     * data folder, so call it off latency-sensitive threads. Empty when the content is not shared
     * or not yet hashed with Tiger.
     */
    public Optional<HashTree> tree(Urn urn) {
        return byUrn(urn).filter(f -> f.tigerRoot() != null).flatMap(f -> trees.load(f.tigerRoot(), f.size()));
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
        if (analyzer == null) {
            return Set.of();
        }
        return catalog.keywords(name -> FileNameAnalyzer.tokens(analyzer, name));
    }

    /**
     * True when the index on disk could not be read (corrupt) and was started again empty, its
     * files to be hashed again: what a crash must never cause.
     */
    public boolean indexRebuilt() {
        return index != null && index.rebuiltUnreadable();
    }

    /** Files hashed since this library was opened. */
    public long filesHashed() {
        return indexer == null ? 0 : indexer.filesHashed();
    }

    /** Bytes read for hashing since this library was opened. */
    public long bytesHashed() {
        return indexer == null ? 0 : indexer.bytesHashed();
    }

    /** What the scans left out because it looks private ({@link PrivateFiles}), by path. */
    public List<LeftOut> leftOut() {
        return guard.list();
    }

    /** The text file listing {@link #leftOut()}, rewritten when it changes, for users of the command line. */
    public Path leftOutListFile() {
        return guard.listFile();
    }

    /**
     * Shares these files or folders although they look private: remembered in the data folder, and
     * taken in by a scan that starts at once (they are searchable when {@link LibraryListener#libraryChanged}
     * next comes).
     */
    public void shareAnyway(Collection<Path> paths) throws IOException {
        guard.allow(paths);
        if (indexer != null) {
            indexer.rescanSoon();
        }
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
                library.ready().get();
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

    /**
     * Stops watching and hashing (a file being hashed is abandoned within one buffer), commits the
     * index and releases it. {@link #ready()} fails if the first scan had not finished.
     */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (lock != null) {
            nothingToScan.completeExceptionally(new IllegalStateException("library closed before it started"));
            lock.close();
            return;
        }
        indexer.close();
        try {
            index.close();
        } finally {
            analyzer.close();
        }
    }
}
