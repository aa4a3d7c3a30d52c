package dev.shoal.routing;

import dev.shoal.protocol.Guid;
import java.util.HashMap;
import java.util.Map;

/**
 * Reverse-path routes: GUID → the connection a message with that GUID came from, so that
 * replies (hits for a query GUID, pushes for a servent id) can be sent back along it.
 *
 * <p>Two generations bound memory and age, as in {@link SeenGuids}: an entry lives at least
 * {@code lifetimeMillis} (unless a generation reaches {@code maxPerGeneration} first) and at
 * most twice that. Closing a connection removes all its entries at once, so a closed connection
 * is never returned. {@code C} is compared with {@code equals}. Not thread-safe.
 */
public final class RouteTable<C> {
    private final long lifetimeMillis;
    private final int maxPerGeneration;
    private Map<Guid, C> current = new HashMap<>();
    private Map<Guid, C> previous = new HashMap<>();
    private long currentStart;
    private boolean started;

    public RouteTable(long lifetimeMillis, int maxPerGeneration) {
        if (lifetimeMillis <= 0 || maxPerGeneration <= 0) {
            throw new IllegalArgumentException("lifetime and capacity must be positive");
        }
        this.lifetimeMillis = lifetimeMillis;
        this.maxPerGeneration = maxPerGeneration;
    }

    /** Routes {@code guid} to {@code connection}, replacing any older route for it. */
    public void put(Guid guid, C connection, long nowMillis) {
        if (connection == null) {
            throw new IllegalArgumentException("connection is required");
        }
        rotate(nowMillis);
        if (!current.containsKey(guid) && current.size() >= maxPerGeneration) {
            shift(nowMillis);
        }
        previous.remove(guid);
        current.put(guid, connection);
    }

    /** The connection for {@code guid}, or null if unknown, expired or closed. */
    public C get(Guid guid, long nowMillis) {
        rotate(nowMillis);
        C c = current.get(guid);
        return c != null ? c : previous.get(guid);
    }

    /** Forgets every route through {@code connection}; call when it closes. */
    public void removeConnection(C connection) {
        current.values().removeIf(connection::equals);
        previous.values().removeIf(connection::equals);
    }

    public int size() {
        return current.size() + previous.size();
    }

    private void rotate(long now) {
        if (!started) {
            started = true;
            currentStart = now;
            return;
        }
        long age = now - currentStart;
        if (age >= 2 * lifetimeMillis) {
            previous = new HashMap<>();
            current = new HashMap<>();
            currentStart = now;
        } else if (age >= lifetimeMillis) {
            // Start the new generation when it was due, not when we noticed, so nothing
            // outlives two lifetimes.
            shift(currentStart + lifetimeMillis);
        }
    }

    private void shift(long start) {
        previous = current;
        current = new HashMap<>();
        currentStart = start;
    }
}
