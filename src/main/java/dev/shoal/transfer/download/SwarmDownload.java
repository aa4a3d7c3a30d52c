package dev.shoal.transfer.download;

import dev.shoal.protocol.TigerRoot;
import dev.shoal.protocol.Urn;
import dev.shoal.time.Clock;
import dev.shoal.time.Scheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one file from several sources at once, resumably, and delivers it only once its
 * SHA-1 matches the URN.
 *
 * <p>Threads: one coordinator and up to {@code maxActiveSources} workers (one per source, each
 * with its own persistent connection, dialled or opened by the source after a Push: see
 * {@link SourceDialer}) in a fixed pool owned by this download. Workers, hired by the
 * {@link Crew}, pull runs of chunks from a {@link ChunkScheduler}, write them into the part file
 * as they arrive and go away when they fail; the coordinator hires workers for sources that may
 * be tried, aborts workers whose source went silent, checkpoints, reports progress, and hashes
 * the part file while it fills (see {@link PrefixHasher}), so that verifying at the end costs
 * little. When a source offers the file's Tiger tree (and its root is trusted: see
 * {@link TreeFetch}), each chunk is also checked against the tree soon after it is done, on a
 * thread of its own (see {@link Verification}): a bad one is fetched again from another source and
 * its sender banned at once. That takes a core's worth of Tiger at full speed, so it is done only
 * when it can change something: with another source to fetch from, or for a preview. On a hash mismatch at the end, the chunks not checked yet are checked
 * against the tree; failing that it looks for the liar: a source that provided every chunk is
 * banned; otherwise the chunks of one suspect at a time are fetched again from the others with the
 * suspect held out, and the suspect is banned if that makes the hash match.
 *
 * <p>Time: the coordinator wakes on every change and on a tick of the setup's scheduler, and reads
 * that scheduler's clock, so that a download runs on virtual time as well as on the system's.
 *
 * <p>Files: {@code <incomplete>/<BASE32>.part} and {@code .state} (see {@link PartFile}); the
 * verified file is moved into the downloads directory without replacing a different file.
 */
public final class SwarmDownload {
    private static final Logger log = LoggerFactory.getLogger(SwarmDownload.class);
    private static final Duration TICK = Duration.ofMillis(100);
    private static final long PROGRESS_MILLIS = 250;
    /** How long finished stragglers (end-game duplicates, stalled reads) are given to go away. */
    private static final long STRAGGLERS_MILLIS = 5000;
    /** Bytes hashed between two looks at the workers, so that hashing never delays them long. */
    private static final long HASH_STEP = 8L * 1024 * 1024;

    private final DownloadRequest request;
    private final SwarmSetup setup;
    private final SwarmConfig config;
    private final Scheduler scheduler;
    private final Clock clock;
    private final DownloadListener listener;
    private final SourcePool pool;
    private final ExecutorService executor;
    private final CompletableFuture<Path> result = new CompletableFuture<>();
    private final Object signal = new Object();
    private final PrefixHasher hasher = new PrefixHasher();
    private final TreeFetch trees;

    private volatile Crew crew;
    private volatile boolean cancelled;
    private volatile DownloadProgress progress;
    private volatile ChunkScheduler chunks;
    private volatile Verification verification;
    private volatile boolean preferStart;
    private PartFile part;
    private Checkpointer checkpointer;
    private boolean started;
    private boolean signalled;
    private long lastCheckpointMillis;
    private long lastReceived;
    private long lastSpeedMillis = -1;
    private double speed;

