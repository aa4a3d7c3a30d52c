package dev.shoal.net;

/**
 * A rate with a burst: holds up to {@code burst} tokens and gains {@code perSecond} a second;
 * taking more than it holds fails and takes nothing. Time is the caller's monotonic nanoseconds
 * (the injected clock), so under virtual time a bucket refills only when the test moves time.
 * Not thread safe.
 */
final class TokenBucket {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    TokenBucket(InboundBudget.Rate rate, long nowNanos) {
        this(rate.perSecond(), rate.burst(), nowNanos);
    }

    TokenBucket(double perSecond, double burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    boolean take(double n, long nowNanos) {
        if (nowNanos > lastNanos) {
            tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * perNano);
            lastNanos = nowNanos;
        }
        if (tokens < n) {
            return false;
        }
        tokens -= n;
        return true;
    }

    /** Tokens available now, without taking any. */
    double available(long nowNanos) {
        take(0, nowNanos);
        return tokens;
    }
}
