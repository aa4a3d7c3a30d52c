package dev.shoal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * Collects items that arrive on node threads and hands them to the EDT in batches, at most once per
 * delay: a burst of a thousand hits costs the EDT one table update instead of a thousand.
 */
final class Coalescer<T> {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shoal-ui-coalescer");
        t.setDaemon(true);
        return t;
    });

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final long delayMillis;
    private final Consumer<List<T>> onEdt;

    Coalescer(long delayMillis, Consumer<List<T>> onEdt) {
        this.delayMillis = delayMillis;
        this.onEdt = onEdt;
    }

    /** Any thread. */
    void add(T item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            TIMER.schedule(() -> SwingUtilities.invokeLater(this::drain), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void drain() {
        // Cleared before polling: an item added meanwhile schedules the next batch rather than being stranded.
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T t = queue.poll(); t != null; t = queue.poll()) {
            batch.add(t);
        }
        if (!batch.isEmpty()) {
            onEdt.accept(batch);
        }
    }
}
