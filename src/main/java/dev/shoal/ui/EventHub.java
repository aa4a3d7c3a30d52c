package dev.shoal.ui;

import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.NodeListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The UI's single {@link NodeListener}: node events arrive on node threads, are batched every
 * {@value #BATCH_MILLIS} ms and handed to the panels on the EDT.
 */
final class EventHub implements NodeListener {
    static final long BATCH_MILLIS = 100;

    private final List<Consumer<List<NodeEvent>>> subscribers = new ArrayList<>();
    private final Coalescer<NodeEvent> batches = new Coalescer<>(BATCH_MILLIS, this::deliver);

    @Override
    public void onEvent(NodeEvent event) {
        batches.add(event);
    }

    /** EDT only. */
    void subscribe(Consumer<List<NodeEvent>> subscriber) {
        subscribers.add(subscriber);
    }

    private void deliver(List<NodeEvent> batch) {
        for (Consumer<List<NodeEvent>> s : subscribers) {
            s.accept(batch);
        }
    }
}
