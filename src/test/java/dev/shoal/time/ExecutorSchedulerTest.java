package dev.shoal.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExecutorSchedulerTest {
    @Test
    void aPeriodicTaskThatThrowsKeepsRunning() throws InterruptedException {
        CountDownLatch third = new CountDownLatch(3);
        AtomicInteger runs = new AtomicInteger();
        try (ExecutorScheduler scheduler = new ExecutorScheduler("test-scheduler")) {
            scheduler.every(Duration.ofMillis(5), () -> {
                runs.incrementAndGet();
                third.countDown();
                throw new IllegalStateException("boom");
            });
            assertThat(third.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(runs.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aOneShotTaskRunsOnTheSchedulersThread() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        String[] thread = new String[1];
        try (ExecutorScheduler scheduler = new ExecutorScheduler("test-scheduler")) {
            scheduler.schedule(Duration.ofMillis(1), () -> {
                thread[0] = Thread.currentThread().getName();
                ran.countDown();
            });
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(thread[0]).isEqualTo("test-scheduler");
    }

    @Test
    void sleepWaitsAtLeastTheDurationOnTheSystemClock() throws InterruptedException {
        try (ExecutorScheduler scheduler = new ExecutorScheduler("test-scheduler")) {
            long start = scheduler.clock().nanoTime();
            scheduler.sleep(Duration.ofMillis(20));
            assertThat(scheduler.clock().nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
        }
    }

    @Test
    void aClosedSchedulerTakesLateTasksButRunsNone() throws InterruptedException {
        ExecutorScheduler scheduler = new ExecutorScheduler("test-scheduler");
        scheduler.close();
        scheduler.schedule(Duration.ZERO, () -> {
            throw new AssertionError("ran after close");
        }).cancel();
        scheduler.every(Duration.ofMillis(1), () -> {
            throw new AssertionError("ran after close");
        }).cancel();
        assertThat(scheduler.executor().isShutdown()).isTrue();
        assertThat(scheduler.executor().awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
}
