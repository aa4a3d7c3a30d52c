package dev.shoal.transfer.download;

import dev.shoal.protocol.Urn;
import dev.shoal.transfer.AltLocs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one file from several sources at once, resumably, and delivers it only once its
 * SHA-1 matches the URN.
 *
 * <p>Threads: one coordinator and up to {@code maxActiveSources} workers (one per source, each
 * with its own persistent connection, dialled or opened by the source after a Push: see
 * {@link SourceDialer}) in a fixed pool owned by this download. Workers pull runs
 * of chunks from a {@link ChunkScheduler}, write them into the part file as they arrive and go
 * away when they fail; the coordinator starts workers for sources that may be tried, aborts
 * workers whose source went silent, checkpoints, reports progress, and hashes the part file
 * while it fills (see {@link PrefixHasher}), so that verifying at the end costs little. On a hash
 * mismatch it looks for the liar: a source that provided every
 * chunk is banned; otherwise the chunks of one suspect at a time are fetched again from the
 * others with the suspect held out, and the suspect is banned if that makes the hash match.
 *
 * <p>Files: {@code <incomplete>/<BASE32>.part} and {@code .state} (see {@link PartFile}); the
 * verified file is moved into the downloads directory without replacing a different file.
 */
public final class SwarmDownload {
    private static final Logger log = LoggerFactory.getLogger(SwarmDownload.class);
    private static final long TICK_MILLIS = 100;
    private static final long PROGRESS_MILLIS = 250;
    /** Bytes hashed between two looks at the workers, so that hashing never delays them long. */
    private static final long HASH_STEP = 8L * 1024 * 1024;

    /** A local disk failure seen by a worker: fatal for the download, not the source's fault. */
    static final class LocalIoException extends IOException {
        private static final long serialVersionUID = 1L;

        LocalIoException(IOException cause) {
            super(cause);
        }
    }

    private final DownloadRequest request;
    private final Path incompleteDir;
    private final Path downloadsDir;
    private final SwarmConfig config;
    private final AltLocs mesh;
    private final DownloadListener listener;
    private final SourcePool pool;
    private final SourceDialer dialer;
    private final ExecutorService executor;
    private final Set<SwarmWorker> workers = ConcurrentHashMap.newKeySet();
    private final LongAdder received = new LongAdder();
    private final CompletableFuture<Path> result = new CompletableFuture<>();
    private final Object signal = new Object();
    private final PrefixHasher hasher = new PrefixHasher();

    private volatile ChunkScheduler scheduler;
    private volatile ChunkWriter writer;
    private volatile PartFile part;
    private Checkpointer checkpointer;
    private volatile boolean cancelled;
    private volatile Throwable fatal;
    private volatile DownloadProgress progress;
    private boolean started;
    private boolean signalled;
    private BitSet lastCheckpoint = new BitSet();
    private long lastCheckpointMillis;
    private long lastReceived;
    private long lastSpeedMillis;
    private double speed;

    /**
     * @param mesh alternate locations shared by the node's downloads and uploads
     * @param pusher how sources that cannot be dialled are asked to connect to us
     */
    public SwarmDownload(DownloadRequest request, Path incompleteDir, Path downloadsDir, SwarmConfig config,
            AltLocs mesh, PushRequester pusher, DownloadListener listener) {
        this.request = request;
        this.incompleteDir = incompleteDir;
        this.downloadsDir = downloadsDir;
        this.config = config;
        this.mesh = mesh;
        this.listener = listener;
        this.pool = new SourcePool(request.sources(), config);
        this.dialer = new SourceDialer(pool, pusher, config);
        AtomicInteger n = new AtomicInteger();
        String prefix = "swarm-" + request.urn().base32().substring(0, 8) + "-";
        // The coordinator, the workers and the checkpointer.
        this.executor = new ThreadPoolExecutor(config.maxActiveSources() + 2, config.maxActiveSources() + 2,
                1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, prefix + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.progress = new DownloadProgress(0, request.size(), 0, 0, DownloadState.QUEUED, "");
    }

    /** A download on its own: no shared mesh, no Pushes. */
    public SwarmDownload(DownloadRequest request, Path incompleteDir, Path downloadsDir, SwarmConfig config,
            DownloadListener listener) {
        this(request, incompleteDir, downloadsDir, config, new AltLocs(), PushRequester.NONE, listener);
    }

    /**
     * Starts the download. The future yields the path of the verified file in the downloads
     * directory, or fails with a {@link DownloadException} (or {@link CancellationException}).
     */
    public synchronized CompletableFuture<Path> start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        executor.execute(this::coordinate);
        return result;
    }

