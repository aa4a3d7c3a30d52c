package dev.shoal.node;

import dev.shoal.time.Clock;

/**
 * At most so many grants in each minute of the injected clock, the minute starting at the first
 * grant after the last one ended: what keeps a request we answer from becoming a lever. Thread safe.
 */
final class PerMinute {
    private static final long MINUTE_MILLIS = 60_000;

    private final Clock clock;
    private final int limit;
    private long windowStart = Long.MIN_VALUE;
    private int inWindow;

    PerMinute(Clock clock, int limit) {
        this.clock = clock;
        this.limit = limit;
    }

    /** True when one more fits in this minute (and it is counted). */
    synchronized boolean take() {
        long now = clock.millis();
        if (windowStart == Long.MIN_VALUE || now - windowStart >= MINUTE_MILLIS) {
            windowStart = now;
            inWindow = 0;
        }
        return ++inWindow <= limit;
    }
}
