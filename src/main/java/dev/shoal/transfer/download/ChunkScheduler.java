package dev.shoal.transfer.download;

import dev.shoal.time.Scheduler;
import dev.shoal.transfer.http.ByteRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which chunk each source fetches next. Thread-safe; workers block on it for changes.
 *
 * <p>A chunk is missing, being fetched (by one source, or two in the end-game), claimed (its
 * bytes are being written) or done (on disk). Sources pull work, so faster sources simply come
 * back more often and get more chunks. A source is handed a run of consecutive missing chunks
 * that it asks for in one request, as long as its speed warrants; runs shrink as the missing
 * chunks get fewer, so the sources finish together, and never cover more than an eighth of the
 * file, so sources that answer a query moments later still find work.
 *
 * <p>When nothing is left unassigned, an idle source duplicates an outstanding chunk, taken from
 * the far end of another source's run so that they meet in the middle instead of racing for the
 * same bytes; the first complete copy is claimed and kept, the other fetcher gives up. A chunk is
 * duplicated only once it has been outstanding {@link #DUPLICATE_AFTER_MILLIS}: a source that was
 * just given it is usually about to deliver, and copying it at once would only waste both
 * sources' bandwidth. The source that provided each done chunk is remembered for finding a liar
 * after a bad hash; chunks resumed from disk have no known provider ({@code null}). Time is
 * passed in.
 */
final class ChunkScheduler {
    private static final int MAX_FETCHERS = 2;
    /** A run covers at most 1/MAX_RUN_SHARE of the chunks. */
    private static final int MAX_RUN_SHARE = 8;
    /** How long a chunk is left to its fetcher before another source may duplicate it. */
    static final long DUPLICATE_AFTER_MILLIS = 100;

    private final ChunkLayout layout;
    private final long size;
    private final int chunkSize;
    private final int count;
    private final BitSet claimed = new BitSet();
    private final BitSet done = new BitSet();
    private final Map<Integer, Set<Source>> fetching = new LinkedHashMap<>();
    private final Map<Integer, Source> provider = new HashMap<>();
    /** When each chunk being fetched was first handed out. */
    private final Map<Integer, Long> fetchingSince = new HashMap<>();

    /** Set for a preview: the start of the file comes first, chunk by chunk from every source. */
    private boolean preferStart;

    /** Bumped by every change a waiting worker may care about, and by {@link #nudge()}. */
    private long changes;

    ChunkScheduler(long size, int chunkSize, BitSet alreadyDone) {
        this.layout = new ChunkLayout(size, chunkSize);
        this.size = size;
        this.chunkSize = chunkSize;
        this.count = layout.count();
        for (int i = alreadyDone.nextSetBit(0); i >= 0 && i < count; i = alreadyDone.nextSetBit(i + 1)) {
            claimed.set(i);
            done.set(i);
        }
    }

    /**
     * From now on every source is handed a single chunk at a time, the first missing one, so the
     * sources fill the file's start side by side instead of each taking a long run further on; and
     * in the end-game the first outstanding chunk is helped with instead of the last.
     */
    synchronized void preferStart() {
        preferStart = true;
    }

    ChunkLayout layout() {
        return layout;
    }

    int count() {
        return count;
    }

    ByteRange range(int chunk) {
        return layout.range(chunk);
    }

    /**
     * Chunks {@code first .. first + count - 1} handed to one source. A duplicate is a single
     * chunk someone else is fetching too: its bytes must be kept apart until it is claimed.
     */
    record Run(int first, int count, boolean duplicate) {
        int last() {
            return first + count - 1;
        }
    }

    /** The next single chunk for {@code source}, or empty when there is nothing it could do now. */
    OptionalInt assign(Source source, long nowMillis) {
        return assign(source, 1, 1, nowMillis).map(r -> OptionalInt.of(r.first())).orElse(OptionalInt.empty());
    }

    /**
     * The next run for {@code source}: the first missing chunk nobody fetches and up to
     * {@code maxChunks - 1} unassigned chunks right after it, but no more than a fair share of
     * the unassigned chunks among {@code sharers} sources nor an eighth of all chunks. Empty when
     * there is nothing it could do.
     */
    synchronized Optional<Run> assign(Source source, int maxChunks, int sharers, long nowMillis) {
        int first = -1;
        int unassigned = 0;
        for (int i = claimed.nextClearBit(0); i < count; i = claimed.nextClearBit(i + 1)) {
            if (!fetching.containsKey(i)) {
                if (first < 0) {
                    first = i;
                }
                unassigned++;
            }
        }
        if (first >= 0) {
            int fairShare = (unassigned + sharers - 1) / Math.max(1, sharers);
            int limit = preferStart ? 1 : Math.max(1, Math.min(Math.min(maxChunks, fairShare), count / MAX_RUN_SHARE));
            int n = 1;
            while (n < limit && first + n < count && !claimed.get(first + n) && !fetching.containsKey(first + n)) {
                n++;
            }
            for (int i = first; i < first + n; i++) {
                fetching.computeIfAbsent(i, k -> new LinkedHashSet<>()).add(source);
                fetchingSince.put(i, nowMillis);
            }
            return Optional.of(new Run(first, n, false));
        }
        // End-game: help with the last outstanding chunk that has a single fetcher since long enough.
        int help = -1;
        for (Map.Entry<Integer, Set<Source>> e : fetching.entrySet()) {
            Set<Source> fetchers = e.getValue();
            if (!claimed.get(e.getKey()) && fetchers.size() < MAX_FETCHERS && !fetchers.contains(source)
                    && nowMillis - fetchingSince.get(e.getKey()) >= DUPLICATE_AFTER_MILLIS) {
                help = help < 0 ? e.getKey() : preferStart ? Math.min(help, e.getKey()) : Math.max(help, e.getKey());
            }
        }
        if (help < 0) {
            return Optional.empty();
        }
        fetching.get(help).add(source);
        return Optional.of(new Run(help, 1, true));
    }

    /** True for the first source to finish the chunk: it must write it, then call {@link #written}. */
    synchronized boolean claim(int chunk, Source source) {
        if (claimed.get(chunk)) {
            return false;
        }
        claimed.set(chunk);
        provider.put(chunk, source);
        changed();
        return true;
    }

    synchronized void written(int chunk) {
        done.set(chunk);
        changed();
    }

    /** The source stops working on the chunk (finished, failed or beaten to it). */
    synchronized void release(int chunk, Source source) {
        Set<Source> fetchers = fetching.get(chunk);
        if (fetchers != null) {
            fetchers.remove(source);
            if (fetchers.isEmpty()) {
                fetching.remove(chunk);
                fetchingSince.remove(chunk);
            }
        }
        changed();
    }

    synchronized boolean isClaimed(int chunk) {
        return claimed.get(chunk);
    }

    synchronized boolean allDone() {
        return done.cardinality() == count;
    }

    /** Bytes from the start of the file up to the first chunk that is not done. */
    synchronized long donePrefixBytes() {
        return Math.min(size, (long) done.nextClearBit(0) * chunkSize);
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

    /** A copy of which chunks are done and who provided them. */
    synchronized ChunkOwners owners() {
        return new ChunkOwners(count, done, provider);
    }

    /** Makes the chunks missing again, to be fetched anew. */
    synchronized void invalidate(List<Integer> chunks) {
        for (int i : chunks) {
            claimed.clear(i);
            done.clear(i);
            provider.remove(i);
        }
        changed();
    }

    /**
     * Waits until a chunk changes hands or {@link #nudge()} is called, but no longer than
     * {@code max} on the {@code scheduler}'s clock.
     */
    synchronized void awaitChange(Scheduler scheduler, Duration max) throws InterruptedException {
        long seen = changes;
        Scheduler.Cancellable timeout = scheduler.schedule(max, this::nudge);
        try {
            while (changes == seen) {
                wait();
            }
        } finally {
            timeout.cancel();
        }
    }

    /** Wakes every waiting worker, to look again whether it should stop. */
    synchronized void nudge() {
        changed();
    }

    private void changed() {
        changes++;
        notifyAll();
    }
}
