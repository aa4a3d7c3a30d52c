package dev.shoal.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What we know of the hosts we could connect to, and which to try first. Per host: when it was
 * last heard of, its role, its uptime as it reported it, connects that worked and failures since
 * the last one that worked. Best first: the wanted role, then fewer failures in a row, then more
 * successful connects, then longer uptime, then heard of more recently. A host that just failed
 * rests (10 s, doubling with each failure in a row, at most 30 min) before it is offered again.
 * Bounded: when full, the worst host goes. {@code A} is the caller's address type. Time is passed
 * in; not thread-safe.
 */
public final class HostSelector<A> {
    public static final long FIRST_REST_MILLIS = 10_000;
    public static final long MAX_REST_MILLIS = 30 * 60_000;

    private final int capacity;
    private final Map<A, Host<A>> hosts = new HashMap<>();

    /** What we know of one host. */
    public record Host<A>(A address, boolean ultrapeer, long lastSeen, long uptimeMillis, int successes,
            int failuresInARow, long lastFailure) {
    }

    public HostSelector(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Heard of a host (pong, X-Try-Ultrapeers, IPP, hit): its role and reported uptime are updated. */
    public void heardOf(A address, boolean ultrapeer, long uptimeMillis, long nowMillis) {
        Host<A> h = hosts.get(address);
        if (h == null) {
            if (hosts.size() >= capacity) {
                evictWorst();
            }
            hosts.put(address, new Host<>(address, ultrapeer, nowMillis, uptimeMillis, 0, 0, 0));
        } else {
            hosts.put(address, new Host<>(address, ultrapeer, Math.max(h.lastSeen(), nowMillis), uptimeMillis,
                    h.successes(), h.failuresInARow(), h.lastFailure()));
        }
    }

    /** A connect to the host worked: its failures are forgiven. */
    public void connected(A address, long nowMillis) {
        Host<A> h = hosts.get(address);
        if (h != null) {
            hosts.put(address, new Host<>(address, h.ultrapeer(), nowMillis, h.uptimeMillis(), h.successes() + 1, 0, 0));
        }
    }

    /** A connect to the host failed (refused, timed out, or it went away). */
    public void failed(A address, long nowMillis) {
        Host<A> h = hosts.get(address);
        if (h != null) {
            hosts.put(address, new Host<>(address, h.ultrapeer(), h.lastSeen(), h.uptimeMillis(), h.successes(),
                    h.failuresInARow() + 1, nowMillis));
        }
    }

    /** Puts back a host as it was saved (a host cache read from disk); replaces what is known of it. */
    public void restore(Host<A> host) {
        if (!hosts.containsKey(host.address()) && hosts.size() >= capacity) {
            evictWorst();
        }
        hosts.put(host.address(), host);
    }

    /** Every host known, in no particular order (to save them). */
    public List<Host<A>> hosts() {
        return List.copyOf(hosts.values());
    }

    public void forget(A address) {
        hosts.remove(address);
    }

    public Host<A> get(A address) {
        return hosts.get(address);
    }

    public int size() {
        return hosts.size();
    }

    /** Up to {@code n} hosts to try now, best first, leaving out resting hosts and those {@code skip} rejects. */
    public List<A> best(int n, boolean wantUltrapeer, Predicate<A> skip, long nowMillis) {
        List<Host<A>> ready = new ArrayList<>();
        for (Host<A> h : hosts.values()) {
            if (!resting(h, nowMillis) && !skip.test(h.address())) {
                ready.add(h);
            }
        }
        ready.sort(order(wantUltrapeer));
        List<A> out = new ArrayList<>();
        for (int i = 0; i < ready.size() && i < n; i++) {
            out.add(ready.get(i).address());
        }
        return out;
    }

    static boolean resting(Host<?> h, long now) {
        if (h.failuresInARow() == 0) {
            return false;
        }
        long rest = FIRST_REST_MILLIS << Math.min(20, h.failuresInARow() - 1);
        return now - h.lastFailure() < Math.min(rest, MAX_REST_MILLIS);
    }

    private static <A> Comparator<Host<A>> order(boolean wantUltrapeer) {
        return Comparator.<Host<A>>comparingInt(h -> h.ultrapeer() == wantUltrapeer ? 0 : 1)
                .thenComparingInt(Host::failuresInARow)
                .thenComparing(Comparator.comparingInt((Host<A> h) -> h.successes()).reversed())
                .thenComparing(Comparator.comparingLong((Host<A> h) -> h.uptimeMillis()).reversed())
                .thenComparing(Comparator.comparingLong((Host<A> h) -> h.lastSeen()).reversed());
    }

    private void evictWorst() {
        Host<A> worst = null;
        Comparator<Host<A>> order = order(true);
        for (Host<A> h : hosts.values()) {
            if (worst == null || order.compare(h, worst) > 0) {
                worst = h;
            }
        }
        hosts.remove(worst.address());
    }
}
