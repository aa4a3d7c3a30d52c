package dev.shoal.transfer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which chunk each source fetches next. Thread-safe; workers block on it for changes.
 *
 * <p>A chunk is missing, being fetched (by one source, or two in the end-game), claimed (its
 * bytes are being written) or done (on disk). Sources pull work, so faster sources simply come
 * back more often and get more chunks. When nothing is left unassigned, an idle source duplicates
 * an outstanding chunk; the first complete copy is claimed and kept, the other fetcher gives up.
 * The source that provided each done chunk is remembered for finding a liar after a bad hash;
 * chunks resumed from disk have no known provider ({@code null}).
 */
final class ChunkScheduler {
    private static final int MAX_FETCHERS = 2;

    private final long size;
    private final int chunkSize;
    private final int count;
    private final BitSet claimed = new BitSet();
    private final BitSet done = new BitSet();
    private final Map<Integer, Set<Source>> fetching = new LinkedHashMap<>();
    private final Map<Integer, Source> provider = new HashMap<>();

    ChunkScheduler(long size, int chunkSize, BitSet alreadyDone) {
        this.size = size;
        this.chunkSize = chunkSize;
        this.count = (int) ((size + chunkSize - 1) / chunkSize);
        for (int i = alreadyDone.nextSetBit(0); i >= 0 && i < count; i = alreadyDone.nextSetBit(i + 1)) {
            claimed.set(i);
            done.set(i);
        }
    }

    int count() {
        return count;
    }

    ByteRange range(int chunk) {
        long first = (long) chunk * chunkSize;
        return new ByteRange(first, Math.min(size, first + chunkSize) - 1);
    }

    /** The next chunk for {@code source}, or empty when there is nothing it could do now. */
    synchronized OptionalInt assign(Source source) {
        for (int i = claimed.nextClearBit(0); i < count; i = claimed.nextClearBit(i + 1)) {
            if (!fetching.containsKey(i)) {
                fetching.computeIfAbsent(i, k -> new LinkedHashSet<>()).add(source);
                return OptionalInt.of(i);
            }
        }
        // End-game: help with the oldest outstanding chunk that has a single fetcher.
        for (Map.Entry<Integer, Set<Source>> e : fetching.entrySet()) {
            Set<Source> fetchers = e.getValue();
            if (!claimed.get(e.getKey()) && fetchers.size() < MAX_FETCHERS && !fetchers.contains(source)) {
                fetchers.add(source);
                return OptionalInt.of(e.getKey());
            }
        }
        return OptionalInt.empty();
    }

    /** True for the first source to finish the chunk: it must write it, then call {@link #written}. */
    synchronized boolean claim(int chunk, Source source) {
        if (claimed.get(chunk)) {
            return false;
        }
        claimed.set(chunk);
        provider.put(chunk, source);
        notifyAll();
        return true;
    }

    synchronized void written(int chunk) {
        done.set(chunk);
        notifyAll();
    }

    /** The source stops working on the chunk (finished, failed or beaten to it). */
    synchronized void release(int chunk, Source source) {
        Set<Source> fetchers = fetching.get(chunk);
        if (fetchers != null) {
            fetchers.remove(source);
            if (fetchers.isEmpty()) {
                fetching.remove(chunk);
            }
        }
        notifyAll();
    }

    synchronized boolean isClaimed(int chunk) {
        return claimed.get(chunk);
    }

    synchronized boolean allDone() {
        return done.cardinality() == count;
    }

    synchronized BitSet doneSnapshot() {
        return (BitSet) done.clone();
    }

    synchronized long bytesDone() {
        long bytes = (long) done.cardinality() * chunkSize;
        if (count > 0 && done.get(count - 1)) {
            bytes -= (long) count * chunkSize - size;
        }
        return bytes;
    }

    /** Done chunks grouped by the source that provided them; key {@code null} for resumed ones. */
    synchronized Map<Source, List<Integer>> chunksByProvider() {
        Map<Source, List<Integer>> out = new LinkedHashMap<>();
        for (int i = done.nextSetBit(0); i >= 0; i = done.nextSetBit(i + 1)) {
            out.computeIfAbsent(provider.get(i), s -> new ArrayList<>()).add(i);
        }
        return out;
    }

    /** Makes the chunks missing again, to be fetched anew. */
    synchronized void invalidate(List<Integer> chunks) {
        for (int i : chunks) {
            claimed.clear(i);
            done.clear(i);
            provider.remove(i);
        }
        notifyAll();
    }

    synchronized void awaitChange(long millis) throws InterruptedException {
        wait(millis);
    }
}