    public SwarmDownload(DownloadRequest request, SwarmSetup setup, DownloadListener listener) {
        this.request = request;
        this.setup = setup;
        this.config = setup.config();
        this.scheduler = setup.scheduler();
        this.clock = scheduler.clock();
        this.listener = listener;
        this.pool = new SourcePool(request.sources(), config);
        this.trees = new TreeFetch(request.size(), request.tigerRoot());
        AtomicInteger n = new AtomicInteger();
        String prefix = "swarm-" + request.urn().base32().substring(0, 8) + "-";
        // The coordinator, the workers, the checkpointer and the tree checks.
        this.executor = new ThreadPoolExecutor(config.maxActiveSources() + 3, config.maxActiveSources() + 3,
                1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, prefix + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.progress = new DownloadProgress(0, request.size(), 0, 0, SwarmState.QUEUED, "");
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
        Crew c = crew;
        if (c != null) {
            c.stop();
        }
        wake();
    }

    /** A source learnt later (a new query hit); ignored when known, banned or over the cap. */
    public void addSource(Source source) {
        if (pool.add(source)) {
            wake();
        }
    }

    /** A source's hit named this root for the file's Tiger tree. */
    public void claimTigerRoot(TigerRoot root) {
        trees.claim(root);
    }

    /** Fetches the first missing chunks first, for a preview of the file's start. */
    public void preferStart() {
        preferStart = true;
        ChunkScheduler s = chunks;
        if (s != null) {
            s.preferStart();
        }
    }

    /**
     * Bytes from the start of the file known good: those that passed the Tiger tree, or all of
     * them once the file's SHA-1 matched; 0 while neither has vouched for any.
     */
    public long verifiedPrefix() {
        if (result.isDone() && !result.isCompletedExceptionally()) {
            return request.size();
        }
        Verification v = verification;
        return v == null ? 0 : v.verifiedPrefix();
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
        ChunkScheduler s = chunks;
        return s == null ? ChunkOwners.NONE : s.owners();
    }

    public List<Source> bannedSources() {
        return pool.banned();
    }

    public Urn urn() {
        return request.urn();
    }

    // ---- coordinator

    private void coordinate() {
        Scheduler.Cancellable tick = scheduler.every(TICK, this::wake);
        try {
            part = PartFile.open(setup.incompleteDir(), request.urn(), request.size(), request.name(),
                    config.chunkSize());
            BitSet resumed = part.resumedChunks();
            checkpointer = new Checkpointer(part, executor, resumed);
            chunks = new ChunkScheduler(request.size(), part.chunkSize(), resumed);
            if (preferStart) {
                chunks.preferStart();
            }
            verification = new Verification(trees, chunks, hasher, this::ban, executor, this::wake);
            crew = new Crew(request.urn(), setup, pool, chunks, new ChunkWriter(part, chunks), trees, this::wake);
            if (!resumed.isEmpty()) {
                log.info("resuming {}: {} of {} chunks already done", request.urn(), resumed.cardinality(),
                        chunks.count());
            }
            Path done = fetchAndVerify();
            emit(SwarmState.DONE, "");
            result.complete(done);
        } catch (CancellationException e) {
            emit(SwarmState.FAILED, "cancelled");
            result.completeExceptionally(e);
        } catch (DownloadException e) {
            log.warn("download of {} failed: {}", request.urn(), e.getMessage());
            emit(SwarmState.FAILED, e.getMessage());
            result.completeExceptionally(e);
        } catch (IOException | RuntimeException e) {
            log.warn("download of {} failed", request.urn(), e);
            emit(SwarmState.FAILED, "local error: " + e);
            result.completeExceptionally(new DownloadException("local error: " + e, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emit(SwarmState.FAILED, "interrupted");
            result.completeExceptionally(new CancellationException("interrupted"));
        } finally {
            tick.cancel();
            cancelled = true;
            Crew c = crew;
            if (c != null) {
                c.stop();
            }
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
            emit(SwarmState.VERIFYING, "");
            part.ensureLength();
            if (Arrays.equals(hasher.finish(part::read, request.size()), request.urn().digest())) {
                if (suspect != null) {
                    ban(suspect, "its chunks differed from other sources' and the hash matched without them");
                }
                return finish();
            }
            if (verification.findBad(part::read)) {
                continue;
            }
            verification.blameTree(request.size());
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
        Map<Source, List<Integer>> byProvider = chunks.chunksByProvider();
        log.warn("hash mismatch for {}; chunk providers: {}", request.urn(), byProvider.keySet());
        if (byProvider.containsKey(null)) {
            // Chunks resumed from disk have no known provider: fetch them again first.
            invalidate(byProvider.get(null));
            return null;
        }
        if (byProvider.size() == 1) {
            Source only = byProvider.keySet().iterator().next();
            ban(only, "every chunk came from it and the hash does not match the URN");
            invalidate(byProvider.get(only));
            return null;
        }
        Optional<Source> next = byProvider.keySet().stream().filter(s -> !cleared.contains(s))
                .min(Comparator.comparingInt(s -> byProvider.get(s).size()));
        if (next.isEmpty()) {
            throw new DownloadException("hash mismatch: could not find the source sending bad data");
        }
        Source s = next.get();
        pool.exclude(s, true);
        invalidate(byProvider.get(s));
        return s;
    }

    private void invalidate(List<Integer> bad) {
        chunks.invalidate(bad);
        verification.forget(bad);
    }

    private void ban(Source s, String why) {
        if (pool.isBanned(s)) {
            return;
        }
        log.warn("banning source {} for {}: {}", s, request.urn(), why);
        pool.ban(s);
        crew.dismiss(s);
        setup.mesh().remove(request.urn(), s.address());
        listener.onSourceBanned(s, why);
    }

    /** Runs workers until every chunk is on disk. */
    private void fetchAll() throws IOException, DownloadException, InterruptedException {
        long lastEmit = 0;
        SwarmState lastState = null;
        while (!chunks.allDone()) {
            if (cancelled) {
                checkpoint(true);
                throw new CancellationException("cancelled");
            }
            IOException fatal = crew.localFailure();
            if (fatal != null) {
                throw new DownloadException("local error: " + fatal, fatal);
            }
            crew.hire(executor);
            if (crew.size() == 0 && !pool.hopeful()) {
                checkpoint(true);
                throw new DownloadException(pool.banned().isEmpty() ? "no usable source left"
                        : "no usable source left; banned for bad data: " + pool.banned());
            }
            SwarmState state = crew.size() == 0 ? SwarmState.QUEUED : SwarmState.DOWNLOADING;
            long now = clock.millis();
            if (state != lastState || now - lastEmit >= PROGRESS_MILLIS) {
                emit(state, "");
                lastState = state;
                lastEmit = now;
            }
            checkpoint(false);
            crew.abortStalled();
            boolean checked = verification.step(part::read, preferStart || pool.size() > 1);
            if (!hashAhead() && !checked) {
                await();
            }
        }
        crew.abortAll();
        long deadline = clock.millis() + STRAGGLERS_MILLIS;
        while (crew.size() > 0 && clock.millis() < deadline) {
            await();
        }
    }

    /** Hashes a step of the part file's completed prefix; false when there was nothing to hash. */
    private boolean hashAhead() throws IOException {
        return hasher.advance(part::read, chunks.donePrefixBytes(), HASH_STEP) > 0;
    }

    /** Records the done chunks: every checkpoint interval in the background, or now when forced. */
    private void checkpoint(boolean force) throws IOException, InterruptedException {
        long now = clock.millis();
        if (!force && now - lastCheckpointMillis < config.checkpointInterval().toMillis()) {
            return;
        }
        BitSet done = chunks.doneSnapshot();
        if (force) {
            checkpointer.now(done);
        } else {
            checkpointer.request(done);
        }
        lastCheckpointMillis = now;
    }

    private Path finish() throws IOException {
        byte[] digest = request.urn().digest();
        checkpointer.close();
        part.close();
        Path target = FileNames.place(part.partPath(), setup.downloadsDir(),
                FileNames.sanitize(request.name(), request.urn()), digest);
        part.deleteState();
        log.info("download of {} complete: {}", request.urn(), target);
        return target;
    }

    private void emit(SwarmState state, String reason) {
        long now = clock.millis();
        Crew c = crew;
        long total = c == null ? 0 : c.received();
        if (lastSpeedMillis < 0) {
            lastSpeedMillis = now;
            lastReceived = total;
        } else if (now - lastSpeedMillis >= PROGRESS_MILLIS) {
            double instant = (total - lastReceived) * 1000.0 / (now - lastSpeedMillis);
            speed = speed == 0 ? instant : 0.7 * speed + 0.3 * instant;
            lastSpeedMillis = now;
            lastReceived = total;
        }
        long done = chunks == null ? 0 : chunks.bytesDone();
        progress = new DownloadProgress(done, request.size(), state == SwarmState.DOWNLOADING ? (long) speed : 0,
                c == null ? 0 : c.size(), state, reason);
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

    /** Waits for a {@link #wake()} since the last wait: a change, or the next tick. */
    private void await() throws InterruptedException {
        synchronized (signal) {
            while (!signalled) {
                signal.wait();
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
