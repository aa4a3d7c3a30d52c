package dev.shoal.transfer.http;

import dev.shoal.protocol.Urn;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A response head as a downloader reads it: the status line, parsed strictly, and the headers a
 * Gnutella download acts on, each parsed when asked for.
 *
 * <p>What decides which bytes are whose (Content-Length, Content-Range) is strict: present but
 * malformed is an {@link HttpProtocolException}. What is only advice (Retry-After, X-Queue, X-Alt,
 * the content URN) is empty when it cannot be read, since the downloader then simply does without.
 */
public record HttpResponse(boolean http11, int status, String reason, HttpHead head) {
    /** The status an {@link HttpProtocolException} about a response carries: the peer answered badly. */
    public static final int BAD_ANSWER = 502;
    private static final int MAX_DIGITS = 18;

    /**
     * Parses the status line {@code HTTP/1.x <3 digits>[ <reason>]}.
     *
     * @throws HttpProtocolException when the start line is anything else
     */
    public static HttpResponse parse(HttpHead head) throws HttpProtocolException {
        String line = head.startLine();
        if (line.length() < 12 || !line.startsWith("HTTP/1.") || line.charAt(8) != ' '
                || !isDigits(line.substring(7, 8)) || !isDigits(line.substring(9, 12))
                || line.length() > 12 && line.charAt(12) != ' ') {
            throw new HttpProtocolException(BAD_ANSWER, "not an HTTP/1.x status line: " + abbreviated(line));
        }
        int status = Integer.parseInt(line.substring(9, 12));
        if (status < 100) {
            throw new HttpProtocolException(BAD_ANSWER, "status below 100: " + abbreviated(line));
        }
        String reason = line.length() > 12 ? line.substring(13).trim() : "";
        return new HttpResponse(line.charAt(7) != '0', status, reason, head);
    }

    /** Whether the connection may carry the next request (see {@link HttpHead#keepsAlive}). */
    public boolean keepAlive() {
        return head.keepsAlive(http11);
    }

    /** The body's length; empty when not announced. */
    public OptionalLong contentLength() throws HttpProtocolException {
        Optional<String> v = head.first("Content-Length");
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        if (!isDigits(v.get()) || v.get().length() > MAX_DIGITS) {
            throw new HttpProtocolException(BAD_ANSWER, "bad Content-Length: " + abbreviated(v.get()));
        }
        return OptionalLong.of(Long.parseLong(v.get()));
    }

    /** Which bytes of the file a 206 body holds; empty when not announced. */
    public Optional<ContentRange> contentRange() throws HttpProtocolException {
        Optional<String> v = head.first("Content-Range");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ContentRange.parse(v.get()));
        } catch (IllegalArgumentException e) {
            throw new HttpProtocolException(BAD_ANSWER, "bad Content-Range: " + abbreviated(v.get()));
        }
    }

    /** A Retry-After given in seconds; empty when absent or given as a date (not parsed here). */
    public Optional<Duration> retryAfter() {
        return head.first("Retry-After").filter(v -> isDigits(v) && v.length() <= MAX_DIGITS)
                .map(v -> Duration.ofSeconds(Long.parseLong(v)));
    }

    /** The source's place in its upload queue, sent with a 503. */
    public Optional<XQueue> queue() {
        return head.first("X-Queue").flatMap(XQueue::parse);
    }

    /** The file the source says it serves: X-Gnutella-Content-URN, or the older X-Content-URN. */
    public Optional<Urn> contentUrn() {
        Optional<String> v = head.first("X-Gnutella-Content-URN").or(() -> head.first("X-Content-URN"));
        if (v.isEmpty() || !Urn.looksLikeSha1(v.get())) {
            return Optional.empty();
        }
        return Optional.of(Urn.parse(v.get()));
    }

    /** The file's name, from Content-Disposition; empty when not said or unreadable. */
    public Optional<String> fileName() {
        return head.first("Content-Disposition").flatMap(ContentDisposition::fileName);
    }

    /** Where the source serves the file's Tiger tree, and its root; empty when not said or unreadable. */
    public Optional<XThexUri> thexUri() {
        return head.first(XThexUri.NAME).flatMap(XThexUri::parse);
    }

    /** Every location listed in the X-Alt headers, in order. */
    public List<InetSocketAddress> altLocations() {
        List<InetSocketAddress> all = new ArrayList<>();
        for (String value : head.all("X-Alt")) {
            all.addAll(XAlt.parse(value));
        }
        return all;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String abbreviated(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
