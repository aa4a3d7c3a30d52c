package dev.shoal;

import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether a window can be opened, asked before anything is started: a {@code DISPLAY} that names
 * no X server fails only when the first window is built, with servents already running.
 */
final class DisplayCheck {
    private static final long PROBE_SECONDS = 5;

    private DisplayCheck() {
    }

    /** True when there is no display at all, as on a server: nothing to report, the terminal is used. */
    static boolean headless() {
        return GraphicsEnvironment.isHeadless();
    }

    /** Why no window can be opened, or empty when one can. */
    static Optional<String> problem() {
        if (headless()) {
            return Optional.of("no display");
        }
        // A display on an unreachable host can make the connection hang: ask on a thread of its own.
        FutureTask<Void> probe = new FutureTask<>(() -> {
            GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
            return null;
        });
        Thread t = new Thread(probe, "shoal-display-probe");
        t.setDaemon(true);
        t.start();
        try {
            probe.get(PROBE_SECONDS, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return Optional.of(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        } catch (TimeoutException e) {
            return Optional.of("the display " + System.getenv("DISPLAY") + " did not answer within " + PROBE_SECONDS
                    + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /**
     * Waits until the event thread has run what was queued before (the app builds its window there)
     * and tells whether a window is showing now; false means building it failed.
     */
    static boolean windowOpened() throws InterruptedException {
        try {
            EventQueue.invokeAndWait(() -> {
            });
        } catch (InvocationTargetException e) {
            return false;
        }
        for (Frame f : Frame.getFrames()) {
            if (f.isShowing()) {
                return true;
            }
        }
        return false;
    }
}
