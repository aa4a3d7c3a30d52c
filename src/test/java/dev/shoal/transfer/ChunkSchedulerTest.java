package dev.shoal.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkSchedulerTest {
    private final Source a = source(1);
    private final Source b = source(2);
    private final Source c = source(3);

    private static Source source(int port) {
        return Source.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    @Test
    void rangesCoverTheFileWithAShortLastChunk() {
        ChunkScheduler s = new ChunkScheduler(2500, 1000, new BitSet());
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.range(0)).isEqualTo(new ByteRange(0, 999));
        assertThat(s.range(2)).isEqualTo(new ByteRange(2000, 2499));
    }

    @Test
    void handsOutMissingChunksInOrderThenDuplicatesOutstandingOnesInTheEndGame() {
        ChunkScheduler s = new ChunkScheduler(2500, 1000, new BitSet());
        assertThat(s.assign(a)).hasValue(0);
        assertThat(s.assign(b)).hasValue(1);
        assertThat(s.assign(c)).hasValue(2);
        // Nothing unassigned: an idle source helps with the last outstanding chunk it is not on.
        assertThat(s.assign(a)).hasValue(2);
        assertThat(s.assign(b)).hasValue(0);
        assertThat(s.assign(c)).hasValue(1);
        // At most two fetchers per chunk.
        assertThat(s.assign(c)).isEmpty();

        assertThat(s.claim(1, b)).isTrue();
        assertThat(s.claim(1, a)).isFalse();
        s.written(1);
        assertThat(s.isClaimed(1)).isTrue();
        assertThat(s.bytesDone()).isEqualTo(1000);
    }

    @Test
    void failedChunkGoesBackToThePool() {
        ChunkScheduler s = new ChunkScheduler(2000, 1000, new BitSet());
        assertThat(s.assign(a)).hasValue(0);
        s.release(0, a);
        assertThat(s.assign(b)).hasValue(0);
    }

    @Test
    void resumedChunksAreDoneWithUnknownProviderAndCanBeInvalidated() {
        BitSet resumed = new BitSet();
        resumed.set(0);
        resumed.set(2);
        ChunkScheduler s = new ChunkScheduler(2500, 1000, resumed);
        assertThat(s.bytesDone()).isEqualTo(1500);
        assertThat(s.assign(a)).hasValue(1);
        assertThat(s.claim(1, a)).isTrue();
        s.written(1);
        assertThat(s.allDone()).isTrue();
        assertThat(s.chunksByProvider()).containsEntry(null, List.of(0, 2)).containsEntry(a, List.of(1));

        s.invalidate(List.of(0, 2));
        assertThat(s.allDone()).isFalse();
        assertThat(s.assign(b)).hasValue(0);
    }
}
