package dev.shoal.routing;

import dev.shoal.protocol.Pong;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Recent pongs an ultrapeer answers pings with, instead of forwarding the pings: a few of the
 * newest per hop count (the hops the pong had made when it reached us), each kept for a short
 * lifetime. An answer lists the nearest hosts first. {@link #refreshDue(long)} says when to ping
 * our own links again to renew the cache. Time is passed in; not thread-safe.
 */
public final class PongCache {
    private final int maxHops;
    private final int perHop;
    private final long lifetimeMillis;
    private final long refreshMillis;
    private final List<Deque<Entry>> byHops = new ArrayList<>();
    private long lastRefresh = Long.MIN_VALUE;

    private record Entry(Pong pong, long at) {
    }

    /**
     * @param maxHops        pongs from farther than this are not kept
     * @param perHop         pongs kept per hop count (the newest)
     * @param lifetimeMillis a pong older than this is never given out
     * @param refreshMillis  how often to ping our links for fresh pongs
     */
    public PongCache(int maxHops, int perHop, long lifetimeMillis, long refreshMillis) {
        if (maxHops < 1 || perHop < 1 || lifetimeMillis < 1 || refreshMillis < 1) {
            throw new IllegalArgumentException("pong cache settings must be positive");
        }
        this.maxHops = maxHops;
        this.perHop = perHop;
        this.lifetimeMillis = lifetimeMillis;
        this.refreshMillis = refreshMillis;
        for (int h = 0; h < maxHops; h++) {
            byHops.add(new ArrayDeque<>());
        }
    }

    static final int MAX_HOPS = 6;
    static final int PER_HOP = 2;
    static final long LIFETIME_MILLIS = 6_000;
    static final long REFRESH_MILLIS = 3_000;
    /** How many pongs a node gives in answer to one ping. */
    public static final int ANSWER_SIZE = 10;

    /** Six hop counts, two pongs each, 6 s lifetime, refresh every 3 s (see protocol-spec/limits.md). */
    public static PongCache defaults() {
        return new PongCache(MAX_HOPS, PER_HOP, LIFETIME_MILLIS, REFRESH_MILLIS);
    }

    /** Keeps a pong that had made {@code hops} hops (1 = from a neighbour); a newer one from the same host replaces it. */
    public void add(Pong pong, int hops, long nowMillis) {
        if (hops < 1 || hops > maxHops) {
            return;
        }
        InetSocketAddress address = pong.address();
        for (Deque<Entry> d : byHops) {
            d.removeIf(e -> e.pong.address().equals(address));
        }
        Deque<Entry> slot = byHops.get(hops - 1);
        slot.addFirst(new Entry(pong, nowMillis));
        while (slot.size() > perHop) {
            slot.removeLast();
        }
    }

    /** A pong given out from the cache and the hops it had made when it reached us. */
    public record Cached(Pong pong, int hops) {
    }

    /** Up to {@code max} live pongs to answer a ping with, the fewest hops first, newest first within a hop count. */
    public List<Pong> answer(int max, long nowMillis) {
        return answerWithHops(max, nowMillis).stream().map(Cached::pong).toList();
    }

    /** {@link #answer}, each pong with its hop count (a relayed pong goes out with it). */
    public List<Cached> answerWithHops(int max, long nowMillis) {
        List<Cached> out = new ArrayList<>();
        for (int h = 0; h < byHops.size(); h++) {
            Deque<Entry> d = byHops.get(h);
            d.removeIf(e -> nowMillis - e.at >= lifetimeMillis);
            for (Entry e : d) {
                if (out.size() < max) {
                    out.add(new Cached(e.pong, h + 1));
                }
            }
        }
        return out;
    }

    /** True (and the refresh counted as done) when our links have not been pinged for the refresh period. */
    public boolean refreshDue(long nowMillis) {
        if (lastRefresh != Long.MIN_VALUE && nowMillis - lastRefresh < refreshMillis) {
            return false;
        }
        lastRefresh = nowMillis;
        return true;
    }
}
