package dev.shoal.transfer.browse;

import dev.shoal.protocol.BadMessageException;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.QueryHit;
import dev.shoal.transfer.http.BrowseHost;
import dev.shoal.transfer.http.ChunkedInputStream;
import dev.shoal.transfer.http.HttpHead;
import dev.shoal.transfer.http.HttpHeadReader;
import dev.shoal.transfer.http.HttpProtocolException;
import dev.shoal.transfer.http.HttpResponse;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * One browse over a connection the caller opened: sends {@code GET /} asking for QueryHit
 * messages (deflated, if the host likes), reads the answer's head, then the body, chunked or not,
 * deflated or not, message by message, handing each hit to a {@link HitSink} as it arrives.
 *
 * <p>Bounded whatever the host sends: a head of at most 24 KiB (as {@link HttpHeadReader} reads
 * it), messages of at most {@link Limits#maxPayload()}, {@link Limits#maxBodyBytes()} of body
 * after inflating, {@link Limits#maxFiles()} files (then it stops reading: the list is cut), and
 * {@link Limits#maxBadMessages()} hits that do not decode. Time limits are the caller's: close the
 * connection to end a blocked read.
 */
public final class BrowseFetch {
    private static final int BUFFER = 8 * 1024;

    /** How much one browse reads at most. */
    public record Limits(int maxFiles, long maxBodyBytes, int maxPayload, int maxBadMessages) {
    }

    /** Receives the hits in order, on the reading thread. */
    @FunctionalInterface
    public interface HitSink {
        void accept(Header header, QueryHit hit);
    }

    /**
     * @param files results handed over
     * @param truncated reading stopped at {@link Limits#maxFiles()}: the host may share more
     * @param badMessages hits skipped because they did not decode
     */
    public record Outcome(int files, boolean truncated, int badMessages) {
    }

    private BrowseFetch() {
    }

    /**
     * Browses the host at the other end of {@code in}/{@code out}; returns when its list has ended
     * or was cut at the limit.
     *
     * @param host {@code ip:port} for the {@code Host} header
     * @throws BrowseFailure when the host refuses, does not serve browse host, or answers badly
     * @throws IOException when the connection fails or is closed under the read
     */
    public static Outcome run(InputStream in, OutputStream out, String host, String userAgent, Limits limits,
            HitSink sink) throws IOException {
        out.write(BrowseHost.request(host, userAgent).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream bin = new BufferedInputStream(in, BUFFER);
        HttpResponse response = head(bin);
        InputStream framed = framedBody(bin, response);
        Optional<String> encoding = response.head().first("Content-Encoding")
                .map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty() && !e.equals("identity"));
        if (encoding.isPresent() && !encoding.get().equals(BrowseHost.DEFLATE)) {
            throw new BrowseFailure(BrowseFailure.Reason.BAD_ANSWER, "the list came " + encoding.get()
                    + "-encoded, which was not asked for");
        }
        Inflater inflater = null;
        InputStream body = framed;
        if (encoding.isPresent()) {
            PushbackInputStream peeked = new PushbackInputStream(framed, 2);
            inflater = new Inflater(nowrap(peeked));
            body = new InflaterInputStream(peeked, inflater, BUFFER);
        }
        try {
            return read(new MessageStream(new Capped(body, limits.maxBodyBytes()), limits.maxPayload()), limits, sink);
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    private static HttpResponse head(InputStream in) throws IOException {
        HttpHead head;
        try {
            head = HttpHeadReader.read(in);
        } catch (HttpProtocolException e) {
            throw new BrowseFailure(BrowseFailure.Reason.BAD_ANSWER, "not an HTTP answer: " + e.getMessage());
        }
        if (head == null) {
            throw new BrowseFailure(BrowseFailure.Reason.BAD_ANSWER, "the host closed the connection without answering");
        }
        HttpResponse response;
        try {
            response = HttpResponse.parse(head);
        } catch (HttpProtocolException e) {
            throw new BrowseFailure(BrowseFailure.Reason.BAD_ANSWER, e.getMessage());
        }
        int status = response.status();
        String said = status + (response.reason().isEmpty() ? "" : " " + response.reason());
        if (status == 403 || status == 429 || status == 503) {
            throw new BrowseFailure(BrowseFailure.Reason.REFUSED, "the host refused to be browsed (" + said + ")");
        }
        if (status < 200 || status > 299) {
            throw new BrowseFailure(BrowseFailure.Reason.UNSUPPORTED, "the host does not offer browsing (" + said + ")");
        }
        Optional<String> type = response.head().first("Content-Type");
        if (type.isPresent() && !type.get().toLowerCase(Locale.ROOT).contains(BrowseHost.MEDIA_TYPE)) {
            throw new BrowseFailure(BrowseFailure.Reason.UNSUPPORTED, "the host sent " + type.get()
                    + ", not a list of query hits");
        }
        return response;
    }

    /** The body as its framing delimits it: chunked, by Content-Length, or up to the end of the connection. */
    private static InputStream framedBody(InputStream in, HttpResponse response) throws IOException {
        Optional<String> transfer = response.head().first("Transfer-Encoding");
        if (transfer.isPresent() && !transfer.get().equalsIgnoreCase("identity")) {
            if (!transfer.get().equalsIgnoreCase("chunked")) {
                throw new BrowseFailure(BrowseFailure.Reason.BAD_ANSWER, "unknown Transfer-Encoding: "
                        + transfer.get());
            }
            return new ChunkedInputStream(in);
        }
        OptionalLong length;
        try {
            length = response.contentLength();
        } catch (HttpProtocolException e) {
            throw new BrowseFailure(BrowseFailure.Reason.BAD_ANSWER, e.getMessage());
        }
        return length.isPresent() ? new Bounded(in, length.getAsLong()) : in;
    }

    /**
     * Whether a deflated body is raw deflate rather than a zlib stream (which HTTP's "deflate"
     * means, and what gtk-gnutella sends): a zlib header names method 8 and is a multiple of 31.
     */
    private static boolean nowrap(PushbackInputStream in) throws IOException {
        byte[] two = in.readNBytes(2);
        in.unread(two);
        if (two.length < 2) {
            return false;
        }
        int cmf = two[0] & 0xFF;
        int flg = two[1] & 0xFF;
        return (cmf & 0x0F) != 8 || (cmf * 256 + flg) % 31 != 0;
    }

    private static Outcome read(MessageStream messages, Limits limits, HitSink sink) throws IOException {
        int files = 0;
        int bad = 0;
        for (Frame f = messages.next(); f != null; f = messages.next()) {
            if (f.header().type() != MessageType.QUERY_HIT) {
                continue; // nothing else belongs in a list; skipped, as LimeWire does
            }
            QueryHit hit;
            try {
                hit = (QueryHit) MessageCodec.decode(f);
            } catch (BadMessageException e) {
                if (++bad > limits.maxBadMessages()) {
                    throw new BrowseFailure(BrowseFailure.Reason.BAD_ANSWER, "more than " + limits.maxBadMessages()
                            + " malformed hits, the last: " + e.getMessage());
                }
                continue;
            }
            int room = limits.maxFiles() - files;
            if (hit.results().size() >= room) {
                sink.accept(f.header(), hit.results().size() == room ? hit : cut(hit, room));
                return new Outcome(limits.maxFiles(), true, bad);
            }
            sink.accept(f.header(), hit);
            files += hit.results().size();
        }
        return new Outcome(files, false, bad);
    }

    private static QueryHit cut(QueryHit hit, int results) {
        return new QueryHit(hit.address(), hit.speed(), hit.results().subList(0, results), hit.vendor(), hit.flags(),
                hit.trailerGgep(), hit.privateData(), hit.xmlData(), hit.serventId());
    }

    /** A body of known length: ends there, and a connection ending sooner is an error. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new BrowseFailure(BrowseFailure.Reason.BAD_ANSWER, "the list ended " + left
                        + " bytes before its Content-Length");
            }
            left -= n;
            return n;
        }
    }

    /** Refuses to read more than {@code limit} bytes: a list that long is not one we take. */
    private static final class Capped extends FilterInputStream {
        private final long limit;
        private long read;

        Capped(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (read >= limit) {
                throw new BrowseFailure(BrowseFailure.Reason.TOO_LARGE, "the list is longer than " + limit + " bytes");
            }
            int n = in.read(b, off, (int) Math.min(len, limit - read));
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
