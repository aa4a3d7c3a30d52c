package dev.shoal.transfer.http;

import java.util.Locale;

/**
 * Browse host on the wire, for both sides. The browser asks {@code GET /} with
 * {@code Accept: application/x-gnutella-packets} (and {@code Accept-Encoding: deflate} if it
 * inflates); the answer's body is a stream of whole QueryHit messages, header included, listing
 * everything the host shares. The answer is chunked unless the client cannot take it (HTTP/1.0,
 * or LimeWire and its kin, which gtk-gnutella spares it too); then the end of the body is the end
 * of the connection. Deflate, when asked, is one zlib stream under the chunk framing.
 */
public final class BrowseHost {
    /** The only media type served: binary QueryHit messages. */
    public static final String MEDIA_TYPE = "application/x-gnutella-packets";
    /** What gtk-gnutella announces in {@code X-Features}. */
    public static final String FEATURE = "browse/1.0";
    public static final String DEFLATE = "deflate";
    /** Servents whose browse clients read no chunked body (gtk-gnutella's list). */
    private static final String[] NO_CHUNKED = {"LimeWire", "FrostWire", "BearShare"};

    private BrowseHost() {
    }

    /** {@code /}, or {@code /?...} (LimeWire also accepts a query string on it). */
    public static boolean isBrowseTarget(String target) {
        return target.equals("/") || target.startsWith("/?");
    }

    /** The request lists our media type in {@code Accept}. */
    public static boolean acceptsHits(HttpHead head) {
        return lists(head, "Accept", MEDIA_TYPE);
    }

    /** The request lists {@code deflate} in {@code Accept-Encoding} (and not with {@code q=0}). */
    public static boolean acceptsDeflate(HttpHead head) {
        return lists(head, "Accept-Encoding", DEFLATE);
    }

    /** Whether to answer {@code request} chunked, rather than ending the body by closing. */
    public static boolean chunkedFor(HttpRequest request) {
        if (!request.http11()) {
            return false;
        }
        String agent = request.head().first("User-Agent").orElse("");
        for (String name : NO_CHUNKED) {
            if (agent.regionMatches(true, 0, name, 0, name.length())) {
                return false;
            }
        }
        return true;
    }

    /** The request a browser sends; {@code host} is {@code ip:port}. */
    public static String request(String host, String userAgent) {
        return "GET / HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "User-Agent: " + userAgent + "\r\n"
                + "Accept: " + MEDIA_TYPE + "\r\n"
                + "Accept-Encoding: " + DEFLATE + "\r\n"
                + "Connection: close\r\n"
                + "\r\n";
    }

    /** Whether a comma-separated header lists {@code token} (parameters after ';' aside, q=0 refusing). */
    static boolean lists(HttpHead head, String header, String token) {
        for (String value : head.all(header)) {
            for (String item : value.split(",")) {
                String[] parts = item.split(";");
                if (!parts[0].trim().equalsIgnoreCase(token)) {
                    continue;
                }
                boolean refused = false;
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                    refused |= p.matches("q=0(\\.0*)?");
                }
                if (!refused) {
                    return true;
                }
            }
        }
        return false;
    }
}
