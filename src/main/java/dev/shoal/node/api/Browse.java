package dev.shoal.node.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A running browse of one host: everything it shares, arriving as it sends its list. The files
 * can be downloaded exactly like search results.
 */
public interface Browse extends AutoCloseable {
    /** The host browsed, as typed or as its hit gave it ({@code host:port}). */
    String host();

    /**
     * The files received so far, grouped and judged like {@link Search#results()} (files that look
     * like fakes are hidden, with the reason); a fresh snapshot on every call.
     */
    List<SearchResult> results();

    /** How many files the host has listed so far (every result it sent, before grouping). */
    int filesReceived();

    /**
     * Completes with the number of files listed once the host's list has ended, the limit of one
     * browse was reached ({@link #truncated()}) or the browse was stopped; fails with a
     * {@link ShoalException} saying why no (whole) list came: the host cannot be reached, refuses
     * to be browsed, does not offer browsing, or sends something broken or nothing for too long.
     * Files received before a failure stay in {@link #results()}.
     */
    CompletableFuture<Integer> done();

    /** True when reading stopped at the most files one browse takes: the host may share more. */
    boolean truncated();

    /** Stops reading the host's list; what came stays. */
    @Override
    void close();
}
