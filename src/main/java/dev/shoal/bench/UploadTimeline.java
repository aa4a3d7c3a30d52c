package dev.shoal.bench;

import dev.shoal.node.api.UploadInfo;
import java.util.Arrays;

/**
 * When the sharing nodes served one download, seen from their side, so that a Shoal process and a
 * reference tool are timed by the same instrument: the first request each node received and the
 * end of the last upload. Times are {@link System#nanoTime()}; thread-safe.
 */
final class UploadTimeline {
    /**
     * Seconds after the download's start.
     *
     * @param firstByte  the first request any node received (its first bytes leave at once)
     * @param lastJoined the first request of the last node to get one
     * @param lastByte   the end of the last upload
     * @param sources    how many nodes served it
     */
    record Marks(double firstByte, double lastJoined, double lastByte, int sources) {
    }

    private final long[] firstRequest;
    private long lastEnd;

    UploadTimeline(int nodes) {
        firstRequest = new long[nodes];
    }

    /** Forgets what was seen, before the next download. */
    synchronized void clear() {
        Arrays.fill(firstRequest, 0);
        lastEnd = 0;
    }

    /** An upload event from node {@code node}. */
    synchronized void seen(int node, UploadInfo upload) {
        long now = System.nanoTime();
        if (firstRequest[node] == 0) {
            firstRequest[node] = now;
        }
        if (upload.finished()) {
            lastEnd = now;
        }
    }

    /** The marks of the download that started at {@code startNanos}. */
    synchronized Marks since(long startNanos) {
        long first = 0;
        long last = 0;
        int sources = 0;
        for (long t : firstRequest) {
            if (t != 0) {
                first = first == 0 ? t : Math.min(first, t);
                last = Math.max(last, t);
                sources++;
            }
        }
        return new Marks(seconds(first, startNanos), seconds(last, startNanos), seconds(lastEnd, startNanos), sources);
    }

    private static double seconds(long nanos, long startNanos) {
        return nanos <= 0 ? Double.NaN : (nanos - startNanos) / 1e9;
    }
}
