package dev.shoal.transfer.upload;

import dev.shoal.protocol.Urn;
import dev.shoal.thex.HashTree;
import dev.shoal.thex.Thex;
import dev.shoal.time.Clock;
import dev.shoal.transfer.AltLocs;
import dev.shoal.transfer.http.BrowseHost;
import dev.shoal.transfer.http.ByteRange;
import dev.shoal.transfer.http.ContentDisposition;
import dev.shoal.transfer.http.HttpHead;
import dev.shoal.transfer.http.HttpHeadReader;
import dev.shoal.transfer.http.HttpHeader;
import dev.shoal.transfer.http.HttpProtocolException;
import dev.shoal.transfer.http.HttpRequest;
import dev.shoal.transfer.http.RangeRequest;
import dev.shoal.transfer.http.RequestTarget;
import dev.shoal.transfer.http.XAlt;
import dev.shoal.transfer.http.XQueue;
import dev.shoal.transfer.http.XThexUri;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves shared files over HTTP/1.1 on one connection that the network layer hands over as
 * blocking streams once it has seen an HTTP request line.
 *
 * <p>Only files returned by the {@link SharedFileLookup} are ever opened: a request names a file
 * by URN or by index plus exact name, and a path in a request is never resolved against the disk.
 * Malformed or over-long heads get 400/414/431 and the connection is closed; other answers keep
 * the connection when the client allows. A connection holds one {@link UploadSlots} slot from its
 * first granted GET until it closes. A file whose Tiger tree is known is answered with an
 * {@code X-Thex-URI}, and its tree is served at {@code /uri-res/N2X}. A browse host request
 * ({@code GET /}) goes to the {@link BrowseResponder}, when there is one. One instance serves any
 * number of connections concurrently.
 */
public final class HttpUploadHandler {
    private static final Logger log = LoggerFactory.getLogger(HttpUploadHandler.class);
    /** Body bytes handed to the sink at once when uploads are not limited... */
    private static final long FREE_SLICE = 4L * 1024 * 1024;
    /** ...and when they are: small enough for the limiter to pace smoothly. */
    private static final long LIMITED_SLICE = 64 * 1024;
    private static final int MAX_ALT_LOCS = 10;

    private final SharedFileLookup files;
    private final UploadSlots slots;
    private final Bandwidth limiter;
    private final UploadListener listener;
    private final String serverName;
    private final AltLocs altLocs;
    private final Clock clock;
    private final BrowseResponder browse;

    /**
     * @param altLocs the node's download mesh, so that uploads and downloads exchange X-Alt
     * @param clock times the upload queue
     */
    public HttpUploadHandler(SharedFileLookup files, UploadSlots slots, Bandwidth limiter,
            UploadListener listener, String serverName, AltLocs altLocs, Clock clock) {
        this(files, slots, limiter, listener, serverName, altLocs, clock, null);
    }

    /** @param browse answers browse host requests; null answers them 404, as any unknown path */
    public HttpUploadHandler(SharedFileLookup files, UploadSlots slots, Bandwidth limiter,
            UploadListener listener, String serverName, AltLocs altLocs, Clock clock, BrowseResponder browse) {
        this.browse = browse;
        this.files = files;
        this.slots = slots;
        this.limiter = limiter;
        this.listener = listener;
        this.serverName = serverName;
        this.altLocs = altLocs;
        this.clock = clock;
    }

    /** Answers requests on one connection until the client closes or an answer requires closing. */
    public void serve(InputStream in, OutputStream out, InetSocketAddress remote) throws IOException {
        serve(in, out, BodySink.copying(out), remote);
    }

    /**
     * As {@link #serve(InputStream, OutputStream, InetSocketAddress)}, with file bodies sent through
     * {@code body} (heads still go to {@code out}).
     */
    public void serve(InputStream in, OutputStream out, BodySink body, InetSocketAddress remote) throws IOException {
        serve(in, out, body, remote, null);
    }

