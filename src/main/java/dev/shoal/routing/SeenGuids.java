package dev.shoal.routing;

import dev.shoal.protocol.Guid;

/**
 * Remembers which (GUID, payload type) pairs were seen, to drop duplicates. A Query and its
 * QueryHits share a GUID, so the type is part of the key. Memory and age are bounded by two
 * generations, see {@link GenerationalMap}. Not thread-safe.
 */
public final class SeenGuids {
    private final GenerationalMap<Key, Boolean> seen;

    private record Key(Guid guid, byte type) {
    }

    public SeenGuids(long lifetimeMillis, int maxPerGeneration) {
        this.seen = new GenerationalMap<>(lifetimeMillis, maxPerGeneration);
    }

    /** Records the pair; returns true if it was new, false if it is a duplicate. */
    public boolean add(Guid guid, byte type, long nowMillis) {
        Key key = new Key(guid, type);
        if (seen.get(key, nowMillis) != null) {
            return false;
        }
        seen.put(key, Boolean.TRUE, nowMillis);
        return true;
    }

    public boolean contains(Guid guid, byte type, long nowMillis) {
        return seen.get(new Key(guid, type), nowMillis) != null;
    }

    /** Number of keys currently held (both generations). */
    public int size() {
        return seen.size();
    }
}
