package dev.shoal.node;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few threads that search our library for peers' queries, so that a slow disk holds up only
 * answers, never the network threads that route. Bounded everywhere: a few threads, a short
 * queue, and a cap per link, so one flooding peer cannot take every place. A query that finds no
 * place goes unanswered and is counted; queries are cheap to lose, peers ask again.
 */
final class AnswerPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AnswerPool.class);
    static final int THREADS = 2;
    static final int QUEUE = 64;
    static final int PER_LINK = 16;

    private final ThreadPoolExecutor executor;
    private final int perLink;
    private final Map<Object, Integer> waiting = new HashMap<>();
    private final AtomicLong dropped = new AtomicLong();

    AnswerPool() {
        this(THREADS, QUEUE, PER_LINK);
    }

    AnswerPool(int threads, int queue, int perLink) {
        this.executor = NodeThreads.bounded("shoal-answer", threads, queue);
        this.perLink = perLink;
    }

    /**
     * Runs {@code answer} on a pool thread, or drops it (false) when the pool is full or
     * {@code link} already has its share waiting or running.
     */
    boolean submit(Object link, Runnable answer) {
        synchronized (waiting) {
            int mine = waiting.getOrDefault(link, 0);
            if (mine >= perLink) {
                dropped.incrementAndGet();
                return false;
            }
            waiting.put(link, mine + 1);
        }
        try {
            executor.execute(() -> {
                try {
                    answer.run();
                } catch (RuntimeException e) {
                    log.warn("answering a query failed", e);
                } finally {
                    done(link);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            done(link);
            dropped.incrementAndGet();
            return false;
        }
    }

    /** Queries dropped because there was no place for them. */
    long dropped() {
        return dropped.get();
    }

    private void done(Object link) {
        synchronized (waiting) {
            waiting.computeIfPresent(link, (k, v) -> v == 1 ? null : v - 1);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
