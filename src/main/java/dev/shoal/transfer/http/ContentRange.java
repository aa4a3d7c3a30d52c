package dev.shoal.transfer.http;

import java.util.Locale;

/** A parsed {@code Content-Range: bytes a-b/total} response header. */
public record ContentRange(ByteRange range, long total) {
    public ContentRange {
        if (range.last() >= total) {
            throw new IllegalArgumentException("range " + range + " beyond total " + total);
        }
    }

    /** @throws IllegalArgumentException unless it is {@code bytes a-b/total} with numbers */
    public static ContentRange parse(String value) {
        String v = value.trim();
        if (!v.toLowerCase(Locale.ROOT).startsWith("bytes")) {
            throw new IllegalArgumentException("not a bytes Content-Range: " + value);
        }
        // gtk-gnutella writes "bytes a-b/t"; some old servents wrote "bytes=a-b/t".
        String rest = v.substring(5).trim();
        if (rest.startsWith("=")) {
            rest = rest.substring(1).trim();
        }
        int dash = rest.indexOf('-');
        int slash = rest.indexOf('/');
        if (dash <= 0 || slash < dash) {
            throw new IllegalArgumentException("malformed Content-Range: " + value);
        }
        try {
            long first = Long.parseLong(rest.substring(0, dash).trim());
            long last = Long.parseLong(rest.substring(dash + 1, slash).trim());
            long total = Long.parseLong(rest.substring(slash + 1).trim());
            return new ContentRange(new ByteRange(first, last), total);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed Content-Range: " + value, e);
        }
    }
}
