package dev.shoal.bench;

import dev.shoal.node.api.UploadInfo;
import java.util.Arrays;

/**
 * When the sharing nodes served one download, seen from their side, so that a Shoal process and a
 * reference tool are timed by the same instrument: the first request each node received and the
 * end of the last upload; and the processor time the downloading process had used by its first
 * request, which the machine's other load does not stretch as it stretches the wall-clock times.
 * Times are {@link System#nanoTime()}; thread-safe.
 */
final class UploadTimeline {
    /**
     * Seconds after the download's start.
     *
     * @param firstByte  the first request any node received (its first bytes leave at once)
     * @param lastJoined the first request of the last node to get one
     * @param lastByte   the end of the last upload
     * @param sources    how many nodes served it
     * @param cpuBeforeFirstByte processor seconds of the downloading process (all its threads) when
     *                   the first request arrived, to the operating system's tick; NaN when unknown
     */
    record Marks(double firstByte, double lastJoined, double lastByte, int sources, double cpuBeforeFirstByte) {
    }

    private final long[] firstRequest;
    private long lastEnd;
    private ProcessHandle downloader;
    private double cpuBeforeFirstByte = Double.NaN;

    UploadTimeline(int nodes) {
        firstRequest = new long[nodes];
    }

    /** Forgets what was seen, before the next download. */
    synchronized void clear() {
        Arrays.fill(firstRequest, 0);
        lastEnd = 0;
        downloader = null;
        cpuBeforeFirstByte = Double.NaN;
    }

    /** The process of the download now starting. */
    synchronized void downloader(ProcessHandle process) {
        downloader = process;
    }

    /** An upload event from node {@code node}. */
    synchronized void seen(int node, UploadInfo upload) {
        long now = System.nanoTime();
        if (Arrays.stream(firstRequest).allMatch(t -> t == 0) && downloader != null) {
            cpuBeforeFirstByte = downloader.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
        }
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
        return new Marks(seconds(first, startNanos), seconds(last, startNanos), seconds(lastEnd, startNanos), sources,
                cpuBeforeFirstByte);
    }

    private static double seconds(long nanos, long startNanos) {
        return nanos <= 0 ? Double.NaN : (nanos - startNanos) / 1e9;
    }
}
