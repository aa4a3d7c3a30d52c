package dev.shoal.transfer.download;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens links to the sources of one download. A source is dialled, or asked by Push to connect to
 * us; the way that worked last (at first: Push for a firewalled hit, else dialling) is tried first
 * and the other way when that one cannot reach the source.
 */
final class SourceDialer {
    private static final Logger log = LoggerFactory.getLogger(SourceDialer.class);
    /** How often a wait for a GIV looks whether the download gave up on the source. */
    private static final long POLL_MILLIS = 100;

    private final SourcePool pool;
    private final PushRequester pusher;
    private final SwarmConfig config;

    SourceDialer(SourcePool pool, PushRequester pusher, SwarmConfig config) {
        this.pool = pool;
        this.pusher = pusher;
        this.config = config;
    }

    /** A new link to {@code source}; waiting for a GIV ends early once {@code aborted} is true. */
    SourceLink open(Source source, BooleanSupplier aborted) throws IOException {
        boolean pushFirst = pool.pushFirst(source);
        boolean fallback = pushFirst ? source.canDial() : source.canPush();
        try {
            return attempt(source, pushFirst, aborted);
        } catch (UnreachableSourceException first) {
            if (!fallback || aborted.getAsBoolean()) {
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

    private SourceLink attempt(Source source, boolean push, BooleanSupplier aborted) throws IOException {
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

    private SourceLink push(Source source, BooleanSupplier aborted) throws IOException {
        if (!source.canPush()) {
            throw new UnreachableSourceException(source + " cannot be pushed: its servent id is unknown");
        }
        CompletableFuture<SourceLink> pending = pusher.push(source);
        long deadline = System.nanoTime() + config.pushTimeout().toNanos();
        try {
            while (true) {
                try {
                    return pending.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (aborted.getAsBoolean()) {
                        throw new IOException("aborted while waiting for " + source + " to connect");
                    }
                    if (System.nanoTime() - deadline > 0) {
                        throw new UnreachableSourceException(source + " did not connect back within "
                                + config.pushTimeout().toSeconds() + " s of our Push");
                    }
                }
            }
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
            // A connection arriving after we stopped waiting is closed by the requester.
            pending.cancel(false);
        }
    }
}
