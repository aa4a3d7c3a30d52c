package dev.shoal.bench;

import dev.shoal.routing.QrpTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Messages decoded and routed per second in one thread, against a byte scan of the same frames.
 *
 * <p>Four streams: {@code mix} (60 % queries, 30 % hits, 10 % pings, shuffled) and each kind
 * alone. After a warm-up, every round measures each stream twice back to back, once through
 * {@link ByteScan} and once through {@link RoutingPipeline}, alternating which goes first. A
 * round's ratio is pipeline rate ÷ scan rate of that round; the figure reports the median of
 * those ratios, so load that comes and goes between rounds cancels out.
 */
final class RoutingSuite {
    static final String SUITE = "routing";
    static final String REFERENCE = "byte_scan";
    static final String ALLOC = "alloc_bytes_per_msg";
    static final String GC_SHARE = "gc_share";
    private static final long SEED = 0x5B0A1L;

    private final Duration measure;
    private final Duration warmup;
    private final Consumer<String> progress;
    private final List<Pair> pairs = new ArrayList<>();

    /** One stream, fed to the reference and to the servent path with separate counters. */
    private record Pair(Workload scanStream, ByteScan scan, Workload nodeStream, RoutingPipeline pipeline) {
    }

    RoutingSuite(Duration measure, Duration warmup, Consumer<String> progress) {
        this.measure = measure;
        this.warmup = warmup;
        this.progress = progress;
    }

    /** Warm-up of a fifth of the measured time, between 0.3 and 3 seconds. */
    static Duration defaultWarmup(Duration measure) {
        long ms = Math.max(300, Math.min(3_000, measure.toMillis() / 5));
        return Duration.ofMillis(ms);
    }

    List<Figure> run() {
        build();
        int rounds = (int) Math.max(3, Math.min(10, measure.toSeconds()));
        long slice = Math.max(1_000_000L, measure.toNanos() / (rounds * pairs.size() * 2L));
        progress.accept(String.format("routing: warming up %.1f s", warmup.toMillis() / 1000.0));
        long warmEnd = System.nanoTime() + warmup.toNanos();
        while (System.nanoTime() < warmEnd) {
            for (Pair p : pairs) {
                rate(p.scanStream(), p.scan(), slice / 4, null);
                rate(p.nodeStream(), p.pipeline(), slice / 4, null);
            }
        }
        progress.accept(String.format("routing: %d rounds of %d streams, %d ms per measurement", rounds,
                pairs.size(), slice / 1_000_000));
        double[][] scan = new double[pairs.size()][rounds];
        double[][] node = new double[pairs.size()][rounds];
        List<Meter> meters = pairs.stream().map(p -> new Meter()).toList();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < pairs.size(); i++) {
                Pair p = pairs.get(i);
                if (r % 2 == 0) {
                    scan[i][r] = rate(p.scanStream(), p.scan(), slice, null);
                    node[i][r] = rate(p.nodeStream(), p.pipeline(), slice, meters.get(i));
                } else {
                    node[i][r] = rate(p.nodeStream(), p.pipeline(), slice, meters.get(i));
                    scan[i][r] = rate(p.scanStream(), p.scan(), slice, null);
                }
            }
        }
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = node[i][r] / scan[i][r];
            }
            Map<String, Double> extras = new LinkedHashMap<>();
            extras.put(ALLOC, meters.get(i).bytesPerMessage());
            extras.put(GC_SHARE, meters.get(i).gcShare());
            figures.add(new Figure(SUITE, pairs.get(i).nodeStream().name(), "msg/s", Summary.of(node[i]), REFERENCE,
                    Summary.of(scan[i]), Summary.of(ratios).p50(), 0, extras));
        }
        return figures;
    }

    /** The servent paths that were measured, to check what they did. */
    List<RoutingPipeline> pipelines() {
        return pairs.stream().map(Pair::pipeline).toList();
    }

    /** Sum of all checksums; printing it keeps every measured loop alive. */
    long checksum() {
        long sum = 0;
        for (Pair p : pairs) {
            sum += p.scanStream().checksum() + p.nodeStream().checksum();
        }
        return sum;
    }

    /** Messages per second through {@code sink} for about {@code nanos}; side readings into {@code meter}. */
    private static double rate(Workload stream, MessageSink sink, long nanos, Meter meter) {
        Meter.Mark mark = meter == null ? null : meter.mark();
        long start = System.nanoTime();
        long count = stream.runUntil(sink, start + nanos);
        long elapsed = System.nanoTime() - start;
        if (meter != null) {
            meter.add(mark, count);
        }
        return count * 1e9 / elapsed;
    }

    private void build() {
        FrameFactory factory = new FrameFactory(SEED);
        long salt = new Random(SEED).nextLong();
        byte[][] queries = frames(1024, factory::query, salt);
        byte[][] hits = frames(256, factory::queryHit, salt);
        byte[][] pings = frames(64, factory::ping, salt);
        List<QrpTable> leafTables = List.of(leafTable(factory), leafTable(factory));
        byte[] primer = queries[0];
        List<Workload> streams = List.of(mix(queries, hits, pings, primer), single("query", queries, Workload.QUERY,
                primer), single("hit", hits, Workload.HIT, primer), single("ping", pings, Workload.PING, primer));
        for (Workload w : streams) {
            Pair p = new Pair(w, new ByteScan(), w.copy(), new RoutingPipeline(leafTables));
            p.scanStream().prime(p.scan());
            p.nodeStream().prime(p.pipeline());
            pairs.add(p);
        }
    }

    /** 1024 slots: 614 queries, 307 hits, 103 pings in a fixed shuffled order. */
    private static Workload mix(byte[][] queries, byte[][] hits, byte[][] pings, byte[] primer) {
        int size = 1024;
        byte[][] frames = new byte[size][];
        byte[] kinds = new byte[size];
        Random order = new Random(SEED + 1);
        int q = 0;
        int h = 0;
        int p = 0;
        for (int i = 0; i < size; i++) {
            int roll = order.nextInt(10);
            if (roll < 6) {
                frames[i] = queries[q++ % queries.length];
                kinds[i] = Workload.QUERY;
            } else if (roll < 9) {
                frames[i] = hits[h++ % hits.length];
                kinds[i] = Workload.HIT;
            } else {
                frames[i] = pings[p++ % pings.length];
                kinds[i] = Workload.PING;
            }
        }
        return new Workload("mix", frames, kinds, primer);
    }

    private static Workload single(String name, byte[][] frames, byte kind, byte[] primer) {
        byte[] kinds = new byte[frames.length];
        Arrays.fill(kinds, kind);
        return new Workload(name, frames, kinds, primer);
    }

    private static byte[][] frames(int count, Supplier<byte[]> make, long salt) {
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            out[i] = make.get();
            Workload.salt(out[i], salt);
        }
        return out;
    }

    /** A leaf sharing forty files named from the query words: some queries reach it. */
    private static QrpTable leafTable(FrameFactory factory) {
        QrpTable.Builder b = QrpTable.builder();
        for (int i = 0; i < 40; i++) {
            b.addName(factory.fileName());
        }
        return b.build();
    }
}