    public CompletableFuture<Path> result() {
        return result;
    }

    /** Stops fetching; completed chunks stay recorded so a later download resumes. */
    public void cancel() {
        cancelled = true;
        workers.forEach(SwarmWorker::abort);
        wake();
    }

    /** A source learnt later (a new query hit); ignored when known, banned or over the cap. */
    public void addSource(Source source) {
        if (pool.add(source)) {
            wake();
        }
    }

    public DownloadProgress progress() {
        return progress;
    }

    /** Each known source with the bytes it delivered and what it is doing now. */
    public List<SourceStats> sourceStats() {
        return pool.stats();
    }

    /** Which chunks are on disk and who provided them; {@link ChunkOwners#NONE} until the part file is open. */
    public ChunkOwners chunkOwners() {
        ChunkScheduler s = scheduler;
        return s == null ? ChunkOwners.NONE : s.owners();
    }

    public List<Source> bannedSources() {
        return pool.banned();
    }

    public Urn urn() {
        return request.urn();
    }

    // ---- for workers

    SwarmConfig config() {
        return config;
    }

    ChunkScheduler scheduler() {
        return scheduler;
    }

    SourcePool pool() {
        return pool;
    }

    SourceDialer dialer() {
        return dialer;
    }

    AltLocs mesh() {
        return mesh;
    }

    long size() {
        return request.size();
    }

    boolean stopping() {
        return cancelled || fatal != null;
    }

    void received(long bytes) {
        received.add(bytes);
    }

    void learn(List<InetSocketAddress> locations) {
        if (locations.isEmpty()) {
            return;
        }
        mesh.add(request.urn(), locations);
        for (InetSocketAddress a : locations) {
            addSource(Source.of(a));
        }
    }

    int chunkSize() {
        return part.chunkSize();
    }

    int chunkAt(long position) {
        return (int) (position / part.chunkSize());
    }

    int activeWorkers() {
        return Math.max(1, workers.size());
    }

    /** See {@link ChunkWriter#writePiece}. */
    boolean writePiece(int chunk, long position, ByteBuffer bytes) throws LocalIoException {
        try {
            return writer.writePiece(chunk, position, bytes);
        } catch (IOException e) {
            throw new LocalIoException(e);
        }
    }

    /** See {@link ChunkWriter#complete}. */
    boolean completeChunk(int chunk, Source source) {
        boolean done = writer.complete(chunk, source);
        wake();
        return done;
    }

    /** See {@link ChunkWriter#store}. */
    boolean storeChunk(int chunk, Source source, ByteBuffer data) throws LocalIoException {
        boolean done;
        try {
            done = writer.store(chunk, source, data);
        } catch (IOException e) {
            throw new LocalIoException(e);
        }
        wake();
        return done;
    }

    void fail(Throwable t) {
        fatal = t;
        wake();
    }

    void workerEnded(SwarmWorker w) {
        workers.remove(w);
        wake();
    }

    // ---- coordinator

