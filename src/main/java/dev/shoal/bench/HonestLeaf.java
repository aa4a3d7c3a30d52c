package dev.shoal.bench;

import dev.shoal.protocol.Guid;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The flood bench's well-behaved client: a leaf that asks the node for its shared file ten times a
 * second, each query with a fresh GUID, and records when each was sent and how long its hit took
 * (or that none came within two seconds). If the node drops it, it connects again.
 */
final class HonestLeaf implements AutoCloseable {
    /** The word the target's shared file is named after. */
    static final String WORD = "honestneedle";
    private static final int ANSWER_MILLIS = 2_000;
    private static final long PAUSE_MILLIS = 100;

    /** One query: when it left and when its hit came (-1: never). */
    private record Sample(long sentNanos, long answeredNanos) {
    }

    /** The queries sent in a time window. */
    record Tally(int asked, int answered, Double p50Millis, Double maxMillis) {
    }

    private final InetSocketAddress node;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    private HonestLeaf(InetSocketAddress node) {
        this.node = node;
        this.thread = new Thread(this::run, "shoal-flood-honest");
        thread.setDaemon(true);
    }

    static HonestLeaf start(InetSocketAddress node) {
        HonestLeaf h = new HonestLeaf(node);
        h.thread.start();
        return h;
    }

    private void run() {
        FloodPeer peer = null;
        while (!stopped) {
            try {
                if (peer == null) {
                    peer = FloodPeer.connect(node, false, ANSWER_MILLIS);
                }
                long sent = System.nanoTime();
                Guid guid = peer.query(WORD, 1);
                boolean answered = peer.awaitHit(guid, ANSWER_MILLIS);
                record(new Sample(sent, answered ? System.nanoTime() : -1));
                Thread.sleep(PAUSE_MILLIS);
            } catch (IOException e) {
                record(new Sample(System.nanoTime(), -1));
                peer = closeQuietly(peer);
                pause();
            } catch (InterruptedException e) {
                break;
            }
        }
        closeQuietly(peer);
    }

    private synchronized void record(Sample s) {
        samples.add(s);
    }

    /** Queries sent between the two instants (System.nanoTime). */
    synchronized Tally tally(long fromNanos, long toNanos) {
        List<Double> millis = new ArrayList<>();
        int asked = 0;
        for (Sample s : samples) {
            if (s.sentNanos >= fromNanos && s.sentNanos < toNanos) {
                asked++;
                if (s.answeredNanos >= 0) {
                    millis.add((s.answeredNanos - s.sentNanos) / 1e6);
                }
            }
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Tally(asked, sorted.length, sorted.length == 0 ? null : sorted[sorted.length / 2],
                sorted.length == 0 ? null : Arrays.stream(sorted).max().getAsDouble());
    }

    /** When the first hit arrived after {@code nanos}, or -1 if none did. */
    synchronized long firstAnswerAfter(long nanos) {
        long first = -1;
        for (Sample s : samples) {
            if (s.answeredNanos >= nanos && (first < 0 || s.answeredNanos < first)) {
                first = s.answeredNanos;
            }
        }
        return first;
    }

    private static FloodPeer closeQuietly(FloodPeer p) {
        if (p != null) {
            try {
                p.close();
            } catch (IOException ignored) {
                // going away anyway
            }
        }
        return null;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
