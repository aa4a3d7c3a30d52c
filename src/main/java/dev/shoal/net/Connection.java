package dev.shoal.net;

import dev.shoal.protocol.Bye;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.handshake.HandshakeHeaders;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * One established Gnutella link (the handshake is over). Thread safe: {@link #send} and
 * {@link #close} may be called from any thread and never block.
 */
public interface Connection {
    /** Unique within this process, increasing. */
    long id();

    InetSocketAddress remoteAddress();

    /** Where the peer says it listens ({@code Listen-IP}, {@code X-My-Address} or {@code Node}). */
    Optional<InetSocketAddress> listenAddress();

    /** The peer's handshake headers: its request if it connected to us, its response if we connected. */
    HandshakeHeaders peerHeaders();

    boolean isOutgoing();

    /** The peer announced itself as an ultrapeer ({@code X-Ultrapeer: True}). */
    boolean isUltrapeer();

    String userAgent();

    Instant since();

    boolean isCompressedIn();

    boolean isCompressedOut();

    boolean isOpen();

    ConnectionStats stats();

    /**
     * Queues a frame for this peer. Never blocks: if the link's queue is full, lesser frames (or
     * this one) are dropped. Returns false if this frame was dropped or the link is closing.
     */
    boolean send(Frame frame);

    /** Sends the Bye (if the peer understands Bye) and closes once it is written. */
    void close(Bye bye);
}
