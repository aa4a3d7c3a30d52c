package dev.shoal.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Query round-trip latency over three loopback hops (leaf→A→B→C and back), against a bare MINA
 * echo chain of three hops started in the same run.
 *
 * <p>Queries go one at a time: each is the time from {@code search()} on the leaf to the first
 * hit delivered to its listener. Their text varies (one to three of the words in C's file name,
 * in any order) and each has a fresh GUID. After a warm-up, the measured time is cut into batches
 * and each batch runs queries and echo round trips for the same time, alternating which goes
 * first, so both see the same machine load. The ratio is query p50 ÷ echo p50.
 */
final class LatencySuite {
    static final String SUITE = "latency";
    static final String NAME = "query_3_hops";
    static final String REFERENCE = "mina_echo_3_hops";
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final Duration measure;
    private final Duration warmup;
    private final Consumer<String> progress;
    private final Random random = new Random(11);
    private final List<Double> queryMillis = new ArrayList<>();
    private final List<Double> echoMillis = new ArrayList<>();
    private long lost;

    LatencySuite(Duration measure, Duration warmup, Consumer<String> progress) {
        this.measure = measure;
        this.warmup = warmup;
        this.progress = progress;
    }

    /** Warm-up of a tenth of the measured time, between 0.3 and 2 seconds. */
    static Duration defaultWarmup(Duration measure) {
        return Duration.ofMillis(Math.max(300, Math.min(2_000, measure.toMillis() / 10)));
    }

    List<Figure> run() throws IOException, InterruptedException {
        progress.accept("latency: starting servents A-B-C, a leaf and a 3-hop MINA echo chain");
        try (ServentLine line = ServentLine.start(); MinaEchoChain echo = MinaEchoChain.start(3)) {
            awaitFirstHit(line);
            progress.accept(String.format("latency: warming up %.1f s", warmup.toMillis() / 1000.0));
            long warmEnd = System.nanoTime() + warmup.toNanos();
            while (System.nanoTime() < warmEnd) {
                queries(line, 50_000_000L, null);
                echoes(echo, 50_000_000L, null);
            }
            int batches = (int) Math.max(2, Math.min(10, measure.toSeconds()));
            long slice = measure.toNanos() / (batches * 2L);
            progress.accept(String.format("latency: %d batches, %d ms of queries and of echoes each", batches,
                    slice / 1_000_000));
            for (int b = 0; b < batches; b++) {
                if (b % 2 == 0) {
                    queries(line, slice, queryMillis);
                    echoes(echo, slice, echoMillis);
                } else {
                    echoes(echo, slice, echoMillis);
                    queries(line, slice, queryMillis);
                }
            }
            progress.accept("latency: closing servents");
        }
        if (queryMillis.isEmpty()) {
            throw new IllegalStateException("no query got a hit within " + QUERY_TIMEOUT.toMillis() + " ms");
        }
        Summary q = Summary.of(toArray(queryMillis));
        Summary e = Summary.of(toArray(echoMillis));
        return List.of(new Figure(SUITE, NAME, "ms", q, REFERENCE, e, q.p50() / e.p50(), lost, Map.of()));
    }

    /** The first query can only be answered once C's QRP table has reached B: poll until then. */
    private void awaitFirstHit(ServentLine line) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (line.query(queryText(), QUERY_TIMEOUT) < 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no hit came back through the servent line within "
                        + READY_TIMEOUT.toSeconds() + " s");
            }
        }
    }

    private void queries(ServentLine line, long nanos, List<Double> into) throws InterruptedException {
        long end = System.nanoTime() + nanos;
        do {
            long t = line.query(queryText(), QUERY_TIMEOUT);
            if (into != null) {
                if (t < 0) {
                    lost++;
                } else {
                    into.add(t / 1e6);
                }
            }
        } while (System.nanoTime() < end);
    }

    private static void echoes(MinaEchoChain echo, long nanos, List<Double> into) throws IOException {
        long end = System.nanoTime() + nanos;
        do {
            long t = echo.roundTrip();
            if (into != null) {
                into.add(t / 1e6);
            }
        } while (System.nanoTime() < end);
    }

    /** One to three of C's words, shuffled: every query matches C's file and only it. */
    private String queryText() {
        List<String> words = new ArrayList<>(ServentLine.NEEDLE_WORDS);
        Collections.shuffle(words, random);
        return String.join(" ", words.subList(0, 1 + random.nextInt(3)));
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
