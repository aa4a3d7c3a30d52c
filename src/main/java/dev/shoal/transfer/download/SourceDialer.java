package dev.shoal.transfer.download;

import dev.shoal.time.Scheduler;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens links to the sources of one download. A source is dialled, or asked by Push to connect to
 * us; the way that worked last (at first: Push for a firewalled hit, else dialling) is tried first
 * and the other way when that one cannot reach the source. The wait for a pushed source to
 * connect back is timed on the scheduler, so that it can run on virtual time.
 */
final class SourceDialer {
    private static final Logger log = LoggerFactory.getLogger(SourceDialer.class);

    private final SourcePool pool;
    private final PushRequester pusher;
    private final SwarmConfig config;
    private final Scheduler scheduler;

    SourceDialer(SourcePool pool, PushRequester pusher, SwarmConfig config, Scheduler scheduler) {
        this.pool = pool;
        this.pusher = pusher;
        this.config = config;
        this.scheduler = scheduler;
    }

    /** A new link to {@code source}; waiting for a GIV ends early once {@code aborted} completes. */
    SourceLink open(Source source, CompletableFuture<Void> aborted) throws IOException {
        boolean pushFirst = pool.pushFirst(source);
        boolean fallback = pushFirst ? source.canDial() : source.canPush();
        try {
            return attempt(source, pushFirst, aborted);
        } catch (UnreachableSourceException first) {
            if (!fallback || aborted.isDone()) {
                throw first;
            }
            log.debug("{}: {}; trying {}", source, first.getMessage(), pushFirst ? "to dial it" : "a Push");
            try {
                return attempt(source, !pushFirst, aborted);
            } catch (IOException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private SourceLink attempt(Source source, boolean push, CompletableFuture<Void> aborted) throws IOException {
        SourceLink link = push ? push(source, aborted) : dial(source);
        pool.reachedByPush(source, push);
        return link;
    }

    private SourceLink dial(Source source) throws IOException {
        if (!source.canDial()) {
            throw new UnreachableSourceException(source + " has no address to dial");
        }
        try {
            return ChannelLink.connect(source.address(), config.connectTimeout());
        } catch (ConnectException | NoRouteToHostException | SocketTimeoutException e) {
            throw new UnreachableSourceException("cannot connect to " + source + ": " + e.getMessage(), e);
        }
    }

    private SourceLink push(Source source, CompletableFuture<Void> aborted) throws IOException {
        if (!source.canPush()) {
            throw new UnreachableSourceException(source + " cannot be pushed: its servent id is unknown");
        }
        CompletableFuture<SourceLink> pending = pusher.push(source);
        // Either way the wait ends by cancelling the Push: a connection arriving later is then
        // closed by the requester.
        AtomicBoolean timedOut = new AtomicBoolean();
        Scheduler.Cancellable timeout = scheduler.schedule(config.pushTimeout(), () -> {
            timedOut.set(true);
            pending.cancel(false);
        });
        aborted.thenRun(() -> pending.cancel(false));
        try {
            return pending.get();
        } catch (CancellationException e) {
            if (timedOut.get() && !aborted.isDone()) {
                throw new UnreachableSourceException(source + " did not connect back within "
                        + config.pushTimeout().toSeconds() + " s of our Push");
            }
            throw new IOException("aborted while waiting for " + source + " to connect");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("push to " + source + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + source + " to connect");
        } finally {
            timeout.cancel();
            pending.cancel(false);
        }
    }
}
