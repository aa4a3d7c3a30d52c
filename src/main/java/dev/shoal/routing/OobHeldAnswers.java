package dev.shoal.routing;

import dev.shoal.protocol.Guid;
import dev.shoal.protocol.QueryHit;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answerer's store of out-of-band answers: the hits for a query that asked for them by UDP,
 * held while the querier decides (we told it how many by LIME/12), and released only to a LIME/11
 * from the address in the query's GUID, at most as many results as it asks for, once. An answer is
 * held {@link #HOLD_MILLIS} and then dropped; at most {@link #MAX_HELD} are held, and a query that
 * finds the store full is refused (its hits go back by TCP). Time is the caller's monotonic
 * milliseconds. Thread safe.
 */
public final class OobHeldAnswers {
    public static final long HOLD_MILLIS = 30_000;
    public static final int MAX_HELD = 256;

    private record Key(Guid query, InetSocketAddress querier) {
    }

    private record Held(List<QueryHit> hits, long atMillis) {
    }

    private final int maxHeld;
    private final Map<Key, Held> held = new LinkedHashMap<>();
    private long expired;

    public OobHeldAnswers() {
        this(MAX_HELD);
    }

    public OobHeldAnswers(int maxHeld) {
        this.maxHeld = maxHeld;
    }

    /** Holds {@code hits} for {@code querier}; false when the store is full or already holds that query's answer. */
    public synchronized boolean hold(Guid query, InetSocketAddress querier, List<QueryHit> hits, long nowMillis) {
        expire(nowMillis);
        Key key = new Key(query, querier);
        if (held.size() >= maxHeld || held.containsKey(key)) {
            return false;
        }
        held.put(key, new Held(List.copyOf(hits), nowMillis));
        return true;
    }

    /**
     * The held hits for {@code query} that {@code from} asks for: the first {@code wanted} results
     * (the last hit cut to fit), and the answer is no longer held. Null when nothing is held for
     * that query and address (never was, expired, or already released).
     */
    public synchronized List<QueryHit> release(Guid query, InetSocketAddress from, int wanted, long nowMillis) {
        expire(nowMillis);
        Held h = held.remove(new Key(query, from));
        if (h == null) {
            return null;
        }
        List<QueryHit> out = new ArrayList<>();
        int left = wanted;
        for (QueryHit hit : h.hits()) {
            if (left <= 0) {
                break;
            }
            QueryHit cut = hit.firstResults(left);
            out.add(cut);
            left -= cut.results().size();
        }
        return out;
    }

    public synchronized int size() {
        return held.size();
    }

    /** Answers dropped because no acknowledgement came in time. */
    public synchronized long expired() {
        return expired;
    }

    private void expire(long nowMillis) {
        Iterator<Held> it = held.values().iterator();
        while (it.hasNext()) {
            if (nowMillis - it.next().atMillis() <= HOLD_MILLIS) {
                return;
            }
            it.remove();
            expired++;
        }
    }
}
