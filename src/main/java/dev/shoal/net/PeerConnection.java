package dev.shoal.net;

import dev.shoal.net.WireMessages.FrameBatch;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.handshake.HandshakeHeaders;
import dev.shoal.protocol.handshake.HandshakeResponder;
import dev.shoal.time.Clock;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An established link over a MINA session. Outgoing frames wait in a bounded {@link SendQueue};
 * at most one batch is handed to MINA at a time, and the next one goes when it is written, so a
 * peer that stops reading fills our queue (which then drops its least useful frames, counted as
 * {@link DropReason#FLOW_CONTROL}) rather than MINA's (which would grow without bound). The link
 * is in flow control from the moment its queue is more than half full until it is down to a
 * quarter; one that stays in flow control too long is closed ({@link #congestedSince}). All queue
 * and write state is guarded by {@code this}.
 */
final class PeerConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(PeerConnection.class);
    private static final int BATCH_BYTES = 16 * 1024;
    /** Flow control comes on above this share of the send queue (1/n), and goes off at {@link #FLOW_OFF_SHARE}. */
    static final int FLOW_ON_SHARE = 2;
    static final int FLOW_OFF_SHARE = 4;
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final IoSession session;
    private final Clock clock;
    private final HandshakeHeaders headers;
    private final boolean outgoing;
    private final boolean compressedIn;
    private final boolean compressedOut;
    private final Instant since;
    private final SendQueue queue;
    private final int queueLimit;
    private final DropCounters drops;
    private final Optional<InetSocketAddress> listenAddress;
    private final AtomicLong framesIn = new AtomicLong();
    private final AtomicLong frameBytesIn = new AtomicLong();
    private long framesOut;
    private long frameBytesOut;
    private boolean inFlight;
    private boolean closing;
    private long closingSinceMillis;
    /** The code of the Bye we closed the link with, or 0. */
    private volatile int ourBye;
    /** Since when the send queue has been in flow control, or -1. */
    private long congestedSinceMillis = -1;
    volatile long lastReceivedMillis;
    volatile long lastPingMillis;

    /** Times kept in {@code *Millis} fields are the clock's monotonic milliseconds. */
    PeerConnection(IoSession session, HandshakeHeaders headers, boolean outgoing, boolean compressedIn,
            boolean compressedOut, int sendQueueBytes, Clock clock, DropCounters drops) {
        this.session = session;
        this.clock = clock;
        this.headers = headers;
        this.outgoing = outgoing;
        this.compressedIn = compressedIn;
        this.compressedOut = compressedOut;
        this.since = Instant.ofEpochMilli(clock.currentTimeMillis());
        this.queue = new SendQueue(sendQueueBytes);
        this.queueLimit = sendQueueBytes;
        this.drops = drops;
        this.listenAddress = HandshakeResponder.listenAddressOf(headers);
        long now = clock.millis();
        this.lastReceivedMillis = now;
        this.lastPingMillis = now;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) session.getRemoteAddress();
    }

    @Override
    public Optional<InetSocketAddress> listenAddress() {
        return listenAddress;
    }

    @Override
    public HandshakeHeaders peerHeaders() {
        return headers;
    }

    @Override
    public boolean isOutgoing() {
        return outgoing;
    }

    @Override
    public boolean isUltrapeer() {
        return headers.isTrue("X-Ultrapeer");
    }

    @Override
    public String userAgent() {
        return headers.get("User-Agent").orElse("");
    }

    @Override
    public Instant since() {
        return since;
    }

    @Override
    public boolean isCompressedIn() {
        return compressedIn;
    }

    @Override
    public boolean isCompressedOut() {
        return compressedOut;
    }

    @Override
    public synchronized boolean isOpen() {
        return !closing && session.isConnected() && !session.isClosing();
    }

    @Override
    public synchronized ConnectionStats stats() {
        return new ConnectionStats(framesIn.get(), framesOut, frameBytesIn.get(), frameBytesOut,
                session.getReadBytes(), session.getWrittenBytes(), queue.dropped(), queue.bytes());
    }

    @Override
    public boolean send(Frame frame) {
        boolean overloaded;
        boolean queued;
        synchronized (this) {
            if (closing) {
                return false;
            }
            long droppedBefore = queue.dropped();
            queued = queue.offer(frame);
            drops.count(DropReason.FLOW_CONTROL, queue.dropped() - droppedBefore);
            overloaded = queue.overloaded();
            flowControl();
            if (!overloaded) {
                pump();
            }
        }
        if (overloaded) {
            LOG.info("{}: peer does not read, {} bytes of undroppable frames queued", this, queue.bytes());
            closeFor(DropReason.SEND_QUEUE_FULL, new Bye(Bye.SEND_QUEUE_FULL, "Send queue full"));
        }
        return queued;
    }

    /** Hands the next batch to MINA unless one is still being written. Caller holds the lock. */
    private void pump() {
        if (inFlight || queue.isEmpty() || closing) {
            return;
        }
        if (!session.isConnected() || session.isClosing()) {
            queue.clear();
            return;
        }
        List<Frame> batch = queue.drain(BATCH_BYTES);
        inFlight = true;
        framesOut += batch.size();
        for (Frame f : batch) {
            frameBytesOut += f.size();
        }
        WriteFuture written = session.write(new FrameBatch(batch));
        written.addListener(f -> onWritten());
    }

    private synchronized void onWritten() {
        inFlight = false;
        pump();
        flowControl();
    }

    /** On above half the queue, off at a quarter or less (the RFC's recipe). Caller holds the lock. */
    private void flowControl() {
        int bytes = queue.bytes();
        if (congestedSinceMillis < 0 && bytes > queueLimit / FLOW_ON_SHARE) {
            congestedSinceMillis = clock.millis();
        } else if (congestedSinceMillis >= 0 && bytes <= queueLimit / FLOW_OFF_SHARE) {
            congestedSinceMillis = -1;
        }
    }

    /** Since when (clock millis) the link has been in flow control, or -1 if it is not. */
    synchronized long congestedSince() {
        return congestedSinceMillis;
    }

    /** Closes with {@code bye}, counted under {@code reason} unless a reason was recorded before. */
    void closeFor(DropReason reason, Bye bye) {
        SessionContext ctx = SessionContext.of(session);
        if (ctx != null) {
            ctx.closeReason(reason, "we said Bye " + bye.code() + " " + bye.reason());
        }
        close(bye);
    }

    void keepAlivePing() {
        lastPingMillis = clock.millis();
        send(new Frame(new Header(Guid.random(), MessageType.PING, 1, 0, 0), new byte[0]));
    }

    void received(Frame frame) {
        lastReceivedMillis = clock.millis();
        framesIn.incrementAndGet();
        frameBytesIn.addAndGet(frame.size());
    }

    @Override
    public void close(Bye bye) {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            closingSinceMillis = clock.millis();
            ourBye = bye == null ? 0 : bye.code();
            queue.clear();
            SessionContext ctx = SessionContext.of(session);
            if (ctx != null) {
                ctx.closeReason(bye == null ? DropReason.CLOSED_BY_US : DropReason.forBye(bye.code()),
                        bye == null ? "closed" : "we said Bye " + bye.code() + " " + bye.reason());
            }
            // RFC: only peers that announced Bye-Packet expect one; others just see the socket close.
            if (bye != null && headers.contains("Bye-Packet") && session.isConnected()) {
                byte[] payload = bye.encode();
                Frame frame = new Frame(new Header(Guid.random(), MessageType.BYE, 1, 0, payload.length), payload);
                session.write(new FrameBatch(List.of(frame)));
            }
        }
        session.closeOnFlush();
    }

    /** True when we ended the link ourselves on purpose: Bye 200 (shutdown, or a change of role). */
    boolean endedByUs() {
        return ourBye == Bye.SHUTDOWN;
    }

    /** A Bye that the peer does not read must not keep the socket forever. */
    synchronized boolean closeStuck(long nowMillis, long graceMillis) {
        return closing && nowMillis - closingSinceMillis >= graceMillis;
    }

    IoSession session() {
        return session;
    }

    @Override
    public String toString() {
        return "Connection#" + id + "[" + remoteAddress() + (outgoing ? " out" : " in")
                + (isUltrapeer() ? " UP" : " leaf") + "]";
    }
}
