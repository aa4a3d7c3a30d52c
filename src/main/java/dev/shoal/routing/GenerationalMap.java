package dev.shoal.routing;

import dev.shoal.protocol.Guid;

/**
 * A GUID-keyed map that forgets by age with bounded memory, in two generations: new entries go
 * into the current one; when it is older than {@code lifetimeMillis} or holds
 * {@code maxPerGeneration} entries it becomes the previous one and the old previous one is
 * dropped. An entry therefore lives at least {@code lifetimeMillis} (unless a generation fills up
 * first) and never more than twice that, and at most {@code 2 * maxPerGeneration} entries are
 * held. The generations are {@link GuidTable}s, and a dropped one is emptied and reused, so a
 * busy router allocates nothing for its routes once its tables have grown. Time is passed in.
 * Not thread-safe.
 */
final class GenerationalMap<V> {
    private final long lifetimeMillis;
    private final int maxPerGeneration;
    private GuidTable<V> current = new GuidTable<>();
    private GuidTable<V> previous = new GuidTable<>();
    private long currentStart;
    private boolean started;

    GenerationalMap(long lifetimeMillis, int maxPerGeneration) {
        if (lifetimeMillis <= 0 || maxPerGeneration <= 0) {
            throw new IllegalArgumentException("lifetime and capacity must be positive");
        }
        this.lifetimeMillis = lifetimeMillis;
        this.maxPerGeneration = maxPerGeneration;
    }

    /** The live value for {@code key}, or null. */
    V get(Guid key, long nowMillis) {
        rotate(nowMillis);
        V v = current.get(key);
        return v != null ? v : previous.get(key);
    }

    /** Stores {@code key} in the current generation, replacing any older value. */
    void put(Guid key, V value, long nowMillis) {
        rotate(nowMillis);
        if (current.size() >= maxPerGeneration && !current.containsKey(key)) {
            shift(nowMillis);
        }
        if (previous.size() > 0) {
            previous.remove(key);
        }
        current.put(key, value);
    }

    /** Drops every entry whose value equals {@code value}. */
    void removeValue(V value) {
        current.removeValue(value);
        previous.removeValue(value);
    }

    int size() {
        return current.size() + previous.size();
    }

    private void rotate(long now) {
        if (!started) {
            started = true;
            currentStart = now;
            return;
        }
        long age = now - currentStart;
        if (age >= 2 * lifetimeMillis) {
            // Both generations are past their lifetime: nothing survives.
            previous.clear();
            current.clear();
            currentStart = now;
        } else if (age >= lifetimeMillis) {
            // Start the new generation when it was due, not when we noticed, so nothing
            // outlives two lifetimes.
            shift(currentStart + lifetimeMillis);
        }
    }

    private void shift(long start) {
        GuidTable<V> dropped = previous;
        previous = current;
        dropped.clear();
        current = dropped;
        currentStart = start;
    }
}
