package dev.shoal.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What the load did in one phase: searches and how many found their file, downloads and how they ended. */
final class ChurnTally {
    final String phase;
    final AtomicInteger searches = new AtomicInteger();
    final AtomicInteger found = new AtomicInteger();
    /** No live node that lacks the file had a link, or the file's holders were both down: nothing was sent. */
    final AtomicInteger skipped = new AtomicInteger();
    final AtomicInteger downloadsStarted = new AtomicInteger();
    final AtomicInteger downloadsCompleted = new AtomicInteger();
    final AtomicInteger downloadsVerified = new AtomicInteger();
    /** Downloads whose downloading node was killed before they finished (its next run may resume them). */
    final AtomicInteger downloadsCutByKill = new AtomicInteger();
    /** Downloads a restarted node took up again from its partial files. */
    final AtomicInteger downloadsResumed = new AtomicInteger();
    /** Downloads still running (or waiting for a source) when the run ended. */
    final AtomicInteger downloadsUnfinished = new AtomicInteger();
    private final List<Long> hitMillis = new ArrayList<>();
    private final Map<String, Integer> failures = new TreeMap<>();

    ChurnTally(String phase) {
        this.phase = phase;
    }

    synchronized void hitAfter(long millis) {
        hitMillis.add(millis);
    }

    synchronized void failed(String reason) {
        failures.merge(reason, 1, Integer::sum);
    }

    synchronized Map<String, Integer> failures() {
        return new TreeMap<>(failures);
    }

    synchronized int downloadsFailed() {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Median time from query to the wanted file's first hit, -1 when none came. */
    synchronized long medianHitMillis() {
        if (hitMillis.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(hitMillis);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Downloads neither completed, failed, cut by a kill nor still running: lost by the node or the
     * harness. Zero unless something is wrong.
     */
    int downloadsUnaccounted() {
        return downloadsStarted.get() + downloadsResumed.get() - downloadsCompleted.get() - downloadsFailed()
                - downloadsCutByKill.get() - downloadsUnfinished.get();
    }

    /** Found over searched, as a fraction; NaN when nothing was searched. */
    double successRate() {
        int n = searches.get();
        return n == 0 ? Double.NaN : (double) found.get() / n;
    }
}
