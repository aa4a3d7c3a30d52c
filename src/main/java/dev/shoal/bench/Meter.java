package dev.shoal.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Side readings of a measured slice that do not depend on how busy the machine is: bytes the
 * measuring thread allocated (HotSpot's per-thread counter, when the JVM offers it) and the time
 * the collectors reported, which a busy neighbour cannot change much but allocation can.
 */
final class Meter {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private long messages;
    private long allocated;
    private long gcMillis;
    private long wallNanos;
    private boolean allocationKnown = true;

    /** Readings at the start of a slice. */
    record Mark(long allocated, long gcMillis, long nanos) {
    }

    Mark mark() {
        return new Mark(allocatedBytes(), gcMillis(), System.nanoTime());
    }

    void add(Mark start, long messageCount) {
        Mark end = mark();
        messages += messageCount;
        allocated += end.allocated() - start.allocated();
        gcMillis += end.gcMillis() - start.gcMillis();
        wallNanos += end.nanos() - start.nanos();
    }

    /** Bytes allocated per message, or NaN when the JVM cannot count them. */
    double bytesPerMessage() {
        return allocationKnown && messages > 0 ? (double) allocated / messages : Double.NaN;
    }

    /** Share of the measured wall time that the collectors reported as spent collecting. */
    double gcShare() {
        return wallNanos > 0 ? gcMillis * 1e6 / wallNanos : Double.NaN;
    }

    private long allocatedBytes() {
        if (threads instanceof com.sun.management.ThreadMXBean hotspot && hotspot.isThreadAllocatedMemorySupported()
                && hotspot.isThreadAllocatedMemoryEnabled()) {
            return hotspot.getCurrentThreadAllocatedBytes();
        }
        allocationKnown = false;
        return 0;
    }

    private long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }
}
