package dev.shoal.transfer.download;

import dev.shoal.protocol.Urn;
import dev.shoal.transfer.http.ByteRange;
import dev.shoal.transfer.http.ContentRange;
import dev.shoal.transfer.http.HttpHead;
import dev.shoal.transfer.http.HttpHeader;
import dev.shoal.transfer.http.HttpProtocolException;
import dev.shoal.transfer.http.HttpResponse;
import dev.shoal.transfer.http.RequestTarget;
import dev.shoal.transfer.http.XAlt;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
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
 * in memory until complete, so that the first complete copy wins whole.
 */
final class SwarmWorker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SwarmWorker.class);
    /** Largest socket-to-disk step; a step never crosses a chunk boundary. */
    private static final int BUFFER = 1024 * 1024;
    /** Unwanted body bytes up to this are read and dropped to keep the connection; more: close. */
    private static final long MAX_SKIP = 64 * 1024;
    private static final int MAX_ALT_SENT = 10;
    private static final long DEFAULT_RETRY_AFTER_MILLIS = 60_000;
    /** A run lasts about this long at the source's last speed... */
    private static final double RUN_SECONDS = 0.5;
    /** ...but is never longer than this. */
    private static final long MAX_RUN_BYTES = 64L * 1024 * 1024;

    /** The source said 503; retry after the given delay. */
    static final class Busy extends IOException {
        private static final long serialVersionUID = 1L;
        final long retryAfterMillis;

        Busy(long retryAfterMillis) {
            super("busy");
            this.retryAfterMillis = retryAfterMillis;
        }
    }

    /** The source cannot serve this file at all (404, other file, other size). */
    static final class Useless extends IOException {
        private static final long serialVersionUID = 1L;

        Useless(String message) {
            super(message);
        }
    }

    private final SwarmDownload download;
    private final Source source;
    private final SourceConnection connection;
    private ByteBuffer buffer;
    /** Body bytes per second of the last answer, 0 before the first. */
    private double bytesPerSecond;

    SwarmWorker(SwarmDownload download, Source source) {
        this.download = download;
        this.source = source;
        this.connection = new SourceConnection(source.address(), download.config(),
                aborted -> download.dialer().open(source, aborted));
    }

    Source source() {
        return source;
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
        ChunkScheduler scheduler = download.scheduler();
        SourcePool pool = download.pool();
        try {
            while (!download.stopping() && !scheduler.allDone()) {
                Optional<ChunkScheduler.Run> next = scheduler.assign(source, runChunks(), download.activeWorkers(),
                        System.currentTimeMillis());
                if (next.isEmpty()) {
                    // Woken by any change; otherwise soon enough to help with a chunk that became duplicable.
                    scheduler.awaitChange(ChunkScheduler.DUPLICATE_AFTER_MILLIS / 2);
                    continue;
                }
                ChunkScheduler.Run run = next.get();
                try {
                    fetch(run);
                } finally {
                    for (int chunk = run.first(); chunk <= run.last(); chunk++) {
                        scheduler.release(chunk, source);
                    }
                }
            }
        } catch (Busy e) {
            log.debug("{} busy, retry in {} ms", source, e.retryAfterMillis);
            pool.busy(source, System.currentTimeMillis(), e.retryAfterMillis);
        } catch (Useless e) {
            log.info("dropping source {}: {}", source, e.getMessage());
            pool.drop(source);
        } catch (SwarmDownload.LocalIoException e) {
            download.fail(e.getCause());
        } catch (IOException e) {
            if (!download.stopping() && !scheduler.allDone()) {
                log.debug("source {} failed: {}", source, e.toString());
                pool.failed(source, System.currentTimeMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("source {} worker crashed", source, e);
            pool.drop(source);
        } finally {
            connection.close();
            pool.finished(source);
            download.workerEnded(this);
        }
    }

    /** Chunks to ask for at once: one until the source's speed is known. */
    private int runChunks() {
        int chunkSize = download.chunkSize();
        long bytes = (long) Math.min(MAX_RUN_BYTES, bytesPerSecond * RUN_SECONDS);
        return (int) Math.max(1, bytes / chunkSize);
    }

    /** Fetches the run's chunks; stops early when another source wins one of them. */
    private void fetch(ChunkScheduler.Run run) throws IOException {
        ChunkScheduler scheduler = download.scheduler();
        ByteRange want = new ByteRange(scheduler.range(run.first()).first(), scheduler.range(run.last()).last());
        ByteBuffer copy = run.duplicate() ? ByteBuffer.allocate((int) want.length()) : null;
        long cursor = want.first();
        int fruitless = 0;
        while (cursor <= want.last()) {
            if (download.stopping() || scheduler.isClaimed(download.chunkAt(cursor))) {
                return;
            }
            long asked = System.nanoTime();
            HttpResponse response = response(connection.get(target(), new ByteRange(cursor, want.last()),
                    requestHeaders()));
            int status = response.status();
            download.learn(response.altLocations());
            boolean close = !response.keepAlive();
            long length = response.contentLength().orElse(-1);
            if (status == 503) {
                skipOrClose(length, close);
                throw new Busy(retryAfter(response));
            }
            if (status == 404 || status == 410) {
                skipOrClose(length, close);
                if (!download.pool().usesGet(source) && download.pool().current(source).hasIndex()) {
                    download.pool().useGet(source);
                    continue;
                }
                throw new Useless("HTTP " + status);
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
        if (copy != null && download.storeChunk(run.first(), source, copy.clear())) {
            delivered(copy.capacity());
        }
    }

    private void measure(long bytes, long sinceNanos) {
        long nanos = System.nanoTime() - sinceNanos;
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
            download.received(skip);
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
            download.received(rest);
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
        download.received(n);
        if (download.stopping() || download.scheduler().isClaimed(chunk)) {
            return -1;
        }
        return n;
    }

    /**
     * Fills the buffer from {@code pos} up to the end of its chunk (or of the useful bytes), then
     * writes it to the part file, and completes the chunk when that was its last byte. Returns the
     * bytes kept, or -1 when another source claimed the chunk.
     */
    private long readDirect(long pos, long usefulEnd) throws IOException {
        ChunkScheduler scheduler = download.scheduler();
        int chunk = download.chunkAt(pos);
        ByteRange range = scheduler.range(chunk);
        ByteBuffer buf = buffer();
        buf.clear().limit((int) Math.min(buf.capacity(), Math.min(usefulEnd, range.last()) - pos + 1));
        while (buf.hasRemaining()) {
            int n = connection.read(buf);
            if (n < 0) {
                throw new EOFException("body ended early");
            }
            download.received(n);
            if (download.stopping()) {
                return -1;
            }
        }
        buf.flip();
        int n = buf.limit();
        if (!download.writePiece(chunk, pos, buf)) {
            return -1;
        }
        if (pos + n - 1 == range.last() && download.completeChunk(chunk, source)) {
            delivered(range.length());
        }
        return n;
    }

    private void delivered(long bytes) {
        download.pool().delivered(source, bytes);
        if (!download.pool().pushFirst(source)) {
            // Others can use it as an alternate location only if it can be dialled.
            download.mesh().add(download.urn(), List.of(source.address()));
        }
    }

    private ByteBuffer buffer() {
        if (buffer == null) {
            buffer = ByteBuffer.allocateDirect(Math.min(BUFFER, download.chunkSize()));
        }
        return buffer;
    }

    private ByteRange servedRange(HttpResponse response, long length) throws IOException {
        Optional<Urn> served = response.contentUrn();
        if (served.isPresent() && !served.get().equals(download.urn())) {
            throw new Useless("serves another file: " + served.get());
        }
        long size = download.size();
        ByteRange got;
        if (response.status() == 206) {
            ContentRange cr;
            try {
                cr = response.contentRange().orElseThrow(() -> new Useless("206 without a Content-Range"));
            } catch (HttpProtocolException e) {
                throw new Useless("206 without a valid Content-Range");
            }
            if (cr.total() != size) {
                throw new Useless("file size " + cr.total() + " instead of " + size);
            }
            got = cr.range();
        } else {
            if (length >= 0 && length != size) {
                throw new Useless("200 with " + length + " bytes for a " + size + "-byte file");
            }
            got = new ByteRange(0, size - 1);
        }
        if (length >= 0 && length != got.length()) {
            throw new IOException("Content-Length does not match the range");
        }
        return got;
    }

    private String target() {
        Source s = download.pool().current(source);
        if (download.pool().usesGet(source) && s.hasIndex()) {
            return new RequestTarget.ByIndex(s.index(), s.name()).path();
        }
        return new RequestTarget.ByUrn(download.urn()).path();
    }

    private List<HttpHeader> requestHeaders() {
        List<HttpHeader> h = new ArrayList<>(2);
        h.add(new HttpHeader("X-Gnutella-Content-URN", download.urn().toString()));
        var good = download.pool().good(source, MAX_ALT_SENT);
        if (!good.isEmpty()) {
            h.add(new HttpHeader("X-Alt", XAlt.format(good)));
        }
        return h;
    }

    private static HttpResponse response(HttpHead head) throws Useless {
        try {
            return HttpResponse.parse(head);
        } catch (HttpProtocolException e) {
            throw new Useless("not an HTTP answer: " + head.startLine());
        }
    }

    private long retryAfter(HttpResponse response) {
        long millis = response.retryAfter().map(Duration::toMillis).orElse(DEFAULT_RETRY_AFTER_MILLIS);
        response.queue().ifPresent(q -> log.debug("{} has us at place {} in its queue", source, q.position()));
        return Math.max(1000, Math.min(millis, download.config().maxRetryAfter().toMillis()));
    }

    private void skipOrClose(long length, boolean close) throws IOException {
        if (close || length < 0 || length > MAX_SKIP) {
            connection.close();
        } else {
            connection.skip(length);
            download.received(length);
        }
    }
}
