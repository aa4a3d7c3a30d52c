package dev.shoal.transfer.download;

import dev.shoal.protocol.Urn;
import dev.shoal.thex.Thex;
import dev.shoal.time.Clock;
import dev.shoal.transfer.http.ByteRange;
import dev.shoal.transfer.http.ContentRange;
import dev.shoal.transfer.http.HttpHead;
import dev.shoal.transfer.http.HttpHeader;
import dev.shoal.transfer.http.HttpProtocolException;
import dev.shoal.transfer.http.HttpResponse;
import dev.shoal.transfer.http.XAlt;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches chunks from one source over one persistent connection until nothing is left, the
 * source fails, or the download stops. Whatever Content-Range the source answers is honoured: a
 * shorter range is continued with another request, extra bytes are skipped.
 *
 * <p>A worker asks for a run of consecutive chunks in one request, as many as the source sends
 * in about {@link #RUN_SECONDS} at the speed it showed last, so a fast source is not slowed by
 * a round trip per chunk. The bytes of a run go from the socket into a direct buffer and from
 * there straight into the part file, a chunk at a time, and each chunk is done once its last byte
 * is written. Only a duplicate (a chunk another source is fetching too, in the end-game) is kept
 * in memory until complete, so that the first complete copy wins whole. All it knows of the
 * download is its {@link Swarm}.
 */
final class SwarmWorker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SwarmWorker.class);
    /** Largest socket-to-disk step; a step never crosses a chunk boundary. */
    private static final int BUFFER = 1024 * 1024;
    /** Unwanted body bytes up to this are read and dropped to keep the connection; more: close. */
    private static final long MAX_SKIP = 64 * 1024;
    /** A run lasts about this long at the source's last speed... */
    private static final double RUN_SECONDS = 0.5;
    /** ...but is never longer than this. */
    private static final long MAX_RUN_BYTES = 64L * 1024 * 1024;

    private final Swarm swarm;
    private final Source source;
    private final SourceConnection connection;
    private final Clock clock;
    private final ChunkLayout layout;
    private ByteBuffer buffer;
    /** Body bytes per second of the last answer, 0 before the first. */
    private double bytesPerSecond;

    SwarmWorker(Swarm swarm, Source source, SourceConnection connection, Clock clock) {
        this.swarm = swarm;
        this.source = source;
        this.connection = connection;
        this.clock = clock;
        this.layout = swarm.layout();
    }

    /** Aborts a blocked read from another thread; the worker then ends. */
    void abort() {
        connection.abort();
    }

    /** Aborts when the source has kept a read waiting longer than {@code timeoutNanos}. */
    void abortIfStalled(long nowNanos, long timeoutNanos) {
        if (connection.stalledNanos(nowNanos) > timeoutNanos) {
            log.debug("source {} silent for over {} ms", source, timeoutNanos / 1_000_000);
            connection.abort();
        }
    }

    @Override
    public void run() {
        Exception why = null;
        try {
            while (true) {
                fetchTreeIfAsked();
                Optional<ChunkScheduler.Run> next = swarm.nextRun(source, runBytes());
                if (next.isEmpty()) {
                    break;
                }
                ChunkScheduler.Run run = next.get();
                try {
                    fetch(run);
                } finally {
                    swarm.release(run, source);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            why = e;
        } finally {
            connection.close();
            swarm.ended(source, why);
        }
    }

    /**
     * Fetches the file's Tiger tree from this source when the swarm asks (it offered one, and none
     * is known yet): one request between two runs, the whole answer read, the swarm told how it
     * went.
     */
    private void fetchTreeIfAsked() throws IOException {
        Optional<String> target = swarm.treeToFetch(source);
        if (target.isEmpty()) {
            return;
        }
        boolean delivered = false;
        try {
            HttpResponse response = response(connection.get(target.get(), null, List.of()));
            long length = response.contentLength().orElse(-1);
            if (response.status() != 200 || length < 0 || length > Thex.MAX_BYTES) {
                log.debug("{} did not serve its Tiger tree: HTTP {}", source, response.status());
                skipOrClose(length, !response.keepAlive());
                return;
            }
            ByteBuffer body = ByteBuffer.allocate((int) length);
            while (body.hasRemaining()) {
                if (connection.read(body) < 0) {
                    throw new EOFException("tree body ended early");
                }
            }
            if (!response.keepAlive()) {
                connection.close();
            }
            swarm.treeArrived(source, body.array());
            delivered = true;
        } finally {
            if (!delivered) {
                swarm.treeFailed(source);
            }
        }
    }

    /** Bytes to ask for at once: one chunk until the source's speed is known. */
    private long runBytes() {
        return (long) Math.min(MAX_RUN_BYTES, bytesPerSecond * RUN_SECONDS);
    }

    /** Fetches the run's chunks; stops early when another source wins one of them. */
    private void fetch(ChunkScheduler.Run run) throws IOException {
        ByteRange want = layout.range(run.first(), run.last());
        ByteBuffer copy = run.duplicate() ? ByteBuffer.allocate((int) want.length()) : null;
        long cursor = want.first();
        int fruitless = 0;
        while (cursor <= want.last()) {
            if (!swarm.wanted(layout.chunkAt(cursor))) {
                return;
            }
            long asked = clock.nanoTime();
            HttpResponse response = response(connection.get(swarm.target(source),
                    new ByteRange(cursor, want.last()), requestHeaders()));
            int status = response.status();
            swarm.learn(response.altLocations());
            response.thexUri().ifPresent(offer -> swarm.offersTree(source, offer));
            boolean close = !response.keepAlive();
            long length = response.contentLength().orElse(-1);
            if (status == 503) {
                skipOrClose(length, close);
                int place = response.queue().map(q -> q.position()).orElse(0);
                if (place > 0) {
                    log.debug("{} is busy; we are number {} in its line", source, place);
                }
                throw new Swarm.Busy(response.retryAfter().orElse(null), place);
            }
            if (status == 404 || status == 410) {
                skipOrClose(length, close);
                if (swarm.askByIndex(source)) {
                    continue;
                }
                throw new Swarm.Useless("HTTP " + status);
            }
            if (status != 200 && status != 206) {
                skipOrClose(length, close);
                throw new IOException("HTTP " + status);
            }
            ByteRange got = servedRange(response, length);
            long before = cursor;
            cursor = readBody(got, want, cursor, run.duplicate() ? run.first() : -1, copy);
            if (cursor < 0) {
                connection.close();
                return;
            }
            measure(cursor - before, asked);
            if (close) {
                connection.close();
            }
            if (cursor == before && ++fruitless >= 2) {
                throw new IOException("source keeps answering ranges we did not ask for");
            }
        }
        if (copy != null) {
            swarm.storeChunk(run.first(), source, copy.clear());
        }
    }

    private void measure(long bytes, long sinceNanos) {
        long nanos = clock.nanoTime() - sinceNanos;
        if (bytes > 0 && nanos > 0) {
            bytesPerSecond = bytes * 1e9 / nanos;
        }
    }

    /**
     * Reads a body covering {@code got}, keeping the bytes of {@code want} from {@code cursor} on:
     * into {@code copy} (which holds {@code want}) for duplicate {@code chunk}, else into the part
     * file. Returns the new cursor, or -1 when another source won a chunk meanwhile (the
     * connection must then be closed).
     */
    private long readBody(ByteRange got, ByteRange want, long cursor, int chunk, ByteBuffer copy)
            throws IOException {
        long pos = got.first();
        if (pos < cursor) {
            long skip = Math.min(cursor, got.last() + 1) - pos;
            connection.skip(skip);
            pos += skip;
        }
        if (pos == cursor) {
            long usefulEnd = Math.min(got.last(), want.last());
            while (pos <= usefulEnd) {
                long n = copy != null ? readCopy(chunk, copy, pos - want.first(), usefulEnd - pos + 1)
                        : readDirect(pos, usefulEnd);
                if (n < 0) {
                    return -1;
                }
                pos += n;
                cursor = pos;
            }
        }
        long rest = got.last() + 1 - pos;
        if (rest > MAX_SKIP) {
            connection.close();
        } else if (rest > 0) {
            connection.skip(rest);
        }
        return cursor;
    }

    /** One socket read into the duplicate's buffer; -1 when the chunk was won by another source. */
    private long readCopy(int chunk, ByteBuffer copy, long offset, long max) throws IOException {
        copy.limit((int) (offset + max)).position((int) offset);
        int n = connection.read(copy);
        if (n < 0) {
            throw new EOFException("body ended early");
        }
        return swarm.wanted(chunk) ? n : -1;
    }

    /**
     * Fills the buffer from {@code pos} up to the end of its chunk (or of the useful bytes), then
     * writes it to the part file, and completes the chunk when that was its last byte. Returns the
     * bytes kept, or -1 when the chunk is no longer wanted.
     */
    private long readDirect(long pos, long usefulEnd) throws IOException {
        int chunk = layout.chunkAt(pos);
        ByteRange range = layout.range(chunk);
        ByteBuffer buf = buffer();
        buf.clear().limit((int) Math.min(buf.capacity(), Math.min(usefulEnd, range.last()) - pos + 1));
        while (buf.hasRemaining()) {
            if (connection.read(buf) < 0) {
                throw new EOFException("body ended early");
            }
            if (!swarm.wanted(chunk)) {
                return -1;
            }
        }
        buf.flip();
        int n = buf.limit();
        if (!swarm.writePiece(chunk, pos, buf)) {
            return -1;
        }
        if (pos + n - 1 == range.last()) {
            swarm.completeChunk(chunk, source);
        }
        return n;
    }

    private ByteBuffer buffer() {
        if (buffer == null) {
            buffer = ByteBuffer.allocateDirect(Math.min(BUFFER, layout.chunkSize()));
        }
        return buffer;
    }

    private ByteRange servedRange(HttpResponse response, long length) throws IOException {
        Optional<Urn> served = response.contentUrn();
        if (served.isPresent() && !served.get().equals(swarm.urn())) {
            throw new Swarm.Useless("serves another file: " + served.get());
        }
        long size = layout.size();
        ByteRange got;
        if (response.status() == 206) {
            ContentRange cr;
            try {
                cr = response.contentRange().orElseThrow(() -> new Swarm.Useless("206 without a Content-Range"));
            } catch (HttpProtocolException e) {
                throw new Swarm.Useless("206 without a valid Content-Range");
            }
            if (cr.total() != size) {
                throw new Swarm.Useless("file size " + cr.total() + " instead of " + size);
            }
            got = cr.range();
        } else {
            if (length >= 0 && length != size) {
                throw new Swarm.Useless("200 with " + length + " bytes for a " + size + "-byte file");
            }
            got = new ByteRange(0, size - 1);
        }
        if (length >= 0 && length != got.length()) {
            throw new IOException("Content-Length does not match the range");
        }
        return got;
    }

    private List<HttpHeader> requestHeaders() {
        List<HttpHeader> h = new ArrayList<>(2);
        h.add(new HttpHeader("X-Gnutella-Content-URN", swarm.urn().toString()));
        List<InetSocketAddress> alternates = swarm.alternatesFor(source);
        if (!alternates.isEmpty()) {
            h.add(new HttpHeader("X-Alt", XAlt.format(alternates)));
        }
        return h;
    }

    private static HttpResponse response(HttpHead head) throws Swarm.Useless {
        try {
            return HttpResponse.parse(head);
        } catch (HttpProtocolException e) {
            throw new Swarm.Useless("not an HTTP answer: " + head.startLine());
        }
    }

    private void skipOrClose(long length, boolean close) throws IOException {
        if (close || length < 0 || length > MAX_SKIP) {
            connection.close();
        } else {
            connection.skip(length);
        }
    }
}
