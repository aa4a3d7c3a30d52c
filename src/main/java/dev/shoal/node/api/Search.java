package dev.shoal.node.api;

import java.time.Duration;
import java.util.List;

/** A running search. Hits keep arriving until it is stopped or the node closes. */
public interface Search extends AutoCloseable {
    /** The query's GUID in hex. */
    String id();

    /** The TTL actually sent, after the node's max-TTL clamp. */
    int ttl();

    /** True when the requested TTL exceeded the node's maximum and was lowered. */
    boolean clamped();

    /** How many connected peers the query was sent to; 0 means no hit can come back. */
    int peersQueried();

    /**
     * How long to wait for hits before telling the user none came ({@link NodeConfig.Tuning#queryLifetime()}).
     * Hits arriving later are still delivered.
     */
    Duration lifetime();

    /**
     * The files found so far, best first ({@link SearchResult#score()}), followed by those that look
     * like spam, best first too, with the reason ({@link SearchResult#spam()}). A fresh snapshot on every call, so a
     * result gains sources, and may become hidden, as more hits arrive or the spam list changes;
     * after {@link #close()} it still answers with what came until then.
     */
    List<SearchResult> results();

    /**
     * The links the query went out on and the way each responder's hits came back; returns at
     * once. After {@link #close()} it still answers with what happened until then.
     */
    SearchReach reach();

    /** Stops delivering hits: the node forgets the search, and later hits for it are dropped. */
    @Override
    void close();
}
