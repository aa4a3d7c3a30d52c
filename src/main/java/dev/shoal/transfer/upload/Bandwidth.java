package dev.shoal.transfer.upload;

import dev.shoal.time.Scheduler;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket in bytes per second, shared by every upload that should count against one limit;
 * 0 means unlimited. Thread-safe.
 *
 * <p>Takers reserve bytes and may drive the bucket into debt; each then sleeps, on the scheduler's
 * clock, until its debt would be paid at the configured rate. That keeps the long-run rate exact whatever the write sizes,
 * and fair enough between threads. The burst a quiet bucket allows is a twentieth of a second of
 * traffic (at least 16 KiB), so short measurements are not skewed.
 */
public final class Bandwidth {
    private static final long MIN_BURST = 16 * 1024;
    private static final long NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Scheduler scheduler;
    private long bytesPerSecond;
    private double tokens;
    private long lastNanos;
    private boolean started;

    public Bandwidth(long bytesPerSecond, Scheduler scheduler) {
        this.scheduler = scheduler;
        setRate(bytesPerSecond);
    }

    public synchronized void setRate(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("negative rate");
        }
        this.bytesPerSecond = bytesPerSecond;
        this.tokens = Math.min(tokens, burst());
    }

    public synchronized long rate() {
        return bytesPerSecond;
    }

    /** Blocks until {@code bytes} may be sent under the limit. */
    public void acquire(int bytes) throws InterruptedIOException {
        long wait = reserve(bytes, scheduler.clock().nanoTime());
        if (wait <= 0) {
            return;
        }
        try {
            scheduler.sleep(Duration.ofNanos(wait));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while throttled");
        }
    }

    /**
     * Takes {@code bytes} tokens at time {@code nowNanos} and returns how long the caller must
     * wait before sending them (0 when it may send at once).
     */
    synchronized long reserve(int bytes, long nowNanos) {
        if (bytesPerSecond == 0) {
            return 0;
        }
        if (!started) {
            started = true;
            lastNanos = nowNanos;
            tokens = burst();
        }
        long elapsed = Math.max(0, nowNanos - lastNanos);
        lastNanos = nowNanos;
        tokens = Math.min(burst(), tokens + (double) elapsed * bytesPerSecond / NANOS);
        tokens -= bytes;
        if (tokens >= 0) {
            return 0;
        }
        return (long) Math.ceil(-tokens * NANOS / bytesPerSecond);
    }

    private double burst() {
        return Math.max(MIN_BURST, bytesPerSecond / 20);
    }
}
