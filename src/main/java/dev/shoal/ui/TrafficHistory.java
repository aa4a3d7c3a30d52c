package dev.shoal.ui;

import dev.shoal.node.api.Traffic;

/**
 * The last {@code capacity} incoming and outgoing rates, from byte totals sampled about once a
 * second; the rate is the difference between two samples over the time between them. Pure: the
 * sample time is passed in.
 */
final class TrafficHistory {
    private final long[] in;
    private final long[] out;
    private int size;
    private int next;
    private Traffic last;
    private long lastNanos;

    TrafficHistory(int capacity) {
        in = new long[capacity];
        out = new long[capacity];
    }

    void sample(Traffic totals, long nanos) {
        if (last != null && nanos > lastNanos) {
            double seconds = (nanos - lastNanos) / 1e9;
            // Totals can shrink when a finished download is forgotten: clamp at zero rather than draw a dip.
            in[next] = Math.round(Math.max(0, totals.bytesIn() - last.bytesIn()) / seconds);
            out[next] = Math.round(Math.max(0, totals.bytesOut() - last.bytesOut()) / seconds);
            next = (next + 1) % in.length;
            size = Math.min(size + 1, in.length);
        }
        last = totals;
        lastNanos = nanos;
    }

    int capacity() {
        return in.length;
    }

    int size() {
        return size;
    }

    /** The i-th oldest incoming rate, 0 ≤ i < size. */
    long in(int i) {
        return in[index(i)];
    }

    long out(int i) {
        return out[index(i)];
    }

    long latestIn() {
        return size == 0 ? 0 : in(size - 1);
    }

    long latestOut() {
        return size == 0 ? 0 : out(size - 1);
    }

    long peak() {
        long max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, Math.max(in(i), out(i)));
        }
        return max;
    }

    private int index(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return (next - size + i + in.length) % in.length;
    }
}
