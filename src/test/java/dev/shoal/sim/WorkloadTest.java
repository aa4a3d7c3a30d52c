package dev.shoal.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WorkloadTest {
    private static int[] copies(Workload w) {
        int[] c = new int[w.items()];
        for (int i = 0; i < c.length; i++) {
            c[i] = w.copiesOf(i);
        }
        return c;
    }

    @Test
    void twelveAndAHalfCopiesAreThirteenAndTwelveInTurnSoTheMeanIsExact() {
        // 0.125 % of 10 000 nodes is 12.5 copies: rounding every file up to 13 would search 0.13 %.
        Workload w = Workload.uniform(10_000, 4, 0.00125, 0, new SplittableRandom(1), 1);
        assertThat(copies(w)).containsExactly(13, 12, 13, 12);
        Workload many = Workload.uniform(10_000, 1_000, 0.00125, 0, new SplittableRandom(1), 1);
        assertThat(Arrays.stream(copies(many)).sum()).isEqualTo(12_500);
    }

    @Test
    void aWholeNumberOfCopiesIsTheSameForEveryFileOnDistinctNodes() {
        Workload w = Workload.uniform(100_000, 3, 0.00125, 0, new SplittableRandom(2), 2);
        assertThat(copies(w)).containsExactly(125, 125, 125);
        for (int i = 0; i < w.items(); i++) {
            int held = 0;
            for (int v = 0; v < 100_000; v++) {
                held += w.holds(v, i) ? 1 : 0;
            }
            assertThat(held).isEqualTo(125);
        }
    }

    @Test
    void everyFileIsSomewhereEvenBelowOneCopyPerFile() {
        Workload w = Workload.uniform(1_000, 4, 0.0005, 0, new SplittableRandom(3), 3);
        assertThat(copies(w)).containsExactly(1, 1, 1, 1);
    }
}
