package dev.shoal.node.api;

/** A running search. Hits keep arriving until it is stopped or the node closes. */
public interface Search extends AutoCloseable {
    /** The query's GUID in hex. */
    String id();

    /** The TTL actually sent, after the node's max-TTL clamp. */
    int ttl();

    /** True when the requested TTL exceeded the node's maximum and was lowered. */
    boolean clamped();

    /** Stops delivering hits. */
    @Override
    void close();
}
