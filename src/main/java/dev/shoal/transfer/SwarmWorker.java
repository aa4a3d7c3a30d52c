package dev.shoal.transfer;

import dev.shoal.protocol.Urn;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches chunks from one source over one persistent connection until nothing is left, the
 * source fails, or the download stops. Whatever Content-Range the source answers is honoured: a
 * shorter range is continued with another request, extra bytes are skipped.
 */
final class SwarmWorker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SwarmWorker.class);
    private static final int READ_STEP = 64 * 1024;
    /** Unwanted body bytes up to this are read and dropped to keep the connection; more: close. */
    private static final long MAX_SKIP = 64 * 1024;
    private static final int MAX_ALT_SENT = 10;
    private static final long DEFAULT_RETRY_AFTER_MILLIS = 60_000;

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

    SwarmWorker(SwarmDownload download, Source source) {
        this.download = download;
        this.source = source;
        this.connection = new SourceConnection(source.address(), download.config());
    }

    Source source() {
        return source;
    }

    /** Aborts a blocked read from another thread. */
    void abort() {
        connection.close();
    }

    @Override
    public void run() {
        ChunkScheduler scheduler = download.scheduler();
        SourcePool pool = download.pool();
        try {
            while (!download.stopping() && !scheduler.allDone()) {
                OptionalInt next = scheduler.assign(source);
                if (next.isEmpty()) {
                    scheduler.awaitChange(200);
                    continue;
                }
                int chunk = next.getAsInt();
                try {
                    byte[] data = fetch(chunk);
                    if (data != null && scheduler.claim(chunk, source)) {
                        download.store(chunk, data);
                        pool.delivered(source, data.length);
                        download.mesh().add(download.urn(), List.of(source.address()));
                    }
                } finally {
                    scheduler.release(chunk, source);
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

    /** The chunk's bytes, or null when another source completed it first. */
    private byte[] fetch(int chunk) throws IOException {
        ChunkScheduler scheduler = download.scheduler();
        ByteRange want = scheduler.range(chunk);
        byte[] data = new byte[(int) want.length()];
        long cursor = want.first();
        int fruitless = 0;
        while (cursor <= want.last()) {
            if (scheduler.isClaimed(chunk) || download.stopping()) {
                return null;
            }
            HttpHead head = connection.get(target(), new ByteRange(cursor, want.last()), requestHeaders());
            int status = status(head);
            learnAltLocs(head);
            boolean close = head.connectionHas("close")
                    || head.startLine().startsWith("HTTP/1.0") && !head.connectionHas("keep-alive");
            long length = contentLength(head);
            if (status == 503) {
                skipOrClose(length, close);
                throw new Busy(retryAfter(head));
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
            ByteRange got = servedRange(head, status, length);
            long before = cursor;
            cursor = readBody(chunk, got, want, cursor, data);
            if (cursor < 0) {
                connection.close();
                return null;
            }
            if (close) {
                connection.close();
            }
            if (cursor == before && ++fruitless >= 2) {
                throw new IOException("source keeps answering ranges we did not ask for");
            }
        }
        return data;
    }

    /**
     * Reads a body covering {@code got} into {@code data} (which holds {@code want}), keeping the
     * bytes from {@code cursor} on. Returns the new cursor, or -1 when the chunk was claimed by
     * another source meanwhile (the connection must then be closed).
     */
    private long readBody(int chunk, ByteRange got, ByteRange want, long cursor, byte[] data) throws IOException {
        InputStream in = connection.body();
        long pos = got.first();
        if (pos < cursor) {
            long skip = Math.min(cursor, got.last() + 1) - pos;
            skipFully(in, skip);
            pos += skip;
        }
        if (pos == cursor) {
            long usefulEnd = Math.min(got.last(), want.last());
            while (pos <= usefulEnd) {
                int n = in.read(data, (int) (pos - want.first()), (int) Math.min(READ_STEP, usefulEnd - pos + 1));
                if (n < 0) {
                    throw new EOFException("body ended early");
                }
                download.received(n);
                pos += n;
                cursor = pos;
                if (download.scheduler().isClaimed(chunk) || download.stopping()) {
                    return -1;
                }
            }
        }
        long rest = got.last() + 1 - pos;
        if (rest > MAX_SKIP) {
            connection.close();
        } else if (rest > 0) {
            skipFully(in, rest);
        }
        return cursor;
    }

    private ByteRange servedRange(HttpHead head, int status, long length) throws IOException {
        Optional<String> urnHeader = head.first("X-Gnutella-Content-URN").or(() -> head.first("X-Content-URN"));
        if (urnHeader.isPresent() && Urn.looksLikeSha1(urnHeader.get())
                && !Urn.parse(urnHeader.get()).equals(download.urn())) {
            throw new Useless("serves another file: " + urnHeader.get());
        }
        long size = download.size();
        ByteRange got;
        if (status == 206) {
            ContentRange cr;
            try {
                cr = ContentRange.parse(head.first("Content-Range").orElse(""));
            } catch (IllegalArgumentException e) {
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
            return "/get/" + s.index() + "/" + UrlCoding.encode(s.name());
        }
        return "/uri-res/N2R?" + download.urn();
    }

    private List<HttpHeader> requestHeaders() {
        List<HttpHeader> h = new ArrayList<>(2);
        h.add(new HttpHeader("X-Gnutella-Content-URN", download.urn().toString()));
        var good = download.pool().good(source, MAX_ALT_SENT);
        if (!good.isEmpty()) {
            h.add(new HttpHeader("X-Alt", AltLocs.formatHeader(good)));
        }
        return h;
    }

    private void learnAltLocs(HttpHead head) {
        for (String value : head.all("X-Alt")) {
            download.learn(AltLocs.parseHeader(value));
        }
    }

    private static int status(HttpHead head) throws IOException {
        String[] parts = head.startLine().split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || parts[1].length() != 3) {
            throw new Useless("not an HTTP answer: " + head.startLine());
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new Useless("not an HTTP answer: " + head.startLine());
        }
    }

    private static long contentLength(HttpHead head) throws IOException {
        Optional<String> v = head.first("Content-Length");
        if (v.isEmpty()) {
            return -1;
        }
        try {
            long n = Long.parseLong(v.get());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length: " + v.get());
        }
    }

    private long retryAfter(HttpHead head) {
        long millis = DEFAULT_RETRY_AFTER_MILLIS;
        Optional<String> v = head.first("Retry-After");
        if (v.isPresent()) {
            try {
                millis = Long.parseLong(v.get()) * 1000;
            } catch (NumberFormatException e) {
                // an HTTP date or junk: keep the default
            }
        }
        return Math.max(1000, Math.min(millis, download.config().maxRetryAfter().toMillis()));
    }

    private void skipOrClose(long length, boolean close) throws IOException {
        if (close || length < 0 || length > MAX_SKIP) {
            connection.close();
        } else {
            skipFully(connection.body(), length);
        }
    }

    private void skipFully(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("body ended early");
                }
                s = 1;
            }
            left -= s;
            download.received(s);
        }
    }
}
