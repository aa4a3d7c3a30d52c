package dev.shoal.routing;

import dev.shoal.protocol.Guid;
import java.util.Arrays;

/**
 * A map from GUID to value kept in three arrays: each GUID as its two halves, each value as a
 * reference. Nothing is allocated per entry, so a table of a hundred thousand routes costs the
 * garbage collector three arrays, not a hundred thousand nodes and keys to copy. Linear probing;
 * removal shifts the following entries back, so there are no tombstones. The table doubles when
 * half full. Not thread-safe.
 */
final class GuidTable<V> {
    private static final int MIN_CAPACITY = 16;

    private long[] highs;
    private long[] lows;
    private Object[] values;
    private int size;

    GuidTable() {
        allocate(MIN_CAPACITY);
    }

    @SuppressWarnings("unchecked")
    V get(Guid guid) {
        long high = guid.high();
        long low = guid.low();
        int mask = values.length - 1;
        for (int i = guid.hashCode() & mask; values[i] != null; i = (i + 1) & mask) {
            if (highs[i] == high && lows[i] == low) {
                return (V) values[i];
            }
        }
        return null;
    }

    boolean containsKey(Guid guid) {
        return get(guid) != null;
    }

    /** Stores {@code value} (not null) for {@code guid}, replacing any. */
    void put(Guid guid, V value) {
        if (value == null) {
            throw new IllegalArgumentException("value is required");
        }
        if (2 * (size + 1) > values.length) {
            resize(2 * values.length);
        }
        insert(guid.high(), guid.low(), guid.hashCode(), value);
    }

    void remove(Guid guid) {
        long high = guid.high();
        long low = guid.low();
        int mask = values.length - 1;
        for (int i = guid.hashCode() & mask; values[i] != null; i = (i + 1) & mask) {
            if (highs[i] == high && lows[i] == low) {
                delete(i);
                return;
            }
        }
    }

    /** Removes every entry whose value equals {@code value}. */
    void removeValue(Object value) {
        int i = 0;
        while (i < values.length) {
            if (value.equals(values[i])) {
                // The shift may move a later entry into slot i: look at it again.
                delete(i);
            } else {
                i++;
            }
        }
    }

    int size() {
        return size;
    }

    /** Empties the table, keeping its arrays for the entries to come. */
    void clear() {
        Arrays.fill(values, null);
        size = 0;
    }

    private void insert(long high, long low, int hash, Object value) {
        int mask = values.length - 1;
        int i = hash & mask;
        while (values[i] != null) {
            if (highs[i] == high && lows[i] == low) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        highs[i] = high;
        lows[i] = low;
        values[i] = value;
        size++;
    }

    /** Empties slot {@code gap} and moves back the entries of its run that probed past it. */
    private void delete(int gap) {
        int mask = values.length - 1;
        values[gap] = null;
        size--;
        for (int i = (gap + 1) & mask; values[i] != null; i = (i + 1) & mask) {
            int home = Guid.hash(highs[i], lows[i]) & mask;
            // The entry at i may fill the gap unless its home lies cyclically in (gap, i].
            boolean homeAfterGap = gap <= i ? gap < home && home <= i : gap < home || home <= i;
            if (!homeAfterGap) {
                highs[gap] = highs[i];
                lows[gap] = lows[i];
                values[gap] = values[i];
                values[i] = null;
                gap = i;
            }
        }
    }

    private void resize(int capacity) {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        Object[] oldValues = values;
        allocate(capacity);
        size = 0;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != null) {
                insert(oldHighs[i], oldLows[i], Guid.hash(oldHighs[i], oldLows[i]), oldValues[i]);
            }
        }
    }

    private void allocate(int capacity) {
        highs = new long[capacity];
        lows = new long[capacity];
        values = new Object[capacity];
    }
}
