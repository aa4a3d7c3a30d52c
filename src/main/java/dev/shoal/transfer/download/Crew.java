package dev.shoal.transfer.download;

import dev.shoal.protocol.Urn;
import dev.shoal.time.Clock;
import dev.shoal.transfer.http.RequestTarget;
import dev.shoal.transfer.http.XThexUri;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers of one download and the {@link Swarm} they work for. The coordinator starts a worker
 * per source whose turn has come, and aborts stalled or useless ones; the workers take runs from
 * the chunk schedule, write through the chunk writer, and end with their source's result, which
 * this class enters in the source pool. Thread-safe.
 */
final class Crew implements Swarm {
    private static final Logger log = LoggerFactory.getLogger(Crew.class);
    /** Alternate locations sent in one request. */
    private static final int MAX_ALT_SENT = 10;
    /** How long a 503 that does not say makes us wait, and the least we wait anyway. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);
    private static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);
    /** An idle worker looks again this often, soon enough to help with a chunk that became duplicable. */
    private static final Duration IDLE_LOOK = Duration.ofMillis(ChunkScheduler.DUPLICATE_AFTER_MILLIS / 2);

    private final Urn urn;
    private final SwarmSetup setup;
    private final Clock clock;
    private final SourcePool pool;
    private final SourceDialer dialer;
    private final ChunkScheduler chunks;
    private final ChunkWriter writer;
    private final TreeFetch trees;
    private final Runnable wake;
    /** One worker per active source. */
    private final Map<Source, SwarmWorker> workers = new ConcurrentHashMap<>();
    private final LongAdder received = new LongAdder();
    private volatile boolean stopping;
    private volatile IOException localFailure;

    /** {@code wake} tells the coordinator that something changed: a chunk done, a worker gone. */
    Crew(Urn urn, SwarmSetup setup, SourcePool pool, ChunkScheduler chunks, ChunkWriter writer, TreeFetch trees,
            Runnable wake) {
        this.urn = urn;
        this.setup = setup;
        this.clock = setup.scheduler().clock();
        this.pool = pool;
        this.dialer = new SourceDialer(pool, setup.pusher(), setup.config(), setup.scheduler());
        this.chunks = chunks;
        this.writer = writer;
        this.trees = trees;
        this.wake = wake;
    }

    // ---- for the coordinator

    /** Starts a worker for each source whose turn has come, up to the number allowed at once. */
    void hire(Executor executor) {
        while (workers.size() < setup.config().maxActiveSources()) {
            Optional<Source> next = pool.startNext(clock.millis());
            if (next.isEmpty()) {
                return;
            }
            Source source = next.get();
            SourceConnection connection = new SourceConnection(source.address(), setup.config().userAgent(), clock,
                    received::add, aborted -> dialer.open(source, aborted));
            SwarmWorker w = new SwarmWorker(this, source, connection, clock);
            workers.put(source, w);
            executor.execute(w);
        }
    }

    int size() {
        return workers.size();
    }

    /** Body bytes received so far, wasted ones included. */
    long received() {
        return received.sum();
    }

    /** A disk failure a worker ran into, or null. */
    IOException localFailure() {
        return localFailure;
    }

    /** Aborts the workers whose source has kept a read waiting longer than the read timeout. */
    void abortStalled() {
        long now = clock.nanoTime();
        long timeout = setup.config().readTimeout().toNanos();
        for (SwarmWorker w : workers.values()) {
            w.abortIfStalled(now, timeout);
        }
    }

    /** Aborts the worker of a source that is no longer to be used (banned). */
    void dismiss(Source source) {
        SwarmWorker w = workers.get(source);
        if (w != null) {
            w.abort();
        }
    }

    /** Aborts every worker; new ones may still be hired (to fetch chunks found bad, say). */
    void abortAll() {
        workers.values().forEach(SwarmWorker::abort);
        chunks.nudge();
    }

    /** Ends every worker for good. */
    void stop() {
        stopping = true;
        abortAll();
    }

    // ---- for the workers

    @Override
    public Urn urn() {
        return urn;
    }

    @Override
    public ChunkLayout layout() {
        return chunks.layout();
    }

    @Override
    public Optional<ChunkScheduler.Run> nextRun(Source source, long maxBytes) throws InterruptedException {
        int maxChunks = (int) Math.max(1, maxBytes / chunks.layout().chunkSize());
        while (!stopped() && !chunks.allDone()) {
            Optional<ChunkScheduler.Run> run = chunks.assign(source, maxChunks, Math.max(1, workers.size()),
                    clock.millis());
            if (run.isPresent()) {
                return run;
            }
            chunks.awaitChange(setup.scheduler(), IDLE_LOOK);
        }
        return Optional.empty();
    }

