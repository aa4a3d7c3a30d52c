package dev.shoal.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The churn: every {@code killEvery} a random live node is killed (ultrapeers as likely as
 * leaves), and started again on its own folders after {@link #DOWN_MIN} to {@link #DOWN_MAX}
 * down. Kills and restarts run on one thread, so a node is never started and killed at once.
 */
final class ChurnKiller {
    static final Duration DOWN_MIN = Duration.ofSeconds(2);
    static final Duration DOWN_MAX = Duration.ofSeconds(10);

    private final ChurnNetwork network;
    private final ChurnLoad load;
    private final ScheduledExecutorService thread;
    private final Random random;
    private final Consumer<String> progress;
    private final AtomicInteger kills = new AtomicInteger();
    private final AtomicInteger restarts = new AtomicInteger();
    private final List<Integer> down = new ArrayList<>();
    private final Rejoins rejoins = new Rejoins();
    private ScheduledFuture<?> killing;

    ChurnKiller(ChurnNetwork network, ChurnLoad load, ScheduledExecutorService thread, long seed,
            Consumer<String> progress) {
        this.network = network;
        this.load = load;
        this.thread = thread;
        this.random = new Random(seed);
        this.progress = progress;
    }

    void start(Duration killEvery) {
        long nanos = killEvery.toNanos();
        killing = thread.scheduleAtFixedRate(this::killOne, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** No more kills; the nodes down now come back at their time. */
    void stopKilling() {
        if (killing != null) {
            killing.cancel(false);
        }
    }

    /** Waits until every killed node has been started again (or failed to). */
    void awaitRestarts(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (down) {
                if (down.isEmpty()) {
                    return;
                }
            }
            Thread.sleep(100);
        }
    }

    int kills() {
        return kills.get();
    }

    int restarts() {
        return restarts.get();
    }

    private void killOne() {
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < network.size(); i++) {
            if (network.node(i).isPresent()) {
                live.add(i);
            }
        }
        if (live.isEmpty()) {
            return;
        }
        int victim = live.get(random.nextInt(live.size()));
        try {
            if (!network.kill(victim, node -> {
                rejoins.killed(node);
                load.killing(victim, node);
            })) {
                return;
            }
        } catch (RuntimeException e) {
            progress.accept("churn: killing node " + victim + " failed: " + e);
            return;
        }
        kills.incrementAndGet();
        synchronized (down) {
            down.add(victim);
        }
        long downMillis = DOWN_MIN.toMillis() + random.nextLong(DOWN_MAX.toMillis() - DOWN_MIN.toMillis());
        thread.schedule(() -> restart(victim), downMillis, TimeUnit.MILLISECONDS);
    }

    Rejoins rejoins() {
        return rejoins;
    }

    private void restart(int slot) {
        try {
            long start = System.nanoTime();
            if (network.restart(slot)) {
                network.node(slot).ifPresent(n -> rejoins.watch(n, start));
                restarts.incrementAndGet();
                network.node(slot).ifPresent(n -> load.restarted(slot, n));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (down) {
                down.remove(Integer.valueOf(slot));
            }
        }
    }
}
