package dev.shoal.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {
    private final VirtualTime time = new VirtualTime();
    private final List<String> ran = new ArrayList<>();

    @Test
    void tasksRunWhenTimeReachesThemInTimeOrderWithTheClockAtTheirDueTime() {
        time.schedule(Duration.ofSeconds(2), () -> ran.add("b@" + time.millis()));
        time.schedule(Duration.ofSeconds(1), () -> ran.add("a@" + time.millis()));
        time.advance(Duration.ofMillis(999));
        assertThat(ran).isEmpty();
        time.advance(Duration.ofSeconds(5));
        assertThat(ran).containsExactly("a@1000", "b@2000");
        assertThat(time.millis()).isEqualTo(5999);
    }

    @Test
    void tiesRunInTheOrderTheyWereScheduled() {
        for (String s : List.of("1", "2", "3")) {
            time.schedule(Duration.ofMillis(10), () -> ran.add(s));
        }
        time.advance(Duration.ofMillis(10));
        assertThat(ran).containsExactly("1", "2", "3");
    }

    @Test
    void periodicTasksRepeatUntilCancelledEvenFromInsideThemselves() {
        Scheduler.Cancellable[] handle = new Scheduler.Cancellable[1];
        handle[0] = time.every(Duration.ofSeconds(1), () -> {
            ran.add("tick@" + time.millis());
            if (ran.size() == 3) {
                handle[0].cancel();
            }
        });
        time.advance(Duration.ofSeconds(10));
        assertThat(ran).containsExactly("tick@1000", "tick@2000", "tick@3000");
        assertThat(time.pending()).isZero();
    }

    @Test
    void aTaskCanScheduleAnotherThatFallsDueInTheSameAdvance() {
        time.schedule(Duration.ofSeconds(1), () -> time.schedule(Duration.ofSeconds(1), () -> ran.add("x@" + time.millis())));
        time.advance(Duration.ofSeconds(3));
        assertThat(ran).containsExactly("x@2000");
    }

    @Test
    void aCancelledTaskNeverRuns() {
        time.schedule(Duration.ofSeconds(1), () -> ran.add("no")).cancel();
        time.advance(Duration.ofSeconds(2));
        assertThat(ran).isEmpty();
    }

    @Test
    void theWallClockMovesWithTheMonotonicOne() {
        long start = time.currentTimeMillis();
        time.advance(Duration.ofMinutes(1));
        assertThat(time.currentTimeMillis() - start).isEqualTo(60_000);
    }

    @Test
    void aSleepingThreadWakesWhenTimeReachesItsDueTime() throws InterruptedException {
        AtomicLong wokeAt = new AtomicLong(-1);
        Thread sleeper = new Thread(() -> {
            try {
                time.sleep(Duration.ofSeconds(2));
                wokeAt.set(time.millis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sleeper.start();
        await().until(() -> time.pending() == 1); // the sleeper has scheduled its wake-up
        time.advance(Duration.ofMillis(1999));
        // Its wake-up is still queued, so it cannot have woken, however fast this machine is.
        assertThat(time.pending()).isEqualTo(1);
        time.advance(Duration.ofMillis(1));
        sleeper.join(10_000);
        assertThat(wokeAt).hasValue(2000);
        assertThat(time.pending()).isZero();
    }
}
