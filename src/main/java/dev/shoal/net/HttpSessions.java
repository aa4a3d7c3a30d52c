package dev.shoal.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections on our port that are not Gnutella links (HTTP requests, push callbacks): each
 * gets a thread of its own to run the {@link HttpGateway} on, up to {@link #MAX_SESSIONS} at once.
 */
final class HttpSessions {
    private static final Logger LOG = LoggerFactory.getLogger(HttpSessions.class);
    static final int MAX_SESSIONS = 32;
    private static final byte[] NOT_FOUND =
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BUSY =
            "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Duration idleTimeout;
    private final ExecutorService threads;
    private final Semaphore slots = new Semaphore(MAX_SESSIONS);
    private volatile HttpGateway gateway;

    HttpSessions(Duration idleTimeout, ThreadFactory threadFactory) {
        this.idleTimeout = idleTimeout;
        this.threads = Executors.newCachedThreadPool(threadFactory);
    }

    void setGateway(HttpGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Hands the session to the gateway on a thread of its own, its stream view kept in
     * {@code ctx.http} for the bytes that follow; or answers 404 (no gateway) or 503 (too many
     * sessions) and closes it.
     */
    void start(IoSession session, SessionContext ctx, String firstLine) {
        HttpGateway g = gateway;
        if (g == null || !slots.tryAcquire()) {
            ctx.closeReason(g == null ? "HTTP without a gateway" : "too many HTTP sessions");
            session.write(IoBuffer.wrap(g == null ? NOT_FOUND : BUSY));
            session.closeOnFlush();
            return;
        }
        MinaHttpSession http = new MinaHttpSession(session, firstLine);
        ctx.http = http;
        session.getConfig().setIdleTime(IdleStatus.BOTH_IDLE, (int) Math.max(1, idleTimeout.toSeconds()));
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
    }

    void shutdown() {
        threads.shutdownNow();
    }
}
