package dev.shoal.transfer.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.ConfigViews;
import dev.shoal.node.api.NodeConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a swarm tells progress displays: each source's share and state, and who provided each chunk. */
class ProgressDetailsTest {
    private final Source a = source(1);
    private final Source b = source(2);
    private final Source c = source(3);

    private static Source source(int port) {
        return Source.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    @Test
    void sourceStatsCountDeliveredBytesAndNameWhatEachSourceIsDoing() {
        SourcePool pool = new SourcePool(List.of(a, b, c), ConfigViews.swarm(NodeConfig.defaults(Path.of("unused"))));
        assertThat(pool.startNext(0)).contains(a);
        assertThat(pool.startNext(0)).contains(b);
        pool.delivered(a, 1000);
        pool.delivered(a, 500);
        pool.failed(b, 0);
        pool.finished(b);

        assertThat(pool.stats()).containsExactly(
                new SourceStats(a, 1500, SourceStats.State.ACTIVE),
                new SourceStats(b, 0, SourceStats.State.RETRYING, false, 0, SourcePool.BASE_BACKOFF_MILLIS, false),
                new SourceStats(c, 0, SourceStats.State.IDLE));

        pool.ban(a);
        pool.drop(c);
        assertThat(pool.stats()).extracting(SourceStats::state)
                .containsExactly(SourceStats.State.BANNED, SourceStats.State.RETRYING, SourceStats.State.DROPPED);
    }

    @Test
    void chunkOwnersNameTheProviderOfEachDoneChunkAndLeaveResumedOnesWithoutOne() {
        BitSet resumed = new BitSet();
        resumed.set(0);
        ChunkScheduler s = new ChunkScheduler(4000, 1000, resumed);
        s.assign(a, 4, 1, 0);
        assertThat(s.claim(1, a)).isTrue();
        s.written(1);
        assertThat(s.claim(3, b)).isTrue();
        s.written(3);
        // Claimed but not yet written: not on disk, so not shown as done.
        assertThat(s.claim(2, c)).isTrue();

        ChunkOwners owners = s.owners();
        assertThat(owners.chunks()).isEqualTo(4);
        assertThat(owners.isDone(0)).isTrue();
        assertThat(owners.providerOf(0)).isNull();
        assertThat(owners.providerOf(1)).isEqualTo(a);
        assertThat(owners.isDone(2)).isFalse();
        assertThat(owners.providerOf(3)).isEqualTo(b);

        // A snapshot: later changes do not show through.
        s.written(2);
        assertThat(owners.isDone(2)).isFalse();
        assertThat(s.owners().isDone(2)).isTrue();
    }

    @Test
    void aSwarmNotStartedYetHasNoChunks() {
        assertThat(ChunkOwners.NONE.chunks()).isZero();
    }
}
