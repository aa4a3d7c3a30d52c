package dev.shoal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

    /**
     * Zipf with exponent 1 over 4 files: weights 1, 1/2, 1/3, 1/4 sum to 25/12, so the files are
     * asked 48, 24, 16 and 12 % of the time, and at 1 % of 10 000 nodes on average (400 copies in
     * all) they have 400 · 12/25 · (1, 1/2, 1/3, 1/4) = 192, 96, 64 and 48 copies.
     */
    @Test
    void zipfPopularityGivesCopiesAndQueryOddsInProportionToOneOverRank() {
        Workload w = Workload.zipf(10_000, 4, 0.01, 1.0, 0, new SplittableRandom(4), 4);
        assertThat(w.isZipf()).isTrue();
        assertThat(copies(w)).containsExactly(192, 96, 64, 48);

        int draws = 100_000;
        int[] asked = new int[4];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < draws; i++) {
            asked[w.pick(random)]++;
        }
        double[] expected = {0.48, 0.24, 0.16, 0.12};
        for (int i = 0; i < 4; i++) {
            assertThat((double) asked[i] / draws).as("file %d", i).isCloseTo(expected[i], within(0.01));
        }
    }

    @Test
    void everyFileIsSomewhereEvenBelowOneCopyPerFile() {
        Workload w = Workload.uniform(1_000, 4, 0.0005, 0, new SplittableRandom(3), 3);
        assertThat(copies(w)).containsExactly(1, 1, 1, 1);
    }
}
