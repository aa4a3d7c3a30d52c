package dev.shoal.transfer.download;

import dev.shoal.time.Clock;
import dev.shoal.transfer.http.ByteRange;
import dev.shoal.transfer.http.HttpHead;
import dev.shoal.transfer.http.HttpHeadReader;
import dev.shoal.transfer.http.HttpHeader;
import dev.shoal.transfer.http.HttpProtocolException;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * A persistent HTTP/1.1 client connection to one source. One request is outstanding at a time
 * (no pipelining); the caller reads the body with {@link #read(ByteBuffer)} before the next
 * request. {@link #close()} may be called from another thread to abort a blocked read.
 *
 * <p>The link underneath comes from an {@link Opener}: a dialled socket or a pushed connection.
 * Bodies are read from it straight into the caller's buffer. A read has no timeout of its own:
 * {@link #stalledNanos(long)} tells the download's watchdog how long the current read has been
 * waiting, and the watchdog closes the connection.
 */
final class SourceConnection implements Closeable {
    /**
     * Makes a new link to the source. It may wait (for a GIV), but must give up once
     * {@code aborted} completes; it never completes it itself.
     */
    @FunctionalInterface
    interface Opener {
        SourceLink open(CompletableFuture<Void> aborted) throws IOException;
    }

    /** Holds response heads (read byte by byte from here) and body bytes that came with them. */
    private static final int HEAD_BUFFER = 16 * 1024;

    private final InetSocketAddress address;
    private final String userAgent;
    private final Clock clock;
    private final LongConsumer bodyBytes;
    private final Opener opener;
    private final ByteBuffer buffered = ByteBuffer.allocate(HEAD_BUFFER).flip();
    private final InputStream headStream = new HeadStream();
    private final CompletableFuture<Void> aborted = new CompletableFuture<>();
    private volatile SourceLink link;
    /** The clock's reading when the current wait for the source began; 0 when not waiting. */
    private volatile long waitingSince;
    private boolean reused;

    /**
     * @param address names the source in the requests' Host header
     * @param bodyBytes told of every body byte read (skipped ones too), for the download's speed
     */
    SourceConnection(InetSocketAddress address, String userAgent, Clock clock, LongConsumer bodyBytes,
            Opener opener) {
        this.address = address;
        this.userAgent = userAgent;
        this.clock = clock;
        this.bodyBytes = bodyBytes;
        this.opener = opener;
    }

    /**
     * Sends a GET (for {@code range}, or the whole resource when null) and reads the response head. A reused connection that turns out to be closed
     * by the server before answering is reopened once, silently: idle keep-alive connections die.
     */
    HttpHead get(String target, ByteRange range, List<HttpHeader> headers) throws IOException {
        byte[] request = request(target, range, headers);
        for (int attempt = 0; ; attempt++) {
            boolean wasReused = open();
            try {
                link().write(ByteBuffer.wrap(request));
                HttpHead head = HttpHeadReader.read(headStream);
                if (head == null) {
                    throw new EOFException("connection closed before the answer");
                }
                reused = true;
                return head;
            } catch (IOException e) {
                close();
                if (aborted.isDone() || !wasReused || attempt > 0 || e instanceof HttpProtocolException) {
                    throw e;
                }
            }
        }
    }

    /**
     * Reads body bytes into {@code dst}: first those that arrived with the head, then from the
     * socket. Returns how many, at least 1 unless {@code dst} is full, or -1 at end of stream.
     */
    int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        int n;
        if (buffered.hasRemaining()) {
            n = Math.min(buffered.remaining(), dst.remaining());
            dst.put(buffered.slice(buffered.position(), n));
            buffered.position(buffered.position() + n);
        } else {
            n = timedRead(dst);
        }
        if (n > 0) {
            bodyBytes.accept(n);
        }
        return n;
    }

    /** Reads and drops {@code n} body bytes. */
    void skip(long n) throws IOException {
        ByteBuffer sink = ByteBuffer.allocate((int) Math.min(n, HEAD_BUFFER));
        long left = n;
        while (left > 0) {
            sink.clear().limit((int) Math.min(sink.capacity(), left));
            if (read(sink) < 0) {
                throw new EOFException("body ended early");
            }
            left -= sink.position();
        }
    }

    /** How long the current read has been waiting for the source at {@code nowNanos}; 0 when idle. */
    long stalledNanos(long nowNanos) {
        long since = waitingSince;
        return since == 0 ? 0 : Math.max(0, nowNanos - since);
    }

    /** Closes for good: a later request fails instead of reconnecting. Callable from any thread. */
    void abort() {
        aborted.complete(null);
        close();
    }

    private int timedRead(ByteBuffer dst) throws IOException {
        SourceLink l = link();
        long now = clock.nanoTime();
        waitingSince = now == 0 ? 1 : now;
        try {
            return l.read(dst);
        } finally {
            waitingSince = 0;
        }
    }

    private SourceLink link() throws IOException {
        SourceLink l = link;
        if (l == null) {
            throw new EOFException("connection closed");
        }
        return l;
    }

    private boolean open() throws IOException {
        if (aborted.isDone()) {
            throw new IOException("connection aborted");
        }
        if (link != null) {
            return reused;
        }
        link = opener.open(aborted);
        if (aborted.isDone()) {
            close();
            throw new IOException("connection aborted");
        }
        buffered.clear().flip();
        reused = false;
        return false;
    }

    private byte[] request(String target, ByteRange range, List<HttpHeader> headers) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("GET ").append(target).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(address.getAddress().getHostAddress()).append(':').append(address.getPort())
                .append("\r\n");
        sb.append("User-Agent: ").append(userAgent).append("\r\n");
        if (range != null) {
            sb.append("Range: ").append(range.rangeHeader()).append("\r\n");
        }
        for (HttpHeader h : headers) {
            sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        SourceLink l = link;
        link = null;
        if (l != null) {
            l.close();
        }
    }

    /** Byte-at-a-time view for {@link HttpHeadReader}, refilled from the socket a block at a time. */
    private final class HeadStream extends InputStream {
        @Override
        public int read() throws IOException {
            if (!buffered.hasRemaining()) {
                buffered.clear();
                int n;
                try {
                    n = timedRead(buffered);
                } finally {
                    buffered.flip();
                }
                if (n < 0) {
                    return -1;
                }
            }
            return buffered.get() & 0xFF;
        }
    }
}
