package dev.shoal.ui;

import javax.swing.Timer;

/**
 * Delays on the event thread (the pause that sends a search as you type, the wait before a search
 * the node asked to come later). Injected, so that a test moves them by hand instead of sleeping.
 */
interface UiTimer {
    /** Runs {@code task} on the EDT after {@code millis}; the returned action cancels it. EDT only. */
    Runnable after(long millis, Runnable task);

    /** Swing's own timers. */
    UiTimer SWING = (millis, task) -> {
        Timer t = new Timer((int) Math.min(Integer.MAX_VALUE, millis), e -> task.run());
        t.setRepeats(false);
        t.start();
        return t::stop;
    };
}
