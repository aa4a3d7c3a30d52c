package dev.shoal.routing;

import dev.shoal.protocol.Guid;
import java.util.HashSet;
import java.util.Set;

/**
 * Remembers which (GUID, payload type) pairs were seen, to drop duplicates. A Query and its
 * QueryHits share a GUID, so the type is part of the key.
 *
 * <p>Memory is bounded by two generations: new keys go into the current one; when it is older
 * than {@code lifetimeMillis} or holds {@code maxPerGeneration} keys it becomes the previous
 * one and the old previous one is forgotten. A key is therefore remembered for at least
 * {@code lifetimeMillis} (unless a generation fills up first) and never more than twice that,
 * and at most {@code 2 * maxPerGeneration} keys are held. Not thread-safe.
 */
public final class SeenGuids {
    private final long lifetimeMillis;
    private final int maxPerGeneration;
    private Set<Key> current = new HashSet<>();
    private Set<Key> previous = new HashSet<>();
    private long currentStart;
    private boolean started;

    private record Key(Guid guid, byte type) {
    }

    public SeenGuids(long lifetimeMillis, int maxPerGeneration) {
        if (lifetimeMillis <= 0 || maxPerGeneration <= 0) {
            throw new IllegalArgumentException("lifetime and capacity must be positive");
        }
        this.lifetimeMillis = lifetimeMillis;
        this.maxPerGeneration = maxPerGeneration;
    }

    /** Records the pair; returns true if it was new, false if it is a duplicate. */
    public boolean add(Guid guid, byte type, long nowMillis) {
        rotate(nowMillis);
        Key key = new Key(guid, type);
        if (current.contains(key) || previous.contains(key)) {
            return false;
        }
        if (current.size() >= maxPerGeneration) {
            shift(nowMillis);
        }
        current.add(key);
        return true;
    }

    public boolean contains(Guid guid, byte type, long nowMillis) {
        rotate(nowMillis);
        Key key = new Key(guid, type);
        return current.contains(key) || previous.contains(key);
    }

    /** Number of keys currently held (both generations). */
    public int size() {
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
            previous = new HashSet<>();
            current = new HashSet<>();
            currentStart = now;
        } else if (age >= lifetimeMillis) {
            // Start the new generation when it was due, not when we noticed, so nothing
            // outlives two lifetimes.
            shift(currentStart + lifetimeMillis);
        }
    }

    private void shift(long start) {
        previous = current;
        current = new HashSet<>();
        currentStart = start;
    }
}
