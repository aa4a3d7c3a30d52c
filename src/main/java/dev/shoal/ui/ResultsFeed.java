package dev.shoal.ui;

import dev.shoal.node.api.SearchResult;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;

/**
 * Brings a search's (or a browse's) ranked and judged results to the EDT. Anything may ask for a look (a hit
 * arrived, the spam list changed); looks are taken at most once per delay, off the EDT (ranking
 * a few thousand files is the node's work, not the event thread's), and reach the EDT in order.
 */
final class ResultsFeed {
    /** One thread for every tab: snapshots are taken one after another, so they arrive in order. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shoal-ui-results");
        t.setDaemon(true);
        return t;
    });

    private final long delayMillis;
    private final Consumer<List<SearchResult>> onEdt;
    private final AtomicReference<Supplier<List<SearchResult>>> search = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    ResultsFeed(long delayMillis, Consumer<List<SearchResult>> onEdt) {
        this.delayMillis = delayMillis;
        this.onEdt = onEdt;
    }

    /** Starts looking at {@code s}, a search's or browse's results; a look is taken at once for hits already come. */
    void attach(Supplier<List<SearchResult>> s) {
        search.set(s);
        request();
    }

    /** No more looks: the tab is gone. */
    void detach() {
        search.set(null);
    }

    /** Any thread: asks for a fresh look soon. */
    void request() {
        if (search.get() != null && scheduled.compareAndSet(false, true)) {
            TIMER.schedule(this::look, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void look() {
        // Cleared first: a request made while looking schedules the next look rather than being lost.
        scheduled.set(false);
        Supplier<List<SearchResult>> s = search.get();
        if (s == null) {
            return;
        }
        List<SearchResult> results = s.get();
        SwingUtilities.invokeLater(() -> {
            if (search.get() != null) {
                onEdt.accept(results);
            }
        });
    }
}
