package dev.shoal.net;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One node's counts of what it dropped, refused and closed, by {@link DropReason}. Counting is a
 * lock-free add on a fixed array, so it costs the same whatever a peer sends and can be done on
 * the I/O threads. Thread-safe.
 */
public final class DropCounters {
    private static final DropReason[] REASONS = DropReason.values();
    private final AtomicLongArray counts = new AtomicLongArray(REASONS.length);

    public void count(DropReason reason) {
        counts.incrementAndGet(reason.ordinal());
    }

    public void count(DropReason reason, long n) {
        if (n > 0) {
            counts.addAndGet(reason.ordinal(), n);
        }
    }

    public long get(DropReason reason) {
        return counts.get(reason.ordinal());
    }

    /** Every reason with its count at this instant (zeros included), in declaration order. */
    public Map<DropReason, Long> snapshot() {
        EnumMap<DropReason, Long> copy = new EnumMap<>(DropReason.class);
        for (DropReason r : REASONS) {
            copy.put(r, counts.get(r.ordinal()));
        }
        return Collections.unmodifiableMap(copy);
    }

    public long total() {
        long sum = 0;
        for (int i = 0; i < REASONS.length; i++) {
            sum += counts.get(i);
        }
        return sum;
    }
}
