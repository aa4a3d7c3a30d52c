package dev.shoal.net;

import dev.shoal.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.file.DefaultFileRegion;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.IoSession;

/**
 * {@link HttpSession} over a MINA session. Incoming bytes are queued by the handler and read by
 * the gateway's thread; past {@link #READ_AHEAD} bytes the socket stops being read until the
 * gateway catches up. Writes wait when too much is still unsent, which gives a slow reader
 * back-pressure instead of filling the heap.
 *
 * <p>It also keeps what the network timer needs to reap slow and idle clients ({@link #overdue}),
 * on the injected clock: when the bytes of a request head began to be read (a request we serve
 * must be read whole within the head timeout, however it trickles in), how far our answer got
 * (it must progress by {@link PeerLimits#STALL_PROGRESS_BYTES} per stall time) and when anything
 * last moved (idle timeout).
 */
final class MinaHttpSession implements HttpSession {
    static final int READ_AHEAD = 256 * 1024;
    private static final long WRITE_AHEAD = 256 * 1024;
    /** How often a writer waiting on a slow reader checks that the session is still open. */
    private static final long CLOSE_CHECK_MILLIS = 200;
    private static final long NONE = Long.MIN_VALUE;

    private final IoSession session;
    private final String firstLine;
    private final Clock clock;
    /** We answer requests on it; false for a push callback, where we send requests and read answers. */
    private final boolean serving;
    /** When the gateway took the first byte of a request after our last write, or NONE. */
    private long headSinceMillis = NONE;
    private long lastActivityMillis;
    private long stallMarkMillis;
    private long stallMarkWritten;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private final InputStream in = new QueueInput();
    private final OutputStream out = new SessionOutput();
    private int queued;
    private int offset;
    private boolean eof;
    private boolean suspended;
    private WriteFuture lastWrite;

    MinaHttpSession(IoSession session, String firstLine, Clock clock) {
        this.session = session;
        this.firstLine = firstLine;
        this.clock = clock;
        this.serving = !firstLine.startsWith("GIV ");
        this.lastActivityMillis = clock.millis();
        this.stallMarkMillis = lastActivityMillis;
    }

    @Override
    public String firstLine() {
        return firstLine;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) session.getRemoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) session.getLocalAddress();
    }

    @Override
    public InputStream in() {
        return in;
    }

    @Override
    public OutputStream out() {
        return out;
    }

    @Override
    public void sendFile(Path file, long offset, long length) throws IOException {
        out.flush();
        wrote();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            WriteFuture f = session.write(new DefaultFileRegion(channel, offset, length));
            await(f);
        }
    }

    @Override
    public boolean isOpen() {
        return session.isConnected() && !session.isClosing();
    }

    @Override
    public void close() {
        session.closeOnFlush();
    }

    /** Called by the handler, in arrival order. */
    synchronized void feed(byte[] bytes) {
        lastActivityMillis = clock.millis();
        chunks.addLast(bytes);
        queued += bytes.length;
        if (queued > READ_AHEAD && !suspended) {
            suspended = true;
            ReadGate.close(session, ReadGate.READ_AHEAD);
        }
        notifyAll();
    }

    synchronized void endOfInput() {
        eof = true;
        notifyAll();
    }

    /**
     * Why the session must be closed at {@code now}, or null: a request head we serve that has
     * been coming in for longer than the head timeout; an answer the client reads too slowly; or
     * nothing moving either way for the idle timeout.
     */
    synchronized DropReason overdue(long now, PeerLimits limits, long idleMillis) {
        long written = session.getWrittenBytes();
        if (session.getScheduledWriteBytes() == 0 || written - stallMarkWritten >= PeerLimits.STALL_PROGRESS_BYTES) {
            if (written != stallMarkWritten) {
                lastActivityMillis = now;
            }
            stallMarkMillis = now;
            stallMarkWritten = written;
        } else if (now - stallMarkMillis >= limits.httpStall().toMillis()) {
            return DropReason.HTTP_SLOW_READER;
        }
        if (serving && headSinceMillis != NONE && now - headSinceMillis >= limits.httpHeadTimeout().toMillis()) {
            return DropReason.HTTP_HEAD_TIMEOUT;
        }
        if (now - lastActivityMillis >= idleMillis) {
            return DropReason.HTTP_IDLE;
        }
        return null;
    }

    private synchronized void wrote() {
        headSinceMillis = NONE;
        lastActivityMillis = clock.millis();
    }

    /**
     * Waits for a write, or for the session to close. A write queued while the session was being
     * closed (a slow reader reaped by the timer) is never completed by MINA, and a writer waiting on
     * it alone held its thread for good; so the wait looks at the session between short waits.
     */
    private void await(WriteFuture f) throws IOException {
        try {
            while (!f.await(CLOSE_CHECK_MILLIS)) {
                if (session.getCloseFuture().isClosed() || session.isClosing()) {
                    throw new IOException("write failed: connection closed");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
        if (!f.isWritten()) {
            throw new IOException("write failed: " + (f.getException() == null ? "connection closed" : f.getException().getMessage()),
                    f.getException());
        }
    }

    private final class QueueInput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            synchronized (MinaHttpSession.this) {
                while (chunks.isEmpty()) {
                    if (eof) {
                        return -1;
                    }
                    try {
                        MinaHttpSession.this.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while reading");
                    }
                }
                if (headSinceMillis == NONE) {
                    headSinceMillis = clock.millis();
                }
                byte[] head = chunks.peekFirst();
                int n = Math.min(len, head.length - offset);
                System.arraycopy(head, offset, b, off, n);
                offset += n;
                queued -= n;
                if (offset == head.length) {
                    chunks.pollFirst();
                    offset = 0;
                }
                if (suspended && queued < READ_AHEAD / 2) {
                    suspended = false;
                    ReadGate.open(session, ReadGate.READ_AHEAD);
                }
                return n;
            }
        }

        @Override
        public int available() {
            synchronized (MinaHttpSession.this) {
                return queued;
            }
        }
    }

    private final class SessionOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!isOpen()) {
                throw new IOException("connection closed");
            }
            if (len == 0) {
                return;
            }
            wrote();
            byte[] copy = new byte[len];
            System.arraycopy(b, off, copy, 0, len);
            WriteFuture f = session.write(IoBuffer.wrap(copy));
            lastWrite = f;
            if (session.getScheduledWriteBytes() > WRITE_AHEAD) {
                await(f);
            }
        }

        @Override
        public void flush() throws IOException {
            WriteFuture f = lastWrite;
            if (f != null) {
                await(f);
            }
        }
    }
}
