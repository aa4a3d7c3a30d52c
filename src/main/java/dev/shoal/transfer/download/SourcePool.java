package dev.shoal.transfer.download;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sources of one download and what we know about each: active, waiting to retry (after a
 * failure with backoff, or a 503's Retry-After), dropped, banned or held out while suspected, and
 * whether it is reached by Push. Thread-safe; time is passed in.
 */
final class SourcePool {
    static final long BASE_BACKOFF_MILLIS = 1000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private static final class Entry {
        Source source;
        int failures;
        int busy;
        /** Our place in its upload queue from its last busy answer, or 0. */
        int queuePosition;
        long retryAt;
        long delivered;
        boolean active;
        boolean dropped;
        boolean banned;
        boolean excluded;
        boolean useGet;
        /** Reach it by Push before dialling: its hit said so, or a Push is what worked last. */
        boolean pushFirst;

        Entry(Source source) {
            this.source = source;
            this.pushFirst = source.firewalled() || !source.canDial();
        }

        boolean usable() {
            return !dropped && !banned && !excluded;
        }
    }

    private final Map<Source, Entry> entries = new LinkedHashMap<>();
    private final SwarmConfig config;

    SourcePool(Collection<Source> initial, SwarmConfig config) {
        this.config = config;
        for (Source s : initial) {
            add(s);
        }
    }

    /**
     * Adds a source; a known one gains what it lacked (index and name, servent id). False when
     * not new, or when it can neither be dialled nor pushed.
     */
    synchronized boolean add(Source source) {
        Entry e = entries.get(source);
        if (e != null) {
            e.source = e.source.mergedWith(source);
            return false;
        }
        if (entries.size() >= config.maxKnownSources() || !source.canDial() && !source.canPush()) {
            return false;
        }
        entries.put(source, new Entry(source));
        return true;
    }

    /** A usable, idle source whose retry time has come, marked active; empty if none. */
    synchronized Optional<Source> startNext(long nowMillis) {
        for (Entry e : entries.values()) {
            if (e.usable() && !e.active && e.retryAt <= nowMillis) {
                e.active = true;
                return Optional.of(e.source);
            }
        }
        return Optional.empty();
    }

    synchronized void finished(Source s) {
        entries.get(s).active = false;
    }

    synchronized void delivered(Source s, long bytes) {
        Entry e = entries.get(s);
        e.delivered += bytes;
        e.failures = 0;
        e.busy = 0;
        e.queuePosition = 0;
    }

    /** A connect, I/O or protocol failure: retry later with backoff, drop after too many. */
    synchronized void failed(Source s, long nowMillis) {
        Entry e = entries.get(s);
        e.failures++;
        if (e.failures >= config.maxFailures()) {
            e.dropped = true;
        } else {
            e.retryAt = nowMillis + Math.min(MAX_BACKOFF_MILLIS, BASE_BACKOFF_MILLIS << (e.failures - 1));
        }
    }

    /** The source is of no use for this download (404, wrong file size). */
    synchronized void drop(Source s) {
        entries.get(s).dropped = true;
    }

    /** A 503: try again after {@code retryAfterMillis}; {@code queuePosition} is our place in its line, or 0. */
    synchronized void busy(Source s, long nowMillis, long retryAfterMillis, int queuePosition) {
        Entry e = entries.get(s);
        e.busy++;
        e.queuePosition = queuePosition;
        if (e.busy > config.maxBusyRetries()) {
            e.dropped = true;
        } else {
            e.retryAt = nowMillis + retryAfterMillis;
        }
    }

    synchronized void ban(Source s) {
        entries.get(s).banned = true;
    }

    synchronized void exclude(Source s, boolean excluded) {
        entries.get(s).excluded = excluded;
    }

    synchronized boolean isBanned(Source s) {
        Entry e = entries.get(s);
        return e != null && e.banned;
    }

    synchronized void useGet(Source s) {
        entries.get(s).useGet = true;
    }

    synchronized boolean usesGet(Source s) {
        return entries.get(s).useGet;
    }

    synchronized boolean pushFirst(Source s) {
        return entries.get(s).pushFirst;
    }

    /** Remembers how the source was reached last, to try that first next time. */
    synchronized void reachedByPush(Source s, boolean push) {
        entries.get(s).pushFirst = push;
    }

    /** The freshest known form of the source (it may have learnt its index and name). */
    synchronized Source current(Source s) {
        return entries.get(s).source;
    }

    /** True while some source is active or may still be tried. */
    synchronized boolean hopeful() {
        return entries.values().stream().anyMatch(e -> e.active || e.usable());
    }

    synchronized int active() {
        return (int) entries.values().stream().filter(e -> e.active).count();
    }

    /**
     * Sources that delivered data and are not banned, for our X-Alt, leaving out {@code except}
     * and those only reachable by Push (others could not connect to them either).
     */
    synchronized List<InetSocketAddress> good(Source except, int max) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (out.size() < max && e.delivered > 0 && !e.banned && !e.pushFirst && !e.source.equals(except)) {
                out.add(e.source.address());
            }
        }
        return out;
    }

    synchronized List<Source> banned() {
        return entries.values().stream().filter(e -> e.banned).map(e -> e.source).toList();
    }

    /** Every source with what it delivered and what it is doing, in the order they were learnt. */
    synchronized List<SourceStats> stats() {
        List<SourceStats> out = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            out.add(new SourceStats(e.source, e.delivered, stateOf(e), e.busy > 0, e.queuePosition, e.retryAt,
                    e.pushFirst));
        }
        return out;
    }

    private static SourceStats.State stateOf(Entry e) {
        if (e.banned) {
            return SourceStats.State.BANNED;
        }
        if (e.dropped) {
            return SourceStats.State.DROPPED;
        }
        if (e.active) {
            return SourceStats.State.ACTIVE;
        }
        return e.failures > 0 || e.busy > 0 ? SourceStats.State.RETRYING : SourceStats.State.IDLE;
    }

    synchronized int size() {
        return entries.size();
    }
}
