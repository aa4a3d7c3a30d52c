package dev.shoal.node;

import dev.shoal.node.api.PieceRun;
import dev.shoal.node.api.SourceProgress;
import dev.shoal.node.api.SourceState;
import dev.shoal.protocol.HostPort;
import dev.shoal.transfer.download.ChunkOwners;
import dev.shoal.transfer.download.Source;
import dev.shoal.transfer.download.SourceStats;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one swarm's source statistics and chunk owners into the per-source rows and the piece map
 * of {@link dev.shoal.node.api.DownloadInfo}. A source's speed is measured over the last
 * {@link #WINDOW_NANOS}: sources are credited a whole chunk at a time, so a shorter window would
 * jump between zero and several times the real rate. A sending source much slower than the fastest
 * is marked slow: it is the one holding the download back. One instance per swarm; time is passed in
 * (the swarm clock's nanoseconds, whose milliseconds its retry times are in).
 */
final class SourceBreakdown {
    static final long WINDOW_NANOS = 3_000_000_000L;
    /** A sending source is called slow below the fastest one's rate divided by this. */
    static final int SLOW_FRACTION = 4;

    /** What the breakdown shows at one instant. */
    record Snapshot(List<SourceProgress> perSource, List<PieceRun> pieces) {
        static final Snapshot EMPTY = new Snapshot(List.of(), List.of());
    }

    private record Sample(long nanos, long delivered) {
    }

    private final Map<Source, Deque<Sample>> samples = new HashMap<>();

    synchronized Snapshot update(List<SourceStats> stats, ChunkOwners owners, long nowNanos) {
        List<SourceProgress> rows = new ArrayList<>(stats.size());
        Map<Source, Integer> index = new HashMap<>();
        long[] rates = new long[stats.size()];
        long fastest = 0;
        for (int i = 0; i < rates.length; i++) {
            rates[i] = rate(stats.get(i), nowNanos);
            fastest = Math.max(fastest, rates[i]);
        }
        long nowMillis = nowNanos / 1_000_000;
        for (int i = 0; i < rates.length; i++) {
            SourceStats s = stats.get(i);
            SourceState state = state(s);
            index.put(s.source(), rows.size());
            long retryIn = state == SourceState.WAITING ? Math.max(0, (s.retryAtMillis() - nowMillis + 999) / 1000) : -1;
            boolean slow = state == SourceState.DOWNLOADING && rates[i] * SLOW_FRACTION < fastest;
            rows.add(new SourceProgress(address(s.source()), s.delivered(), rates[i], state, s.busy(),
                    s.queuePosition(), retryIn, s.push(), slow));
        }
        return new Snapshot(rows, runs(owners, index));
    }

    private long rate(SourceStats s, long nowNanos) {
        Deque<Sample> window = samples.computeIfAbsent(s.source(), k -> new ArrayDeque<>());
        window.addLast(new Sample(nowNanos, s.delivered()));
        while (window.size() > 2 && nowNanos - window.peekFirst().nanos() > WINDOW_NANOS) {
            window.removeFirst();
        }
        if (s.state() != SourceStats.State.ACTIVE) {
            return 0;
        }
        Sample first = window.peekFirst();
        long nanos = nowNanos - first.nanos();
        if (nanos <= 0) {
            return 0;
        }
        return Math.max(0, Math.round((s.delivered() - first.delivered()) * 1e9 / nanos));
    }

    private static SourceState state(SourceStats s) {
        return switch (s.state()) {
            case ACTIVE -> s.delivered() == 0 ? SourceState.CONNECTING : SourceState.DOWNLOADING;
            case RETRYING -> SourceState.WAITING;
            case IDLE -> SourceState.IDLE;
            case DROPPED -> SourceState.GAVE_UP;
            case BANNED -> SourceState.BANNED;
        };
    }

    static String address(Source s) {
        String host = HostPort.display(s.address());
        return s.firewalled() ? host + " (push)" : host;
    }

    /** Run-length encodes the owner of every chunk, start to end. */
    static List<PieceRun> runs(ChunkOwners owners, Map<Source, Integer> index) {
        List<PieceRun> runs = new ArrayList<>();
        int current = 0;
        int length = 0;
        for (int chunk = 0; chunk < owners.chunks(); chunk++) {
            int owner = ownerOf(owners, chunk, index);
            if (length > 0 && owner != current) {
                runs.add(new PieceRun(length, current));
                length = 0;
            }
            current = owner;
            length++;
        }
        if (length > 0) {
            runs.add(new PieceRun(length, current));
        }
        return runs;
    }

    private static int ownerOf(ChunkOwners owners, int chunk, Map<Source, Integer> index) {
        if (!owners.isDone(chunk)) {
            return PieceRun.MISSING;
        }
        Source provider = owners.providerOf(chunk);
        // A provider no longer listed cannot happen (the pool forgets no source); shown as of unknown origin.
        return provider == null ? PieceRun.EARLIER : index.getOrDefault(provider, PieceRun.EARLIER);
    }
}
