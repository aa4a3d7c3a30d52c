package dev.shoal.time;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * Time that moves only when told to: a {@link Clock} and a {@link Scheduler} for tests and the
 * network simulator. {@link #advance(Duration)} runs every task that falls due, in time order (ties
 * in scheduling order), with the clock reading each task's due time while it runs. Thread-safe,
 * but tasks run on the thread that advances.
 */
public final class VirtualTime implements Clock, Scheduler {
    /** Wall-clock reading at virtual time zero: a fixed date, so that runs repeat exactly. */
    private static final long EPOCH_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized long currentTimeMillis() {
        return EPOCH_MILLIS + now / 1_000_000;
    }

    @Override
    public Clock clock() {
        return this;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(now + Math.max(0, delay.toNanos()), 0, sequence++, task);
        queue.add(t);
        return () -> cancel(t);
    }

    @Override
    public synchronized Cancellable every(Duration period, Runnable task) {
        long nanos = period.toNanos();
        if (nanos <= 0) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        Task t = new Task(now + nanos, nanos, sequence++, task);
        queue.add(t);
        return () -> cancel(t);
    }

    /** Moves time forward by {@code d}, running what falls due on the way. */
    public void advance(Duration d) {
        long target;
        synchronized (this) {
            target = now + d.toNanos();
        }
        while (true) {
            Task due;
            synchronized (this) {
                due = queue.peek();
                if (due == null || due.at > target) {
                    now = target;
                    return;
                }
                queue.poll();
                now = due.at;
                if (due.period > 0) {
                    due.at += due.period;
                    due.order = sequence++;
                    queue.add(due);
                }
            }
            due.task.run();
        }
    }

    /** Runs what is due now without moving time (work scheduled with no delay). */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Tasks waiting to run, periodic ones included. */
    public synchronized int pending() {
        return queue.size();
    }

    private synchronized void cancel(Task t) {
        queue.remove(t);
    }

    private static final class Task implements Comparable<Task> {
        long at;
        final long period;
        long order;
        final Runnable task;

        Task(long at, long period, long order, Runnable task) {
            this.at = at;
            this.period = period;
            this.order = order;
            this.task = task;
        }

        @Override
        public int compareTo(Task o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }
}
