package dev.shoal.transfer.upload;

import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Upload slots shared by all upload connections, with a simple FIFO waiting line.
 *
 * <p>A holder (one per connection) keeps its slot until {@link #release}; a refused holder is
 * queued and told its position. A free slot goes to a newcomer only when nobody queued ahead could
 * take it, so polling in line is never overtaken. Queued holders that stop polling for the queue
 * lifetime are forgotten. Thread-safe; time is passed in.
 */
public final class UploadSlots {
    public static final int DEFAULT_SLOTS = 4;
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

    /** Outcome of {@link #acquire}: granted, or the 1-based queue position. */
    public record Decision(boolean granted, int queuePosition) {
        static final Decision GRANTED = new Decision(true, 0);
    }

    private final Set<Object> holders = new HashSet<>();
    /** Holder → time of its last poll, in arrival order. */
    private final LinkedHashMap<Object, Long> queue = new LinkedHashMap<>();
    private final int retryAfterSeconds;
    private final long queueLifetimeMillis;
    private volatile int slots;

    public UploadSlots() {
        this(DEFAULT_SLOTS, DEFAULT_RETRY_AFTER);
    }

    public UploadSlots(int slots, Duration retryAfter) {
        if (slots < 1) {
            throw new IllegalArgumentException("need at least one upload slot");
        }
        this.slots = slots;
        this.retryAfterSeconds = (int) Math.max(1, retryAfter.toSeconds());
        this.queueLifetimeMillis = 2L * retryAfterSeconds * 1000 + 10_000;
    }

    public synchronized Decision acquire(Object holder, long nowMillis) {
        if (holders.contains(holder)) {
            return Decision.GRANTED;
        }
        expire(nowMillis);
        int free = slots - holders.size();
        int ahead = positionOf(holder);
        if (free > 0 && ahead < free) {
            queue.remove(holder);
            holders.add(holder);
            return Decision.GRANTED;
        }
        // Re-putting an existing key keeps its place in a LinkedHashMap.
        queue.put(holder, nowMillis);
        return new Decision(false, positionOf(holder) + 1);
    }

    /** Frees the holder's slot and its place in line, if any. */
    public synchronized void release(Object holder) {
        holders.remove(holder);
        queue.remove(holder);
    }

    public void setSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("need at least one upload slot");
        }
        this.slots = slots;
    }

    public int slots() {
        return slots;
    }

    public synchronized int active() {
        return holders.size();
    }

    public synchronized int queued() {
        return queue.size();
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Zero-based place in line; the line's length when absent. */
    private int positionOf(Object holder) {
        int i = 0;
        for (Object o : queue.keySet()) {
            if (o.equals(holder)) {
                return i;
            }
            i++;
        }
        return i;
    }

    private void expire(long nowMillis) {
        Iterator<Map.Entry<Object, Long>> it = queue.entrySet().iterator();
        while (it.hasNext()) {
            if (nowMillis - it.next().getValue() > queueLifetimeMillis) {
                it.remove();
            }
        }
    }
}
