package dev.shoal.net;

import dev.shoal.time.Clock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections on our port that are not Gnutella links (HTTP requests, push callbacks): each
 * gets a thread of its own to run the {@link HttpGateway} on, up to {@link #MAX_SESSIONS} at once
 * and no more than its address's share ({@link Gatekeeper}). The pool has exactly that many
 * threads and no queue: a session either gets a thread now or a 503.
 */
final class HttpSessions {
    private static final Logger LOG = LoggerFactory.getLogger(HttpSessions.class);
    static final int MAX_SESSIONS = 32;
    private static final byte[] NOT_FOUND =
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BUSY =
            "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Clock clock;
    private final ThreadPoolExecutor threads;
    private final Semaphore slots = new Semaphore(MAX_SESSIONS);
    private volatile HttpGateway gateway;

    HttpSessions(Clock clock, ThreadFactory threadFactory) {
        this.clock = clock;
        // A session's slot is given back just before its thread is: a few spare threads keep the
        // pool from refusing a session the semaphore has just let in.
        this.threads = new ThreadPoolExecutor(0, MAX_SESSIONS + 4, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                threadFactory);
    }

    void setGateway(HttpGateway gateway) {
        this.gateway = gateway;
    }

    /** Sessions being served now. */
    int active() {
        return MAX_SESSIONS - slots.availablePermits();
    }

    /**
     * Hands the session to the gateway on a thread of its own, its stream view kept in
     * {@code ctx.http} for the bytes that follow; or answers 404 (no gateway) or 503 (too many
     * sessions, or too many from this address: {@code admitted} false) and closes it.
     */
    void start(IoSession session, SessionContext ctx, String firstLine, boolean admitted) {
        HttpGateway g = gateway;
        if (g == null) {
            refuse(session, ctx, DropReason.CLOSED_BY_US, "HTTP without a gateway", NOT_FOUND);
            return;
        }
        if (!admitted) {
            refuse(session, ctx, DropReason.ADDRESS_HTTP, "too many HTTP sessions from this address", BUSY);
            return;
        }
        if (!slots.tryAcquire()) {
            refuse(session, ctx, DropReason.HTTP_FULL, "too many HTTP sessions", BUSY);
            return;
        }
        MinaHttpSession http = new MinaHttpSession(session, firstLine, clock);
        ctx.http = http;
        try {
            threads.execute(() -> {
                try {
                    g.serve(http);
                } catch (IOException | RuntimeException e) {
                    LOG.debug("HTTP session from {} ended: {}", session.getRemoteAddress(), e.toString());
                } finally {
                    slots.release();
                    http.close();
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release();
            refuse(session, ctx, DropReason.HTTP_FULL, "no thread for an HTTP session", BUSY);
        }
    }

    private static void refuse(IoSession session, SessionContext ctx, DropReason reason, String why, byte[] answer) {
        ctx.closeReason(reason, why);
        session.write(IoBuffer.wrap(answer));
        session.closeOnFlush();
    }

    void shutdown() {
        threads.shutdownNow();
    }
}
