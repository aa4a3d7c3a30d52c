package dev.shoal.node;

/**
 * Bytes per second from a growing total sampled now and then (about once a second): the rate is
 * taken over the last two samples, so a burst shows within a second and fades as fast.
 */
final class RateMeter {
    private long lastTotal = -1;
    private long lastMillis;
    private long rate;

    synchronized void sample(long total, long nowMillis) {
        if (lastTotal >= 0 && nowMillis > lastMillis) {
            rate = Math.max(0, (total - lastTotal) * 1000 / (nowMillis - lastMillis));
        }
        lastTotal = total;
        lastMillis = nowMillis;
    }

    synchronized long rate() {
        return rate;
    }
}
