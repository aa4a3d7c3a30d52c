package dev.shoal.time;

/**
 * Where a servent reads the time. Two readings, as the JDK has: a monotonic one for durations,
 * rates and timeouts, and the wall clock for dates that outlive the process.
 */
public interface Clock {
    /** Monotonic nanoseconds; only differences between two readings mean anything. */
    long nanoTime();

    /** Milliseconds since the epoch, for what is stored or shown as a date. */
    long currentTimeMillis();

    /** Monotonic milliseconds, for the route tables and caches that expire entries by age. */
    default long millis() {
        return nanoTime() / 1_000_000;
    }

    /** The machine's clocks. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
