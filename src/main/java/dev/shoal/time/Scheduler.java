package dev.shoal.time;

import java.time.Duration;

/**
 * Runs work later, on the scheduler's own thread (or, under {@link VirtualTime}, when the test
 * advances time). Tasks must be short: anything that blocks belongs on an executor of its own.
 */
public interface Scheduler {
    /** The clock this scheduler's delays are measured on. */
    Clock clock();

    /** Runs {@code task} once, {@code delay} from now. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} every {@code period}, the first time {@code period} from now. */
    Cancellable every(Duration period, Runnable task);

    /** A scheduled task; cancelling one that already ran or was cancelled does nothing. */
    interface Cancellable {
        void cancel();
    }
}
