package dev.shoal.node;

import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadSource;
import dev.shoal.node.api.DownloadState;
import dev.shoal.node.api.SourceProgress;
import dev.shoal.node.api.SourceState;
import dev.shoal.node.api.ShoalException;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.TigerRoot;
import dev.shoal.protocol.Urn;
import dev.shoal.time.Clock;
import dev.shoal.transfer.download.DownloadListener;
import dev.shoal.transfer.download.DownloadProgress;
import dev.shoal.transfer.download.DownloadRequest;
import dev.shoal.transfer.download.IncompleteDownloads;
import dev.shoal.transfer.download.PreviewFile;
import dev.shoal.transfer.download.Source;
import dev.shoal.transfer.download.SwarmDownload;
import dev.shoal.transfer.download.SwarmSetup;
import dev.shoal.transfer.download.SwarmState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One download as the node manages it: waits for sources (and a size) while queued, runs a
 * {@link SwarmDownload} while active, and survives pause and resume by starting a new swarm over
 * the same part file, which fetches only the chunks still missing. The Tiger tree roots its
 * sources' hits named are passed on, for the swarm to check chunks as they arrive; the verified
 * start of the file can be copied out for a preview.
 */
final class ManagedDownload implements Download {
    private static final Logger log = LoggerFactory.getLogger(ManagedDownload.class);
    private static final long STOP_SECONDS = 5;

    private final Urn urn;
    private final SwarmSetup setup;
    private final Clock clock;
    private final Consumer<DownloadInfo> changes;
    private final Set<Source> sources = new LinkedHashSet<>();
    private final Set<TigerRoot> claimedRoots = new LinkedHashSet<>();
    private final TigerRoot givenRoot;
    private final CompletableFuture<Path> completion = new CompletableFuture<>();

    private String name;
    private long size;
    private SwarmDownload swarm;
    private SourceBreakdown breakdown;
    private SourceBreakdown.Snapshot lastBreakdown = SourceBreakdown.Snapshot.EMPTY;
    private DownloadProgress lastProgress;
    private DownloadState state = DownloadState.QUEUED;
    private String reason = "";
    private String path = "";
    private long verified;

    /**
     * {@code size} is -1 until a source or magnet tells it; {@code givenRoot} is the Tiger tree
     * root the user's link named (a bitprint), or null.
     */
    ManagedDownload(Urn urn, String name, long size, TigerRoot givenRoot, SwarmSetup setup,
            Consumer<DownloadInfo> changes) {
        this.urn = urn;
        this.givenRoot = givenRoot;
        this.name = name == null || name.isBlank() ? urn.base32() : name;
        this.size = size;
        this.setup = setup;
        this.clock = setup.scheduler().clock();
        this.changes = changes;
    }

    Urn urn() {
        return urn;
    }

    @Override
    public String id() {
        return urn.base32();
    }

    @Override
    public CompletableFuture<Path> completion() {
        return completion;
    }

    /** Whether the file has a name of its own yet (from the link or a hit), rather than its URN. */
    synchronized boolean named() {
        return !name.equals(urn.base32());
    }

    /** Learns the size and name from a hit when they were unknown. */
    synchronized void learn(String hitName, long hitSize) {
        if (size < 0 && hitSize >= 0) {
            size = hitSize;
            if (name.equals(urn.base32()) && hitName != null && !hitName.isBlank()) {
                name = hitName;
            }
        }
        startIfReady();
    }

    @Override
    public void addSource(DownloadSource s) {
        Source source = new Source(new InetSocketAddress(s.host(), s.port()),
                s.index() < 0 ? Source.NO_INDEX : s.index(), s.name(), serventId(s.serventId()), s.firewalled());
        TigerRoot root = tigerRoot(s.tigerRoot());
        SwarmDownload running;
        synchronized (this) {
            if (root != null) {
                claimedRoots.add(root);
            }
            if (!sources.add(source)) {
                return;
            }
            running = swarm;
        }
        if (running != null) {
            if (root != null) {
                running.claimTigerRoot(root);
            }
            running.addSource(source);
        }
        synchronized (this) {
            startIfReady();
        }
        publish();
    }

    private static TigerRoot tigerRoot(String base32) {
        try {
            return base32.isEmpty() ? null : TigerRoot.parse(base32);
        } catch (IllegalArgumentException e) {
            throw new ShoalException("not a Tiger tree root (39 base32 characters): " + base32);
        }
    }

    private static Guid serventId(String hex) {
        try {
            return hex.isEmpty() ? null : Guid.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw new ShoalException("not a servent id (32 hex digits): " + hex);
        }
    }

    /** Starts a swarm when queued with a known size and at least one source. */
    private void startIfReady() {
        if (state != DownloadState.QUEUED || size < 0 || sources.isEmpty() || swarm != null) {
            return;
        }
        DownloadRequest request = new DownloadRequest(urn, size, name, List.copyOf(sources), givenRoot);
        SwarmDownload s = new SwarmDownload(request, setup, new DownloadListener() {
                    @Override
                    public void onProgress(DownloadProgress progress) {
                        progressed(progress);
                    }

                    @Override
                    public void onSourceBanned(Source source, String why) {
                        log.warn("download {}: banned source {}: {}", name, source, why);
                    }
                });
        claimedRoots.forEach(s::claimTigerRoot);
        swarm = s;
        breakdown = new SourceBreakdown();
        state = DownloadState.DOWNLOADING;
        log.info("downloading {} ({} bytes) from {} known source(s)", name, size, sources.size());
        s.start().whenComplete((file, error) -> finished(s, file, error));
    }