    /** As above; {@code local} is where the client reached us (null on a connection we opened). */
    public void serve(InputStream in, OutputStream out, BodySink body, InetSocketAddress remote,
            InetSocketAddress local) throws IOException {
        InputStream bin = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 8192);
        Connection c = new Connection(bin, new BufferedOutputStream(out, 8192), body, remote, local);
        try {
            boolean open = true;
            while (open) {
                HttpHead head;
                try {
                    head = HttpHeadReader.read(bin);
                } catch (HttpProtocolException e) {
                    log.debug("bad request head from {}: {}", remote, e.getMessage());
                    c.refuse("-", e.status(), reason(e.status()), null, false);
                    drainAvailable(bin);
                    return;
                } catch (EOFException e) {
                    return;
                }
                if (head == null) {
                    return;
                }
                try {
                    open = handle(c, head);
                } catch (RuntimeException e) {
                    // A bug or a failing lookup must cost this connection only.
                    log.warn("upload request from {} failed: {}", remote, head.startLine(), e);
                    c.refuse(head.startLine(), 500, reason(500), null, false);
                    return;
                }
                c.out.flush();
            }
            drainAvailable(bin);
        } finally {
            slots.release(c);
        }
    }

    private boolean handle(Connection c, HttpHead head) throws IOException {
        HttpRequest req;
        RequestTarget target;
        try {
            req = HttpRequest.parse(head);
            if (!req.method().equals("GET") && !req.method().equals("HEAD")) {
                c.refuse(head.startLine(), 501, reason(501), null, false);
                return false;
            }
            if (hasBody(head)) {
                throw new HttpProtocolException(400, "request body not accepted");
            }
            if (browse != null && BrowseHost.isBrowseTarget(req.target())) {
                return browse.answer(req, c.out, c.remote, c.local);
            }
            target = RequestTarget.parse(req.target());
        } catch (HttpProtocolException e) {
            c.refuse(head.startLine(), e.status(), reason(e.status()), null, false);
            return false;
        }
        boolean keep = req.keepAlive();
        if (target instanceof RequestTarget.TreeByUrn tree) {
            return serveTree(c, req, tree.urn(), keep);
        }
        Optional<ServedFile> found = find(target);
        if (found.isEmpty()) {
            c.refuse(req.requestLine(), 404, reason(404), null, keep);
            return keep;
        }
        ServedFile file = found.get();
        for (String xalt : head.all("X-Alt")) {
            altLocs.add(file.urn(), XAlt.parse(xalt));
        }
        ByteRange range = null;
        Optional<String> rangeHeader = head.first("Range");
        if (rangeHeader.isPresent()) {
            Optional<ByteRange> resolved;
            try {
                resolved = RangeRequest.parse(rangeHeader.get()).resolve(file.size());
            } catch (IllegalArgumentException e) {
                c.refuse(req.requestLine(), 400, "Malformed Range request", file, keep);
                return keep;
            }
            if (resolved.isEmpty()) {
                List<HttpHeader> extra = List.of(new HttpHeader("Content-Range", "bytes */" + file.size()));
                c.answer(req.requestLine(), 416, reason(416), file, extra, 0, keep);
                return keep;
            }
            range = resolved.get();
        }
        boolean get = req.method().equals("GET");
        if (get) {
            UploadSlots.Decision d = slots.acquire(c, c.remote.getAddress(), clock.millis());
            if (!d.granted()) {
                int retry = slots.retryAfterSeconds();
                List<HttpHeader> extra = List.of(
                        new HttpHeader("Retry-After", Integer.toString(retry)),
                        new HttpHeader("X-Queue", new XQueue(d.queuePosition(), retry, 2 * retry).headerValue()));
                c.answer(req.requestLine(), 503, "Busy", file, extra, 0, keep);
                return keep;
            }
        }
        return serveFile(c, req, file, range, get, keep);
    }

    private boolean serveFile(Connection c, HttpRequest req, ServedFile file, ByteRange asked,
            boolean get, boolean keep) throws IOException {
        FileChannel ch;
        try {
            if (!Files.isRegularFile(file.path())) {
                throw new IOException("not a regular file");
            }
            ch = FileChannel.open(file.path(), StandardOpenOption.READ);
        } catch (IOException e) {
            log.warn("shared file {} cannot be opened: {}", file.path(), e.toString());
            c.refuse(req.requestLine(), 404, reason(404), null, keep);
            return keep;
        }
        try (ch) {
            if (ch.size() < file.size()) {
                log.warn("shared file {} is shorter than indexed", file.path());
                c.refuse(req.requestLine(), 404, reason(404), null, keep);
                return keep;
            }
            List<HttpHeader> extra = new ArrayList<>();
            long length = file.size();
            if (asked != null) {
                extra.add(new HttpHeader("Content-Range", asked.contentRange(file.size())));
                length = asked.length();
            }
            c.answer(req.requestLine(), asked != null ? 206 : 200, asked != null ? reason(206) : reason(200),
                    file, extra, length, keep);
            if (get && length > 0) {
                ByteRange range = asked != null ? asked : new ByteRange(0, file.size() - 1);
                c.out.flush();
                sendBody(c, file, ch, range);
            }
        }
        return keep;
    }

    /**
     * Answers N2X with the file's tree in THEX's DIME serialisation, whole whatever the Range: a few
     * KB from memory, so it takes no upload slot.
     */
    private boolean serveTree(Connection c, HttpRequest req, Urn urn, boolean keep) throws IOException {
        Optional<HashTree> tree = files.byUrn(urn).filter(f -> f.urn().equals(urn) && f.tigerRoot() != null)
                .flatMap(f -> files.tree(urn));
        if (tree.isEmpty()) {
            c.refuse(req.requestLine(), 404, reason(404), null, keep);
            return keep;
        }
        byte[] body = Thex.encode(tree.get());
        c.answer(req.requestLine(), 200, reason(200), null, List.of(new HttpHeader("Content-Type", Thex.CONTENT_TYPE),
                new HttpHeader("X-Gnutella-Content-URN", urn.toString())), body.length, keep);
        if (req.method().equals("GET")) {
            c.out.write(body);
        }
        return keep;
    }

    private void sendBody(Connection c, ServedFile file, FileChannel ch, ByteRange range) throws IOException {
        listener.uploadStarted(c.remote, file, range);
        long pos = range.first();
        long remaining = range.length();
        long sent = 0;
        boolean complete = false;
        try {
            while (remaining > 0) {
                int n = (int) Math.min(limiter.rate() == 0 ? FREE_SLICE : LIMITED_SLICE, remaining);
                if (ch.size() < pos + n) {
                    throw new IOException("shared file shrank while uploading: " + file.path());
                }
                limiter.acquire(n);
                c.body.send(file.path(), ch, pos, n);
                pos += n;
                remaining -= n;
                sent += n;
                if (remaining > 0) {
                    listener.uploadProgress(c.remote, file, range, sent);
                }
            }
            complete = true;
        } finally {
            listener.uploadFinished(c.remote, file, range, sent, complete);
        }
    }

    /**
     * Reads what the client already sent before we close on it: closing a socket with unread
     * input makes TCP reset the connection, and the client could lose our error answer.
     */
    private static void drainAvailable(InputStream in) {
        try {
            long budget = 256 * 1024;
            int n;
            while (budget > 0 && (n = in.available()) > 0) {
                budget -= in.skip(Math.min(n, budget));
            }
        } catch (IOException ignored) {
            // the connection is being closed anyway
        }
    }

    private Optional<ServedFile> find(RequestTarget target) {
        if (target instanceof RequestTarget.ByUrn u) {
            return files.byUrn(u.urn()).filter(f -> f.urn().equals(u.urn()));
        }
        if (target instanceof RequestTarget.ByIndex i) {
            return files.byIndex(i.index()).filter(f -> f.index() == i.index() && f.name().equals(i.name()));
        }
        return Optional.empty();
    }

    private static boolean hasBody(HttpHead head) {
        if (head.first("Transfer-Encoding").isPresent()) {
            return true;
        }
        Optional<String> length = head.first("Content-Length");
        return length.isPresent() && !length.get().equals("0");
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 206 -> "Partial Content";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 414 -> "URI Too Long";
            case 416 -> "Requested Range Not Satisfiable";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }

    /** Per-connection state; also the slot holder identity. */
    private final class Connection {
        final InputStream in;
        final OutputStream out;
        final BodySink body;
        final InetSocketAddress remote;
        final InetSocketAddress local;

        Connection(InputStream in, OutputStream out, BodySink body, InetSocketAddress remote,
                InetSocketAddress local) {
            this.in = in;
            this.out = out;
            this.body = body;
            this.remote = remote;
            this.local = local;
        }

        void refuse(String requestLine, int status, String reason, ServedFile file, boolean keep)
                throws IOException {
            answer(requestLine, status, reason, file, List.of(), 0, keep);
        }

        /** Writes a status line and headers; {@code length} is the Content-Length announced. */
        void answer(String requestLine, int status, String reason, ServedFile file, List<HttpHeader> extra,
                long length, boolean keep) throws IOException {
            if (status >= 400) {
                listener.requestRefused(remote, requestLine, status);
            }
            StringBuilder sb = new StringBuilder(256);
            sb.append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
            header(sb, "Server", serverName);
            if (browse != null && browse.enabled()) {
                header(sb, "X-Features", BrowseHost.FEATURE);
            }
            if (file != null) {
                header(sb, "Content-Type", "application/binary");
            }
            header(sb, "Content-Length", Long.toString(length));
            for (HttpHeader h : extra) {
                header(sb, h.name(), h.value());
            }
            if (file != null) {
                if (status < 300) {
                    header(sb, "Accept-Ranges", "bytes");
                }
                header(sb, "X-Gnutella-Content-URN", file.urn().toString());
                if (status < 300) {
                    // A downloader that asked by URN alone learns the name here, without a hit.
                    header(sb, "Content-Disposition", ContentDisposition.attachment(file.name()));
                }
                if (file.tigerRoot() != null) {
                    header(sb, XThexUri.NAME, XThexUri.of(file.urn(), file.tigerRoot()).headerValue());
                }
                List<InetSocketAddress> alts = altLocs.get(file.urn(), MAX_ALT_LOCS);
                if (!alts.isEmpty()) {
                    header(sb, "X-Alt", XAlt.format(alts));
                }
            }
            if (!keep) {
                header(sb, "Connection", "close");
            }
            sb.append("\r\n");
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private void header(StringBuilder sb, String name, String value) {
            sb.append(name).append(": ").append(value).append("\r\n");
        }
    }
}
