package dev.shoal.time;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} on the system clock: one daemon thread. A task that throws is logged and, if
 * periodic, keeps running (a scheduled executor would silently stop it). Once closed it runs
 * nothing more, and takes late tasks without complaint: they belong to work that is stopping too.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExecutorScheduler.class);

    private static final Cancellable NOTHING = () -> { };

    private final ScheduledThreadPoolExecutor executor;

    public ExecutorScheduler(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        // Cancelled timeouts (one per request, most never fire) must not pile up until their delay.
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Clock clock() {
        return Clock.system();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> f = executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException closed) {
            return NOTHING;
        }
    }

    @Override
    public Cancellable every(Duration period, Runnable task) {
        long nanos = period.toNanos();
        try {
            ScheduledFuture<?> f = executor.scheduleAtFixedRate(guarded(task), nanos, nanos, TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException closed) {
            return NOTHING;
        }
    }

    /** On the system clock the thread can simply sleep: no hop through the scheduler's thread. */
    @Override
    public void sleep(Duration d) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(d.toNanos());
    }

    /** For code that needs the executor interface itself (MINA filters, for instance). */
    public ScheduledExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("scheduled task failed", e);
            }
        };
    }
}
