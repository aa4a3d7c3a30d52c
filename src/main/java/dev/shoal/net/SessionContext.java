package dev.shoal.net;

import dev.shoal.protocol.handshake.HandshakeMessage;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;

/**
 * What the handler remembers about one socket while it goes from first byte to established link
 * (or HTTP). Fields are touched only from that session's ordered events, except {@code closeReason},
 * which the timer may set before closing.
 */
final class SessionContext {
    private static final AttributeKey KEY = new AttributeKey(SessionContext.class, "context");

    final boolean outgoing;
    final long startedMillis;
    /** Completed with the link when we dialled; null for accepted sessions. */
    final CompletableFuture<Connection> future;
    /** Our answer went out and we wait for the peer's final 200 (acceptor side). */
    HandshakeMessage request;
    boolean deflateOut;
    /** A slot is held for this session until it is established or closed. */
    boolean reserved;
    boolean reservedAsLeaf;
    PeerConnection connection;
    MinaHttpSession http;
    volatile String closeReason;
    /** Why it closed, for the drop counters; set with {@link #closeReason}, the first one wins. */
    volatile DropReason closeCause;
    /** What it holds of its address's share ({@link AddressLimits}); guarded by that class. */
    InetAddress heldAddress;
    int held;

    SessionContext(boolean outgoing, long startedMillis, CompletableFuture<Connection> future) {
        this.outgoing = outgoing;
        this.startedMillis = startedMillis;
        this.future = future;
    }

    static SessionContext of(IoSession session) {
        return (SessionContext) session.getAttribute(KEY);
    }

    void attach(IoSession session) {
        session.setAttribute(KEY, this);
    }

    boolean isHandshaking() {
        return connection == null && http == null;
    }

    /** Records why the session closes; only the first reason given is kept. */
    synchronized void closeReason(DropReason cause, String why) {
        if (closeReason == null) {
            closeReason = why;
            closeCause = cause;
        }
    }
}
