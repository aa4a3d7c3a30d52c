package dev.shoal.transfer.http;

import java.util.Locale;
import java.util.Optional;

/**
 * A single byte range as asked in a {@code Range} header: {@code bytes=a-b}, {@code bytes=a-} or
 * the suffix form {@code bytes=-n}. When several ranges are listed only the first is kept: a
 * Gnutella downloader always asks for one range and honours whatever Content-Range it gets.
 */
public record RangeRequest(long first, long last, long suffixLength) {
    /** Marks an absent bound. */
    public static final long NONE = -1;
    private static final int MAX_DIGITS = 18;

    /**
     * Parses a {@code Range} header value.
     *
     * @throws IllegalArgumentException when it is malformed or reversed ({@code 500-100})
     */
    public static RangeRequest parse(String header) {
        String h = header.trim();
        int eq = h.indexOf('=');
        if (eq < 0 || !h.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("bytes")) {
            throw new IllegalArgumentException("not a bytes range: " + header);
        }
        String spec = h.substring(eq + 1);
        int comma = spec.indexOf(',');
        if (comma >= 0) {
            spec = spec.substring(0, comma);
        }
        spec = spec.trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("range without '-': " + header);
        }
        String a = spec.substring(0, dash).trim();
        String b = spec.substring(dash + 1).trim();
        if (a.isEmpty()) {
            return new RangeRequest(NONE, NONE, number(b, header));
        }
        long first = number(a, header);
        if (b.isEmpty()) {
            return new RangeRequest(first, NONE, NONE);
        }
        long last = number(b, header);
        if (last < first) {
            throw new IllegalArgumentException("reversed range: " + header);
        }
        return new RangeRequest(first, last, NONE);
    }

    private static long number(String digits, String header) {
        if (digits.isEmpty() || digits.length() > MAX_DIGITS) {
            throw new IllegalArgumentException("bad number in range: " + header);
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("bad number in range: " + header);
            }
        }
        return Long.parseLong(digits);
    }

    /** The bytes of a file of {@code size} this asks for, or empty when unsatisfiable (416). */
    public Optional<ByteRange> resolve(long size) {
        if (size <= 0) {
            return Optional.empty();
        }
        if (suffixLength != NONE) {
            if (suffixLength == 0) {
                return Optional.empty();
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffixLength), size - 1));
        }
        if (first >= size) {
            return Optional.empty();
        }
        long end = last == NONE ? size - 1 : Math.min(last, size - 1);
        return Optional.of(new ByteRange(first, end));
    }
}
