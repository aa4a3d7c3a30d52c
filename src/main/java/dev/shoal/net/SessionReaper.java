package dev.shoal.net;

import dev.shoal.protocol.Bye;
import java.io.IOException;
import java.util.Collection;
import org.apache.mina.core.session.IoSession;

/**
 * The network timer's sweep over every socket: what has waited too long is closed, each for its
 * reason. Sockets still in their handshake (or still sending their first HTTP head) get the
 * handshake timeout in all, however slowly their bytes come; links are pinged when quiet, closed
 * when silent for the idle timeout (Bye 405), when their Bye goes unread, or when their send
 * queue stays in flow control for the send-stall time (Bye 502); HTTP sessions are closed when a
 * later request's head takes too long, when the client reads our answer too slowly, or when
 * nothing moves for the idle timeout. Every reading of time is the caller's {@code now}, from the
 * injected clock.
 */
final class SessionReaper {
    private static final long BYE_GRACE_MILLIS = 2_000;

    private final NetConfig config;
    private final PeerLimits limits;

    SessionReaper(NetConfig config) {
        this.config = config;
        this.limits = config.peerLimits();
    }

    void sweep(long now, Collection<IoSession> sessions, Collection<PeerConnection> links) {
        long handshake = config.handshakeTimeout().toMillis();
        long idle = config.idleTimeout().toMillis();
        for (IoSession s : sessions) {
            SessionContext ctx = SessionContext.of(s);
            if (ctx == null || s.isClosing()) {
                continue;
            }
            if (ctx.isHandshaking() && now - ctx.startedMillis >= handshake) {
                ctx.closeReason(DropReason.HANDSHAKE_TIMEOUT, "handshake timeout");
                if (ctx.future != null) {
                    ctx.future.completeExceptionally(new IOException("handshake timed out"));
                }
                s.closeNow();
            } else if (ctx.http != null) {
                DropReason overdue = ctx.http.overdue(now, limits, idle);
                if (overdue != null) {
                    ctx.closeReason(overdue, overdue.description());
                    s.closeNow();
                }
            }
        }
        for (PeerConnection c : links) {
            sweep(now, c);
        }
    }

    private void sweep(long now, PeerConnection c) {
        if (c.closeStuck(now, BYE_GRACE_MILLIS)) {
            // Counted under the reason it was closed for, recorded with its Bye.
            c.session().closeNow();
            return;
        }
        long congested = c.congestedSince();
        if (congested >= 0 && now - congested >= limits.sendStall().toMillis()) {
            c.closeFor(DropReason.SEND_QUEUE_FULL, new Bye(Bye.SEND_QUEUE_FULL, "Send queue full"));
            return;
        }
        switch (KeepAlive.decide(c.lastReceivedMillis, c.lastPingMillis, now,
                config.keepAliveInterval().toMillis(), config.idleTimeout().toMillis())) {
            case PING -> c.keepAlivePing();
            case CLOSE -> c.closeFor(DropReason.IDLE, new Bye(Bye.IDLE, "Idle timeout"));
            default -> {
            }
        }
    }
}
