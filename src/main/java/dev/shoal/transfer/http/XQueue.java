package dev.shoal.transfer.http;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code X-Queue} header of a busy answer: the asker's 1-based place in the upload queue, and
 * how often to poll to keep it ({@code position=2, pollMin=60, pollMax=120}). Other servents add
 * keys such as {@code length} and {@code limit}; they are skipped.
 */
public record XQueue(int position, int pollMinSeconds, int pollMaxSeconds) {
    public XQueue {
        if (position < 1 || pollMinSeconds < 0 || pollMaxSeconds < pollMinSeconds) {
            throw new IllegalArgumentException("bad queue position " + position + " or poll interval "
                    + pollMinSeconds + ".." + pollMaxSeconds);
        }
    }

    /** Empty unless the value holds a position (and, if given, a sane poll interval). */
    public static Optional<XQueue> parse(String value) {
        int position = -1;
        int pollMin = 0;
        int pollMax = -1;
        for (String field : value.split(",")) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = field.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String number = field.substring(eq + 1).trim();
            if (number.isEmpty() || number.length() > 9 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
                continue;
            }
            int n = Integer.parseInt(number);
            switch (key) {
                case "position" -> position = n;
                case "pollmin" -> pollMin = n;
                case "pollmax" -> pollMax = n;
                default -> {
                    // length, limit...: not ours to act on
                }
            }
        }
        try {
            return Optional.of(new XQueue(position, pollMin, pollMax < 0 ? pollMin : pollMax));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The header value, as {@link #parse} reads it. */
    public String headerValue() {
        return "position=" + position + ", pollMin=" + pollMinSeconds + ", pollMax=" + pollMaxSeconds;
    }
}