    private void progressed(DownloadProgress p) {
        SwarmDownload running;
        SourceBreakdown counting;
        synchronized (this) {
            running = swarm;
            counting = breakdown;
        }
        // Taken outside the lock: the swarm's own locks must never wait for ours.
        SourceBreakdown.Snapshot details = running == null ? null
                : counting.update(running.sourceStats(), running.chunkOwners(), clock.nanoTime());
        synchronized (this) {
            if (details != null && swarm == running) {
                lastBreakdown = details;
            }
            lastProgress = p;
            if (running != null && swarm == running) {
                verified = Math.max(verified, running.verifiedPrefix());
            }
            if (p.state() == SwarmState.VERIFYING) {
                state = DownloadState.VERIFYING;
            }
        }
        publish();
    }

    private void finished(SwarmDownload s, Path file, Throwable error) {
        synchronized (this) {
            if (swarm != s) {
                return;
            }
            swarm = null;
            if (error == null) {
                state = DownloadState.DONE;
                path = file.toString();
                verified = size;
            } else if (state == DownloadState.PAUSED || state == DownloadState.CANCELLED) {
                return;
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (cause instanceof CancellationException) {
                    return;
                }
                state = DownloadState.FAILED;
                reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            }
        }
        discardPreview();
        if (error == null) {
            log.info("download {} done: {}", name, file);
            completion.complete(file);
        } else {
            log.warn("download {} failed: {}", name, reason);
            completion.completeExceptionally(new ShoalException(reason));
        }
        publish();
    }

    @Override
    public void pause() {
        SwarmDownload running;
        synchronized (this) {
            if (state.isFinished() || state == DownloadState.PAUSED) {
                return;
            }
            state = DownloadState.PAUSED;
            running = swarm;
            swarm = null;
        }
        if (running != null) {
            running.cancel();
        }
        publish();
    }

    @Override
    public void resume() {
        synchronized (this) {
            if (state != DownloadState.PAUSED) {
                return;
            }
            state = DownloadState.QUEUED;
            startIfReady();
        }
        publish();
    }

    @Override
    public void cancel() {
        SwarmDownload running;
        synchronized (this) {
            if (state.isFinished()) {
                return;
            }
            state = DownloadState.CANCELLED;
            running = swarm;
            swarm = null;
        }
        if (running != null) {
            running.cancel();
            running.result().handle((f, e) -> null).join();
        }
        try {
            IncompleteDownloads.discard(setup.incompleteDir(), urn);
        } catch (IOException e) {
            log.warn("cannot delete the partial data of {}: {}", name, e.getMessage());
        }
        discardPreview();
        completion.completeExceptionally(new CancellationException("cancelled"));
        publish();
    }

    @Override
    public Optional<Path> preview() {
        SwarmDownload running;
        long upTo;
        String file;
        synchronized (this) {
            if (state == DownloadState.DONE) {
                return Optional.of(Path.of(path));
            }
            running = swarm;
            if (running != null) {
                verified = Math.max(verified, running.verifiedPrefix());
            }
            upTo = verified;
            file = name;
        }
        if (running != null) {
            running.preferStart();
        }
        if (upTo == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(PreviewFile.update(setup.incompleteDir(), urn, file, upTo));
        } catch (IOException e) {
            synchronized (this) {
                if (state == DownloadState.DONE) {
                    return Optional.of(Path.of(path));
                }
            }
            throw new ShoalException("cannot write the preview of " + file + ": " + e.getMessage());
        }
    }

    private void discardPreview() {
        try {
            PreviewFile.discard(setup.incompleteDir(), urn, name);
        } catch (IOException e) {
            log.debug("cannot delete the preview of {}: {}", name, e.getMessage());
        }
    }

    /**
     * Stops the transfer without changing the state on disk, for node shutdown. Returns once the
     * swarm has recorded the chunks it holds (or after {@link #STOP_SECONDS}): a process that
     * exits next must not lose them.
     */
    void stop() {
        SwarmDownload running;
        synchronized (this) {
            running = swarm;
            swarm = null;
        }
        if (running != null) {
            running.cancel();
            try {
                running.result().handle((f, e) -> null).get(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.warn("download {} did not stop within {} s; its last chunks may be fetched again", name,
                        STOP_SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized DownloadInfo info() {
        DownloadProgress p = lastProgress;
        long done = p == null ? 0 : p.bytesDone();
        long speed = p == null || state != DownloadState.DOWNLOADING ? 0 : p.bytesPerSecond();
        int active = p == null || state != DownloadState.DOWNLOADING ? 0 : p.activeSources();
        if (state == DownloadState.DONE) {
            done = size;
        }
        return new DownloadInfo(id(), urn.toString(), name, size, done, speed, active, sources.size(), state, reason,
                path, perSource(), lastBreakdown.pieces(), verified);
    }

    /** Speeds are shown only while the download moves; a finished one keeps what each source delivered. */
    private List<SourceProgress> perSource() {
        if (state == DownloadState.DOWNLOADING) {
            return lastBreakdown.perSource();
        }
        return lastBreakdown.perSource().stream()
                .map(s -> new SourceProgress(s.address(), s.bytes(), 0, idleUnlessGivenUp(s.state())))
                .toList();
    }

    private static SourceState idleUnlessGivenUp(SourceState s) {
        return s == SourceState.GAVE_UP || s == SourceState.BANNED
                ? s : SourceState.IDLE;
    }

    private void publish() {
        changes.accept(info());
    }
}
