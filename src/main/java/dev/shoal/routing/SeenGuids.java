package dev.shoal.routing;

import dev.shoal.protocol.Guid;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers which (GUID, payload type) pairs were seen, to drop duplicates. A Query and its
 * QueryHits share a GUID, so the type is part of the key: one table per type, so that a lookup
 * builds no key. Memory and age are bounded by two generations per type, see
 * {@link GenerationalMap}. Not thread-safe.
 */
public final class SeenGuids {
    private final long lifetimeMillis;
    private final int maxPerGeneration;
    private final Map<Byte, GenerationalMap<Boolean>> byType = new HashMap<>();

    public SeenGuids(long lifetimeMillis, int maxPerGeneration) {
        if (lifetimeMillis <= 0 || maxPerGeneration <= 0) {
            throw new IllegalArgumentException("lifetime and capacity must be positive");
        }
        this.lifetimeMillis = lifetimeMillis;
        this.maxPerGeneration = maxPerGeneration;
    }

    /** Records the pair; returns true if it was new, false if it is a duplicate. */
    public boolean add(Guid guid, byte type, long nowMillis) {
        GenerationalMap<Boolean> seen = byType.computeIfAbsent(type,
                t -> new GenerationalMap<>(lifetimeMillis, maxPerGeneration));
        if (seen.get(guid, nowMillis) != null) {
            return false;
        }
        seen.put(guid, Boolean.TRUE, nowMillis);
        return true;
    }

    public boolean contains(Guid guid, byte type, long nowMillis) {
        GenerationalMap<Boolean> seen = byType.get(type);
        return seen != null && seen.get(guid, nowMillis) != null;
    }

    /** Number of keys currently held (both generations, every type). */
    public int size() {
        int n = 0;
        for (GenerationalMap<Boolean> seen : byType.values()) {
            n += seen.size();
        }
        return n;
    }
}
