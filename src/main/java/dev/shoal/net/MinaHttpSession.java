package dev.shoal.net;

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
 */
final class MinaHttpSession implements HttpSession {
    static final int READ_AHEAD = 256 * 1024;
    private static final long WRITE_AHEAD = 256 * 1024;

    private final IoSession session;
    private final String firstLine;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private final InputStream in = new QueueInput();
    private final OutputStream out = new SessionOutput();
    private int queued;
    private int offset;
    private boolean eof;
    private boolean suspended;
    private WriteFuture lastWrite;

    MinaHttpSession(IoSession session, String firstLine) {
        this.session = session;
        this.firstLine = firstLine;
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
        chunks.addLast(bytes);
        queued += bytes.length;
        if (queued > READ_AHEAD && !suspended) {
            suspended = true;
            session.suspendRead();
        }
        notifyAll();
    }

    synchronized void endOfInput() {
        eof = true;
        notifyAll();
    }

    private void await(WriteFuture f) throws IOException {
        try {
            f.await();
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
                    session.resumeRead();
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
