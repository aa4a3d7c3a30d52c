package dev.shoal.routing;

import dev.shoal.protocol.Guid;

/**
 * Reverse-path routes: GUID → the connection a message with that GUID came from, so that
 * replies (hits for a query GUID, pushes for a servent id) can be sent back along it.
 *
 * <p>Two generations bound memory and age, see {@link GenerationalMap}: an entry lives at least
 * {@code lifetimeMillis} (unless a generation reaches {@code maxPerGeneration} first) and at
 * most twice that. Closing a connection removes all its entries at once, so a closed connection
 * is never returned. {@code C} is compared with {@code equals}. Not thread-safe.
 */
public final class RouteTable<C> {
    private final GenerationalMap<C> routes;

    public RouteTable(long lifetimeMillis, int maxPerGeneration) {
        this.routes = new GenerationalMap<>(lifetimeMillis, maxPerGeneration);
    }

    /** Routes {@code guid} to {@code connection}, replacing any older route for it. */
    public void put(Guid guid, C connection, long nowMillis) {
        if (connection == null) {
            throw new IllegalArgumentException("connection is required");
        }
        routes.put(guid, connection, nowMillis);
    }

    /** The connection for {@code guid}, or null if unknown, expired or closed. */
    public C get(Guid guid, long nowMillis) {
        return routes.get(guid, nowMillis);
    }

    /** Forgets every route through {@code connection}; call when it closes. */
    public void removeConnection(C connection) {
        routes.removeValue(connection);
    }

    public int size() {
        return routes.size();
    }
}
