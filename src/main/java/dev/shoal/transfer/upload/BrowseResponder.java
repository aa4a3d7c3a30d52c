package dev.shoal.transfer.upload;

import dev.shoal.protocol.Frame;
import dev.shoal.transfer.http.BrowseHost;
import dev.shoal.transfer.http.ChunkedOutputStream;
import dev.shoal.transfer.http.HttpRequest;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Answers browse host requests ({@code GET /} asking for {@link BrowseHost#MEDIA_TYPE}) on an
 * upload connection by streaming our {@link SharedList}: deflated when the browser asks, chunked
 * unless it cannot read that (then the body ends when the connection does), paced by the upload
 * limit. Browses take no upload slot (the list is small next to a file, as the browse host
 * proposal advises), but at most {@link #MAX_CONCURRENT} run at once.
 *
 * <p>Refusals, as gtk-gnutella and LimeWire give them: {@code 403 Browse Host Disabled} when the
 * user turned browsing off, {@code 406 Not Acceptable} without our media type in {@code Accept},
 * {@code 503} with {@code Retry-After} when too many browses run.
 */
public final class BrowseResponder {
    static final int MAX_CONCURRENT = 4;
    static final int RETRY_AFTER_SECONDS = 60;
    /** Uncompressed bytes between two flushes of the deflater, so hits reach the browser as they go. */
    private static final int FLUSH_EVERY = 16 * 1024;
    private static final int BUFFER = 8 * 1024;

    private final SharedList list;
    private final BooleanSupplier enabled;
    private final Bandwidth limiter;
    private final UploadListener listener;
    private final String serverName;
    private final Semaphore running = new Semaphore(MAX_CONCURRENT);

    /** @param enabled read at each request, so that the user's setting applies at once */
    public BrowseResponder(SharedList list, BooleanSupplier enabled, Bandwidth limiter, UploadListener listener,
            String serverName) {
        this.list = list;
        this.enabled = enabled;
        this.limiter = limiter;
        this.listener = listener;
        this.serverName = serverName;
    }

    /** Whether others may browse us now: our answers then say so in {@code X-Features}. */
    public boolean enabled() {
        return enabled.getAsBoolean();
    }

    /**
     * Answers one browse request, head and body, on {@code out}.
     *
     * @param local where the browser reached us, or null (see {@link SharedList#hits})
     * @return whether the connection may carry another request
     */
    boolean answer(HttpRequest req, OutputStream out, InetSocketAddress remote, InetSocketAddress local)
            throws IOException {
        boolean keep = req.keepAlive();
        if (!enabled()) {
            return refuse(req, out, remote, 403, "Browse Host Disabled", "", keep);
        }
        if (!BrowseHost.acceptsHits(req.head())) {
            return refuse(req, out, remote, 406, "Not Acceptable", "", keep);
        }
        if (!running.tryAcquire()) {
            return refuse(req, out, remote, 503, "Busy", "Retry-After: " + RETRY_AFTER_SECONDS + "\r\n", keep);
        }
        try {
            boolean chunked = BrowseHost.chunkedFor(req);
            boolean deflate = BrowseHost.acceptsDeflate(req.head());
            boolean head = req.method().equals("HEAD");
            keep = keep && (chunked || head);
            StringBuilder sb = statusLine(200, "OK");
            sb.append("Content-Type: ").append(BrowseHost.MEDIA_TYPE).append("\r\n");
            if (deflate) {
                sb.append("Content-Encoding: ").append(BrowseHost.DEFLATE).append("\r\n");
            }
            if (chunked) {
                sb.append("Transfer-Encoding: chunked\r\n");
            }
            endHead(sb, keep);
            out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (!head) {
                stream(out, chunked, deflate, remote, local);
            }
            return keep;
        } finally {
            running.release();
        }
    }

    private void stream(OutputStream out, boolean chunked, boolean deflate, InetSocketAddress remote,
            InetSocketAddress local) throws IOException {
        Deflater deflater = deflate ? new Deflater() : null;
        long files = 0;
        CountingStream counted = new CountingStream(out);
        boolean complete = false;
        try {
            OutputStream body = new BufferedOutputStream(chunked ? new ChunkedOutputStream(counted) : counted, BUFFER);
            if (deflate) {
                body = new DeflaterOutputStream(body, deflater, BUFFER, true);
            }
            long sinceFlush = 0;
            for (Iterator<Frame> hits = list.hits(local); hits.hasNext(); ) {
                Frame hit = hits.next();
                byte[] bytes = hit.toBytes();
                limiter.acquire(bytes.length);
                body.write(bytes);
                files += hitResults(hit);
                sinceFlush += bytes.length;
                if (sinceFlush >= FLUSH_EVERY) {
                    body.flush();
                    sinceFlush = 0;
                }
            }
            // Ends the zlib stream and the chunked body; the connection itself stays open.
            body.close();
            out.flush();
            complete = true;
        } finally {
            if (deflater != null) {
                deflater.end();
            }
            listener.browseServed(remote, files, counted.count, complete);
        }
    }

    /** The result count, the first payload byte of a QueryHit. */
    private static int hitResults(Frame hit) {
        return hit.payload().length == 0 ? 0 : hit.payload()[0] & 0xFF;
    }

    private boolean refuse(HttpRequest req, OutputStream out, InetSocketAddress remote, int status, String reason,
            String extra, boolean keep) throws IOException {
        listener.requestRefused(remote, req.requestLine(), status);
        StringBuilder sb = statusLine(status, reason);
        sb.append(extra).append("Content-Length: 0\r\n");
        endHead(sb, keep);
        out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return keep;
    }

    private StringBuilder statusLine(int status, String reason) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        sb.append("Server: ").append(serverName).append("\r\n");
        if (enabled()) {
            sb.append("X-Features: ").append(BrowseHost.FEATURE).append("\r\n");
        }
        return sb;
    }

    private static void endHead(StringBuilder sb, boolean keep) {
        if (!keep) {
            sb.append("Connection: close\r\n");
        }
        sb.append("\r\n");
    }

    /** Counts the bytes that reach the connection; closing it leaves the connection open. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
