package dev.shoal.ui;

import java.util.ArrayList;
import java.util.List;

/** The window's delays, moved by the test: nothing fires until {@link #advance} passes its time. EDT only. */
final class HandTimer implements UiTimer {
    private record Task(long due, Runnable run, boolean[] cancelled) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now;

    @Override
    public Runnable after(long millis, Runnable task) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now + millis, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves time on and runs, in order, every task due by then that was not cancelled. */
    void advance(long millis) {
        now += millis;
        while (true) {
            Task next = tasks.stream().filter(t -> t.due() <= now).min((a, b) -> Long.compare(a.due(), b.due()))
                    .orElse(null);
            if (next == null) {
                return;
            }
            tasks.remove(next);
            if (!next.cancelled()[0]) {
                next.run().run();
            }
        }
    }

    /** Tasks waiting and not cancelled. */
    int pending() {
        return (int) tasks.stream().filter(t -> !t.cancelled()[0]).count();
    }
}
