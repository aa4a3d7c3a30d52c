package dev.shoal.node.bootstrap;

import java.util.HashMap;
import java.util.Map;

/**
 * When each cache may be asked again, so that none is hammered: after a request a cache rests
 * {@code rest}; if that request brought no hosts, the next rest is twice the last, up to
 * {@code longest}; an answer with hosts sets it back to {@code rest}, counted from its request. Times are the
 * caller's monotonic milliseconds. Not thread safe.
 */
final class CachePacing<K> {
    private static final class State {
        long askedMillis;
        long nextMillis;
        long restMillis;
        boolean helped = true;
    }

    private final long restMillis;
    private final long longestMillis;
    private final Map<K, State> states = new HashMap<>();

    CachePacing(long restMillis, long longestMillis) {
        this.restMillis = restMillis;
        this.longestMillis = longestMillis;
    }

    boolean mayAsk(K cache, long nowMillis) {
        State s = states.get(cache);
        return s == null || nowMillis >= s.nextMillis;
    }

    void asked(K cache, long nowMillis) {
        State s = states.computeIfAbsent(cache, k -> new State());
        s.restMillis = s.helped || s.restMillis == 0 ? restMillis : Math.min(longestMillis, s.restMillis * 2);
        s.helped = false;
        s.askedMillis = nowMillis;
        s.nextMillis = nowMillis + s.restMillis;
    }

    /** The last request to {@code cache} brought hosts: it rests the usual time from that request. */
    void helped(K cache) {
        State s = states.get(cache);
        if (s != null) {
            s.helped = true;
            s.restMillis = restMillis;
            s.nextMillis = s.askedMillis + restMillis;
        }
    }

    /** How long the cache rests after its last request (0 if never asked). */
    long restMillis(K cache) {
        State s = states.get(cache);
        return s == null ? 0 : s.restMillis;
    }
}
