package dev.shoal.transfer.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.transfer.http.ByteRange;
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
        assertThat(s.assign(a, 0)).hasValue(0);
        assertThat(s.assign(b, 0)).hasValue(1);
        assertThat(s.assign(c, 10)).hasValue(2);
        // Nothing unassigned, and every chunk was handed out just now: wait.
        long later = ChunkScheduler.DUPLICATE_AFTER_MILLIS;
        assertThat(s.assign(a, later - 1)).isEmpty();
        // Then an idle source helps with the last outstanding chunk it is not on, once old enough.
        assertThat(s.assign(a, later)).hasValue(1);
        assertThat(s.assign(c, later)).hasValue(0);
        assertThat(s.assign(b, later)).isEmpty();
        assertThat(s.assign(b, later + 10)).hasValue(2);
        // At most two fetchers per chunk.
        assertThat(s.assign(c, later + 10)).isEmpty();

        assertThat(s.claim(1, b)).isTrue();
        assertThat(s.claim(1, a)).isFalse();
        s.written(1);
        assertThat(s.isClaimed(1)).isTrue();
        assertThat(s.bytesDone()).isEqualTo(1000);
    }

    @Test
    void failedChunkGoesBackToThePool() {
        ChunkScheduler s = new ChunkScheduler(2000, 1000, new BitSet());
        assertThat(s.assign(a, 0)).hasValue(0);
        s.release(0, a);
        assertThat(s.assign(b, 0)).hasValue(0);
    }

    @Test
    void resumedChunksAreDoneWithUnknownProviderAndCanBeInvalidated() {
        BitSet resumed = new BitSet();
        resumed.set(0);
        resumed.set(2);
        ChunkScheduler s = new ChunkScheduler(2500, 1000, resumed);
        assertThat(s.bytesDone()).isEqualTo(1500);
        assertThat(s.assign(a, 0)).hasValue(1);
        assertThat(s.claim(1, a)).isTrue();
        s.written(1);
        assertThat(s.allDone()).isTrue();
        assertThat(s.chunksByProvider()).containsEntry(null, List.of(0, 2)).containsEntry(a, List.of(1));

        s.invalidate(List.of(0, 2));
        assertThat(s.allDone()).isFalse();
        assertThat(s.assign(b, 0)).hasValue(0);
    }

    @Test
    void runsAreConsecutiveUnassignedChunksCappedByAFairShareAndAnEighthOfTheFile() {
        ChunkScheduler s = new ChunkScheduler(40_000, 1000, new BitSet());
        // A fast source alone may take an eighth of the file at once.
        assertThat(s.assign(a, 100, 1, 0)).hasValue(new ChunkScheduler.Run(0, 5, false));
        assertThat(s.assign(a, 3, 1, 0)).hasValue(new ChunkScheduler.Run(5, 3, false));
        s.release(5, a);
        s.release(6, a);
        // A run stops at a chunk someone else is fetching.
        assertThat(s.assign(b, 100, 1, 0)).hasValue(new ChunkScheduler.Run(5, 2, false));
        // Near the end, a fair share of what is left among the sharers.
        for (int i = 8; i < 34; i++) {
            assertThat(s.assign(c, 1, 1, 0)).isPresent();
        }
        assertThat(s.assign(a, 100, 3, 0)).hasValue(new ChunkScheduler.Run(34, 2, false));
        assertThat(s.assign(b, 100, 3, 0)).hasValue(new ChunkScheduler.Run(36, 2, false));
        assertThat(s.assign(c, 100, 3, 0)).hasValue(new ChunkScheduler.Run(38, 1, false));
        assertThat(s.assign(c, 100, 3, 0)).hasValue(new ChunkScheduler.Run(39, 1, false));
        // End-game: one duplicate chunk, from the far end of the runs.
        assertThat(s.assign(a, 100, 3, ChunkScheduler.DUPLICATE_AFTER_MILLIS)).hasValue(new ChunkScheduler.Run(39, 1, true));
    }

    @Test
    void donePrefixEndsAtTheFirstChunkNotDone() {
        ChunkScheduler s = new ChunkScheduler(2500, 1000, new BitSet());
        assertThat(s.donePrefixBytes()).isZero();
        s.claim(1, a);
        s.written(1);
        assertThat(s.donePrefixBytes()).isZero();
        s.claim(0, a);
        s.written(0);
        assertThat(s.donePrefixBytes()).isEqualTo(2000);
        s.claim(2, a);
        s.written(2);
        assertThat(s.donePrefixBytes()).isEqualTo(2500);
    }

    @Test
    void preferringTheStartHandsEverySourceOneChunkAndHelpsTheFirstOutstandingOne() {
        ChunkScheduler s = new ChunkScheduler(64_000, 1000, new BitSet());
        assertThat(s.assign(a, 8, 1, 0)).hasValueSatisfying(r -> assertThat(r.count()).isEqualTo(8));
        s.preferStart();
        assertThat(s.assign(b, 8, 2, 0)).contains(new ChunkScheduler.Run(8, 1, false));
        assertThat(s.assign(c, 8, 2, 0)).contains(new ChunkScheduler.Run(9, 1, false));

        ChunkScheduler endGame = new ChunkScheduler(3000, 1000, new BitSet());
        endGame.preferStart();
        assertThat(endGame.assign(a, 0)).hasValue(0);
        assertThat(endGame.assign(b, 0)).hasValue(1);
        assertThat(endGame.assign(b, 0)).hasValue(2);
        long later = ChunkScheduler.DUPLICATE_AFTER_MILLIS;
        // The first outstanding chunk is the one a preview waits for.
        assertThat(endGame.assign(c, later)).hasValue(0);
    }
}
