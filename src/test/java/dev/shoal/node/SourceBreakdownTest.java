package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.PieceRun;
import dev.shoal.node.api.SourceProgress;
import dev.shoal.node.api.SourceState;
import dev.shoal.protocol.Guid;
import dev.shoal.transfer.download.ChunkOwners;
import dev.shoal.transfer.download.Source;
import dev.shoal.transfer.download.SourceStats;
import java.net.InetSocketAddress;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceBreakdownTest {
    private static final long SECOND = 1_000_000_000L;
    private final Source a = Source.of(new InetSocketAddress("127.0.0.1", 7001));
    private final Source b = Source.of(new InetSocketAddress("127.0.0.1", 7002));

    @Test
    void speedIsMeasuredOverTheLastThreeSecondsSoWholeChunkCreditsDoNotMakeItJump() {
        SourceBreakdown breakdown = new SourceBreakdown();
        breakdown.update(List.of(active(a, 0)), ChunkOwners.NONE, 0);
        // Half a second later nothing was credited yet, then a 512 KiB chunk, then nothing again.
        breakdown.update(List.of(active(a, 0)), ChunkOwners.NONE, SECOND / 2);
        breakdown.update(List.of(active(a, 512 * 1024)), ChunkOwners.NONE, SECOND);
        SourceProgress p = breakdown.update(List.of(active(a, 512 * 1024)), ChunkOwners.NONE, 3 * SECOND / 2)
                .perSource().get(0);
        assertThat(p.bytesPerSecond()).isEqualTo(Math.round(512 * 1024 / 1.5));
        assertThat(p.state()).isEqualTo(SourceState.DOWNLOADING);

        // Samples older than the window are forgotten: the rate follows the recent past.
        breakdown.update(List.of(active(a, 1024 * 1024)), ChunkOwners.NONE, 4 * SECOND);
        SourceProgress later = breakdown.update(List.of(active(a, 2 * 1024 * 1024)), ChunkOwners.NONE, 5 * SECOND)
                .perSource().get(0);
        assertThat(later.bytesPerSecond()).isEqualTo(1024 * 1024);
    }

    @Test
    void statesReadAsAUserExpectsAndOnlyActiveSourcesHaveASpeed() {
        Source pushed = new Source(new InetSocketAddress("127.0.0.5", 6346), 3, "f", Guid.random(), true);
        List<SourceProgress> rows = new SourceBreakdown().update(List.of(
                active(a, 0),
                new SourceStats(b, 700, SourceStats.State.RETRYING),
                new SourceStats(pushed, 0, SourceStats.State.DROPPED)), ChunkOwners.NONE, 0).perSource();
        assertThat(rows).containsExactly(
                new SourceProgress("127.0.0.1:7001", 0, 0, SourceState.CONNECTING),
                new SourceProgress("127.0.0.1:7002", 700, 0, SourceState.WAITING, false, 0, 0, false, false),
                new SourceProgress("127.0.0.5:6346 (push)", 0, 0, SourceState.GAVE_UP, false, 0, -1, true, false));
    }

    @Test
    void pieceMapIsRunLengthEncodedBySourceIndexWithMissingAndEarlierChunks() {
        BitSet done = new BitSet();
        done.set(0, 2);
        done.set(2, 5);
        done.set(6);
        ChunkOwners owners = new ChunkOwners(8, done, Map.of(2, b, 3, b, 4, a, 6, a));
        List<PieceRun> runs = new SourceBreakdown().update(List.of(active(a, 0), active(b, 0)), owners, 0).pieces();
        assertThat(runs).containsExactly(
                new PieceRun(2, PieceRun.EARLIER),
                new PieceRun(2, 1),
                new PieceRun(1, 0),
                new PieceRun(1, PieceRun.MISSING),
                new PieceRun(1, 0),
                new PieceRun(1, PieceRun.MISSING));
        assertThat(runs.stream().mapToInt(PieceRun::chunks).sum()).isEqualTo(8);
    }

    @Test
    void eachSourceSaysWhyItHoldsTheDownloadBack() {
        Source c = Source.of(new InetSocketAddress("127.0.0.1", 7003));
        Source d = Source.of(new InetSocketAddress("127.0.0.1", 7004));
        Source pushed = new Source(new InetSocketAddress("127.0.0.5", 6346), 3, "f", Guid.random(), true);
        SourceBreakdown breakdown = new SourceBreakdown();
        List<SourceStats> before = List.of(active(a, 0), active(b, 0),
                new SourceStats(c, 0, SourceStats.State.RETRYING, true, 2, 40_000, false),
                new SourceStats(d, 0, SourceStats.State.RETRYING, true, 0, 12_500, false),
                new SourceStats(pushed, 0, SourceStats.State.ACTIVE, false, 0, 0, true));
        breakdown.update(before, ChunkOwners.NONE, 7 * SECOND);
        List<SourceStats> after = List.of(active(a, 1024 * 1024), active(b, 64 * 1024), before.get(2), before.get(3),
                before.get(4));
        List<SourceProgress> rows = breakdown.update(after, ChunkOwners.NONE, 10 * SECOND).perSource();

        assertThat(rows.get(0).slow()).isFalse();
        assertThat(rows.get(0).why()).isEqualTo("sending at 341 KB/s");
        assertThat(rows.get(1).slow()).as("a sixteenth of the fastest").isTrue();
        assertThat(rows.get(1).why()).isEqualTo("slow source: 21 KB/s");
        assertThat(rows.get(2).why()).isEqualTo("queued at position 2, asked again in 30 s");
        assertThat(rows.get(3).why()).isEqualTo("busy (503: no free upload slot), asked again in 3 s");
        assertThat(rows.get(4).why()).isEqualTo("firewalled: asked by Push to connect to us");
    }

    private static SourceStats active(Source s, long delivered) {
        return new SourceStats(s, delivered, SourceStats.State.ACTIVE);
    }
}