    private void coordinate() {
        try {
            part = PartFile.open(incompleteDir, request.urn(), request.size(), request.name(), config.chunkSize());
            checkpointer = new Checkpointer(part, executor);
            scheduler = new ChunkScheduler(request.size(), part.chunkSize(), part.resumedChunks());
            writer = new ChunkWriter(part, scheduler);
            lastCheckpoint = scheduler.doneSnapshot();
            if (!lastCheckpoint.isEmpty()) {
                log.info("resuming {}: {} of {} chunks already done", request.urn(), lastCheckpoint.cardinality(),
                        scheduler.count());
            }
            Path done = fetchAndVerify();
            emit(DownloadState.DONE, "");
            result.complete(done);
        } catch (CancellationException e) {
            emit(DownloadState.FAILED, "cancelled");
            result.completeExceptionally(e);
        } catch (DownloadException e) {
            log.warn("download of {} failed: {}", request.urn(), e.getMessage());
            emit(DownloadState.FAILED, e.getMessage());
            result.completeExceptionally(e);
        } catch (IOException | RuntimeException e) {
            log.warn("download of {} failed", request.urn(), e);
            emit(DownloadState.FAILED, "local error: " + e);
            result.completeExceptionally(new DownloadException("local error: " + e, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emit(DownloadState.FAILED, "interrupted");
            result.completeExceptionally(new CancellationException("interrupted"));
        } finally {
            cancelled = true;
            workers.forEach(SwarmWorker::abort);
            closePart();
            executor.shutdown();
        }
    }

    private Path fetchAndVerify() throws IOException, DownloadException, InterruptedException {
        Set<Source> cleared = new HashSet<>();
        Source suspect = null;
        int maxRounds = 2 * pool.size() + 3;
        for (int round = 0; ; round++) {
            fetchAll();
            // No checkpoint here: a good file loses its state next, a bad one is fetched again.
            emit(DownloadState.VERIFYING, "");
            part.ensureLength();
            if (Arrays.equals(hasher.finish(part::read, request.size()), request.urn().digest())) {
                if (suspect != null) {
                    ban(suspect, "its chunks differed from other sources' and the hash matched without them");
                }
                return finish();
            }
            if (round >= maxRounds) {
                throw new DownloadException("hash mismatch: could not find the source sending bad data");
            }
            if (suspect != null) {
                pool.exclude(suspect, false);
                cleared.add(suspect);
                suspect = null;
            }
            suspect = chooseSuspect(cleared);
        }
    }

    /**
     * After a bad hash: invalidates the chunks to fetch again and returns the source held out
     * meanwhile (null when none is).
     */
    private Source chooseSuspect(Set<Source> cleared) throws DownloadException {
        Map<Source, List<Integer>> byProvider = scheduler.chunksByProvider();
        log.warn("hash mismatch for {}; chunk providers: {}", request.urn(), byProvider.keySet());
        if (byProvider.containsKey(null)) {
            // Chunks resumed from disk have no known provider: fetch them again first.
            scheduler.invalidate(byProvider.get(null));
            return null;
        }
        if (byProvider.size() == 1) {
            Source only = byProvider.keySet().iterator().next();
            ban(only, "every chunk came from it and the hash does not match the URN");
            scheduler.invalidate(byProvider.get(only));
            return null;
        }
        Optional<Source> next = byProvider.keySet().stream().filter(s -> !cleared.contains(s))
                .min(Comparator.comparingInt(s -> byProvider.get(s).size()));
        if (next.isEmpty()) {
            throw new DownloadException("hash mismatch: could not find the source sending bad data");
        }
        Source s = next.get();
        pool.exclude(s, true);
        scheduler.invalidate(byProvider.get(s));
        return s;
    }

    private void ban(Source s, String why) {
        log.warn("banning source {} for {}: {}", s, request.urn(), why);
        pool.ban(s);
        mesh.remove(request.urn(), s.address());
        listener.onSourceBanned(s, why);
    }

    /** Runs workers until every chunk is on disk. */
    private void fetchAll() throws IOException, DownloadException, InterruptedException {
        long lastEmit = 0;
        DownloadState lastState = null;
        while (!scheduler.allDone()) {
            if (cancelled) {
                checkpoint(true);
                throw new CancellationException("cancelled");
            }
            if (fatal != null) {
                throw new DownloadException("local error: " + fatal, fatal);
            }
            long now = System.currentTimeMillis();
            while (workers.size() < config.maxActiveSources()) {
                Optional<Source> s = pool.startNext(now);
                if (s.isEmpty()) {
                    break;
                }
                SwarmWorker w = new SwarmWorker(this, s.get());
                workers.add(w);
                executor.execute(w);
            }
            if (workers.isEmpty() && !pool.hopeful()) {
                checkpoint(true);
                throw new DownloadException(pool.banned().isEmpty() ? "no usable source left"
                        : "no usable source left; banned for bad data: " + pool.banned());
            }
            DownloadState state = workers.isEmpty() ? DownloadState.QUEUED : DownloadState.DOWNLOADING;
            if (state != lastState || now - lastEmit >= PROGRESS_MILLIS) {
                emit(state, "");
                lastState = state;
                lastEmit = now;
            }
            checkpoint(false);
            long nanos = System.nanoTime();
            for (SwarmWorker w : workers) {
                w.abortIfStalled(nanos, config.readTimeout().toNanos());
            }
            if (!hashAhead()) {
                await();
            }
        }
        // Stragglers (end-game duplicates, stalled reads) are of no use any more.
        workers.forEach(SwarmWorker::abort);
        long deadline = System.currentTimeMillis() + 5000;
        while (!workers.isEmpty() && System.currentTimeMillis() < deadline) {
            await();
        }
    }

    /** Hashes a step of the part file's completed prefix; false when there was nothing to hash. */
    private boolean hashAhead() throws IOException {
        return hasher.advance(part::read, scheduler.donePrefixBytes(), HASH_STEP) > 0;
    }

    /** Records the done chunks: every checkpoint interval in the background, or now when forced. */
    private void checkpoint(boolean force) throws IOException, InterruptedException {
        long now = System.currentTimeMillis();
        if (!force && now - lastCheckpointMillis < config.checkpointInterval().toMillis()) {
            return;
        }
        BitSet done = scheduler.doneSnapshot();
        if (!done.equals(lastCheckpoint)) {
            if (force) {
                checkpointer.now(done);
            } else {
                checkpointer.request(done);
            }
            lastCheckpoint = done;
        }
        lastCheckpointMillis = now;
    }

    private Path finish() throws IOException {
        byte[] digest = request.urn().digest();
        checkpointer.close();
        part.close();
        Path target = FileNames.place(part.partPath(), downloadsDir, FileNames.sanitize(request.name(), request.urn()),
                digest);
        part.deleteState();
        log.info("download of {} complete: {}", request.urn(), target);
        return target;
    }

    private void emit(DownloadState state, String reason) {
        long now = System.currentTimeMillis();
        long total = received.sum();
        if (lastSpeedMillis == 0) {
            lastSpeedMillis = now;
            lastReceived = total;
        } else if (now - lastSpeedMillis >= PROGRESS_MILLIS) {
            double instant = (total - lastReceived) * 1000.0 / (now - lastSpeedMillis);
            speed = speed == 0 ? instant : 0.7 * speed + 0.3 * instant;
            lastSpeedMillis = now;
            lastReceived = total;
        }
        long done = scheduler == null ? 0 : scheduler.bytesDone();
        progress = new DownloadProgress(done, request.size(), state == DownloadState.DOWNLOADING ? (long) speed : 0,
                workers.size(), state, reason);
        try {
            listener.onProgress(progress);
        } catch (RuntimeException e) {
            log.warn("download listener failed", e);
        }
    }

    private void wake() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /** Waits for a {@link #wake()} since the last wait, or a tick. */
    private void await() throws InterruptedException {
        synchronized (signal) {
            if (!signalled) {
                signal.wait(TICK_MILLIS);
            }
            signalled = false;
        }
    }

    private void closePart() {
        if (checkpointer != null) {
            checkpointer.close();
        }
        PartFile p = part;
        if (p != null) {
            try {
                p.close();
            } catch (IOException e) {
                log.debug("closing part file", e);
            }
        }
    }

    @Override
    public String toString() {
        return "SwarmDownload[" + request.urn() + ", " + request.name() + "]";
    }
}
