package dev.shoal.node.api;

/** Receives {@link NodeEvent}s on a node thread. */
@FunctionalInterface
public interface NodeListener {
    void onEvent(NodeEvent event);
}
