package dev.shoal.time;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

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

    /**
     * Blocks the calling thread until {@code d} has passed on this scheduler's clock (under
     * {@link VirtualTime}, until a test advances time that far), for code that must wait in line,
     * such as a throttled upload. Never call it from a scheduled task: it would wait for itself.
     */
    default void sleep(Duration d) throws InterruptedException {
        CountDownLatch due = new CountDownLatch(1);
        Cancellable wake = schedule(d, due::countDown);
        try {
            due.await();
        } finally {
            wake.cancel();
        }
    }

    /** A scheduled task; cancelling one that already ran or was cancelled does nothing. */
    interface Cancellable {
        void cancel();
    }
}
