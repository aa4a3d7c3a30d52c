package dev.shoal.node.api;

/** Receives the hits of one search, on a node thread; implementations hand off to their own thread. */
@FunctionalInterface
public interface SearchListener {
    void onHit(SearchHit hit);
}
