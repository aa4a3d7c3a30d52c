package dev.shoal.routing;

import dev.shoal.protocol.Guid;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The querier's book of out-of-band hits: which answerer (address) we acknowledged for which of
 * our queries, with how many results and which security token. A hit that came by UDP is taken only
 * when it answers such an acknowledgement: from that address, with that token, and within the count
 * (the results beyond it are cut). An acknowledgement lives {@link #ACK_LIFETIME_MILLIS}; at most
 * {@link #MAX_ACKED} are kept, the oldest forgotten first. Time is the caller's monotonic
 * milliseconds. Thread safe.
 */
public final class OobAcks {
    /** How long after our acknowledgement its hits are taken. */
    public static final long ACK_LIFETIME_MILLIS = 30_000;
    public static final int MAX_ACKED = 1_024;
    /** What {@link #acknowledge} returns when that answerer was already acknowledged for that query. */
    public static final int ALREADY_ASKED = -1;
    /** How many times one acknowledgement is sent again for an answerer that repeats its offer. */
    public static final int MAX_RESENDS = 2;

    /** What becomes of a hit that came by UDP. */
    public enum Verdict {
        /** Taken: its first {@link Taken#keep()} results are ours. */
        TAKEN,
        /** No live acknowledgement of ours for that query to that address. */
        UNSOLICITED,
        /** The token in the hit is not the one we gave that answerer. */
        BAD_TOKEN,
        /** That answerer already sent all the results we asked for. */
        EXCESS
    }

    public record Taken(Verdict verdict, int keep) {
    }

    /** An acknowledgement as sent: how many results, and the token (null: none). */
    public record Ack(int wanted, byte[] token) {
    }

    private record Key(Guid query, InetSocketAddress answerer) {
    }

    private static final class Acked {
        final byte[] token;
        final long atMillis;
        final int wanted;
        int remaining;
        int resent;

        Acked(byte[] token, int wanted, long atMillis) {
            this.token = token;
            this.wanted = wanted;
            this.remaining = wanted;
            this.atMillis = atMillis;
        }
    }

    private final int perAnswerer;
    private final Map<Key, Acked> acked = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Acked> eldest) {
            return size() > MAX_ACKED;
        }
    };

    /** @param perAnswerer the most results asked of one answerer for one query */
    public OobAcks(int perAnswerer) {
        if (perAnswerer < 1) {
            throw new IllegalArgumentException("ask for at least one result: " + perAnswerer);
        }
        this.perAnswerer = perAnswerer;
    }

    /**
     * An answerer offered {@code offered} results for our query; {@code room} is how many more the
     * search takes. Records and returns how many we ask for: the offer, at most
     * {@code perAnswerer}, and no more than the room left once the results already asked of others
     * (and not come yet) are counted; 0 when there is no room (nothing is recorded), or
     * {@link #ALREADY_ASKED}. {@code token} (null: none) is what the hits must echo.
     */
    public synchronized int acknowledge(Guid query, InetSocketAddress answerer, int offered, int room, byte[] token,
            long nowMillis) {
        expire(nowMillis);
        Key key = new Key(query, answerer);
        if (acked.containsKey(key)) {
            return ALREADY_ASKED;
        }
        int wanted = Math.min(Math.min(offered, perAnswerer), room - outstanding(query));
        if (wanted <= 0) {
            return 0;
        }
        acked.put(key, new Acked(token == null ? null : token.clone(), wanted, nowMillis));
        return wanted;
    }

    /**
     * The answerer offers again what we acknowledged: our acknowledgement was probably lost. The
     * same one, to send again, while none of its hits has come and it has gone again fewer than
     * {@link #MAX_RESENDS} times; otherwise null.
     */
    public synchronized Ack again(Guid query, InetSocketAddress answerer, long nowMillis) {
        expire(nowMillis);
        Acked a = acked.get(new Key(query, answerer));
        if (a == null || a.remaining < a.wanted || a.resent >= MAX_RESENDS) {
            return null;
        }
        a.resent++;
        return new Ack(a.wanted, a.token == null ? null : a.token.clone());
    }

    /** A hit with {@code results} results and {@code token} (null: none) came by UDP from {@code answerer}. */
    public synchronized Taken take(Guid query, InetSocketAddress answerer, byte[] token, int results, long nowMillis) {
        expire(nowMillis);
        Acked a = acked.get(new Key(query, answerer));
        if (a == null) {
            return new Taken(Verdict.UNSOLICITED, 0);
        }
        if (a.token != null && !Arrays.equals(a.token, token)) {
            return new Taken(Verdict.BAD_TOKEN, 0);
        }
        if (a.remaining == 0) {
            return new Taken(Verdict.EXCESS, 0);
        }
        int keep = Math.min(results, a.remaining);
        a.remaining -= keep;
        return new Taken(Verdict.TAKEN, keep);
    }

    /** Our query ended: hits for it are unsolicited from now on. */
    public synchronized void forget(Guid query) {
        acked.keySet().removeIf(k -> k.query().equals(query));
    }

    /** Results asked for this query and not come yet. */
    private int outstanding(Guid query) {
        int sum = 0;
        for (Map.Entry<Key, Acked> e : acked.entrySet()) {
            if (e.getKey().query().equals(query)) {
                sum += e.getValue().remaining;
            }
        }
        return sum;
    }

    synchronized int size() {
        return acked.size();
    }

    /** Entries are in acknowledgement order, so the expired ones are at the head. */
    private void expire(long nowMillis) {
        Iterator<Acked> it = acked.values().iterator();
        while (it.hasNext()) {
            if (nowMillis - it.next().atMillis <= ACK_LIFETIME_MILLIS) {
                return;
            }
            it.remove();
        }
    }
}
