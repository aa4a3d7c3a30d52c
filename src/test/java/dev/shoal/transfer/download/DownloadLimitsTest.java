package dev.shoal.transfer.download;

import static dev.shoal.LimitsTable.n;
import static dev.shoal.LimitsTable.says;
import static dev.shoal.LimitsTable.seconds;
import static dev.shoal.LimitsTable.size;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.thex.HashTree;
import dev.shoal.thex.Thex;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The numbers of {@code protocol-spec/limits.md} that the downloader holds. */
class DownloadLimitsTest {
    @Test
    void failedSourcesWaitLongerEachTime() {
        Duration first = Duration.ofMillis(SourcePool.BASE_BACKOFF_MILLIS);
        says("Source failures", "retries " + seconds(first) + ", " + seconds(first.multipliedBy(2)) + " apart");
    }

    @Test
    void treesAreKeptToTheDepthGtkGnutellaReadsAndFetchedWithinBounds() {
        long full = 1L << 30;
        assertThat(HashTree.goodDepth(full)).isEqualTo(HashTree.MAX_DEPTH);
        assertThat(HashTree.goodDepth(full - 1)).isLessThan(HashTree.MAX_DEPTH);
        says("Tiger trees", "depth " + HashTree.MAX_DEPTH, n(1L << HashTree.MAX_DEPTH) + " nodes",
                "less for files under " + size(full));
        says("THEX bodies", size(Thex.MAX_BYTES) + " at most", TreeFetch.MAX_FETCHING + " sources at once");
        says("Chunks failing the tree", "fails " + Verification.MAX_SHARED_FAILURES + " times");
    }
}
