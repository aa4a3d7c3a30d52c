package dev.shoal.routing;

import java.util.HashMap;
import java.util.Map;

/**
 * A map that forgets by age with bounded memory, in two generations: new entries go into the
 * current one; when it is older than {@code lifetimeMillis} or holds {@code maxPerGeneration}
 * entries it becomes the previous one and the old previous one is dropped. An entry therefore
 * lives at least {@code lifetimeMillis} (unless a generation fills up first) and never more than
 * twice that, and at most {@code 2 * maxPerGeneration} entries are held. Time is passed in. Not
 * thread-safe.
 */
final class GenerationalMap<K, V> {
    private final long lifetimeMillis;
    private final int maxPerGeneration;
    private Map<K, V> current = new HashMap<>();
    private Map<K, V> previous = new HashMap<>();
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
    V get(K key, long nowMillis) {
        rotate(nowMillis);
        V v = current.get(key);
        return v != null ? v : previous.get(key);
    }

    /** Stores {@code key} in the current generation, replacing any older value. */
    void put(K key, V value, long nowMillis) {
        rotate(nowMillis);
        if (!current.containsKey(key) && current.size() >= maxPerGeneration) {
            shift(nowMillis);
        }
        previous.remove(key);
        current.put(key, value);
    }

    /** Drops every entry whose value equals {@code value}. */
    void removeValue(V value) {
        current.values().removeIf(value::equals);
        previous.values().removeIf(value::equals);
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
            previous = new HashMap<>();
            current = new HashMap<>();
            currentStart = now;
        } else if (age >= lifetimeMillis) {
            // Start the new generation when it was due, not when we noticed, so nothing
            // outlives two lifetimes.
            shift(currentStart + lifetimeMillis);
        }
    }

    private void shift(long start) {
        previous = current;
        // Sized for as many entries as the last generation took, so a busy node does not grow
        // its table from 16 slots, doubling, every generation.
        current = new HashMap<>((int) (previous.size() / 0.75f) + 1);
        currentStart = start;
    }
}