    @Override
    public void release(ChunkScheduler.Run run, Source source) {
        for (int chunk = run.first(); chunk <= run.last(); chunk++) {
            chunks.release(chunk, source);
        }
    }

    @Override
    public boolean wanted(int chunk) {
        return !stopped() && !chunks.isClaimed(chunk);
    }

    @Override
    public boolean writePiece(int chunk, long position, ByteBuffer bytes) throws LocalIoException {
        try {
            return writer.writePiece(chunk, position, bytes);
        } catch (IOException e) {
            throw new LocalIoException(e);
        }
    }

    @Override
    public boolean completeChunk(int chunk, Source source) {
        return done(chunk, source, writer.complete(chunk, source));
    }

    @Override
    public boolean storeChunk(int chunk, Source source, ByteBuffer copy) throws LocalIoException {
        try {
            return done(chunk, source, writer.store(chunk, source, copy));
        } catch (IOException e) {
            throw new LocalIoException(e);
        }
    }

    @Override
    public String target(Source source) {
        Source s = pool.current(source);
        if (pool.usesGet(source) && s.hasIndex()) {
            return new RequestTarget.ByIndex(s.index(), s.name()).path();
        }
        return new RequestTarget.ByUrn(urn).path();
    }

    @Override
    public boolean askByIndex(Source source) {
        if (pool.usesGet(source) || !pool.current(source).hasIndex()) {
            return false;
        }
        pool.useGet(source);
        return true;
    }

    @Override
    public List<InetSocketAddress> alternatesFor(Source source) {
        return pool.good(source, MAX_ALT_SENT);
    }

    @Override
    public void learn(List<InetSocketAddress> locations) {
        if (locations.isEmpty()) {
            return;
        }
        setup.mesh().add(urn, locations);
        for (InetSocketAddress a : locations) {
            if (pool.add(Source.of(a))) {
                wake.run();
            }
        }
    }

    @Override
    public void offersTree(Source source, XThexUri offer) {
        trees.offer(source, offer);
    }

    @Override
    public Optional<String> treeToFetch(Source source) {
        return stopped() ? Optional.empty() : trees.toFetch(source);
    }

    @Override
    public void treeArrived(Source source, byte[] body) {
        trees.arrived(source, body);
        wake.run();
    }

    @Override
    public void treeFailed(Source source) {
        trees.failed(source);
    }

    @Override
    public void ended(Source source, Exception why) {
        if (why instanceof Busy busy) {
            long wait = retryDelay(busy.retryAfter).toMillis();
            log.debug("{} busy, retry in {} ms", source, wait);
            pool.busy(source, clock.millis(), wait, busy.queuePosition);
        } else if (why instanceof Useless) {
            log.info("dropping source {}: {}", source, why.getMessage());
            pool.drop(source);
        } else if (why instanceof LocalIoException) {
            localFailure = (IOException) why.getCause();
        } else if (why instanceof IOException) {
            if (!stopped() && !chunks.allDone()) {
                log.debug("source {} failed: {}", source, why.toString());
                pool.failed(source, clock.millis());
            }
        } else if (why != null) {
            log.warn("source {} worker crashed", source, why);
            pool.drop(source);
        }
        pool.finished(source);
        workers.remove(source);
        wake.run();
    }

    private boolean stopped() {
        return stopping || localFailure != null;
    }

    private Duration retryDelay(Duration asked) {
        Duration d = asked == null ? DEFAULT_RETRY_AFTER : asked;
        Duration max = setup.config().maxRetryAfter();
        Duration capped = d.compareTo(max) > 0 ? max : d;
        return capped.compareTo(MIN_RETRY_AFTER) < 0 ? MIN_RETRY_AFTER : capped;
    }

    /** Credits the source when its copy made the chunk done; others may then hear of it in X-Alt. */
    private boolean done(int chunk, Source source, boolean done) {
        if (done) {
            pool.delivered(source, chunks.range(chunk).length());
            if (!pool.pushFirst(source)) {
                // Others can use it as an alternate location only if it can be dialled.
                setup.mesh().add(urn, List.of(source.address()));
            }
        }
        wake.run();
        return done;
    }
}
