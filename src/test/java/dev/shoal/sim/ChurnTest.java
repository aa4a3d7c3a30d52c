package dev.shoal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChurnTest {
    /**
     * Log-normal with median 60 min and σ = 1: half the sessions are under 3 600 s, and one in
     * 6.3 (1 − Φ(1) = 15.87 %) is over 3 600 · e = 9 786 s, as many as are under 3 600 / e = 1 324 s.
     */
    @Test
    void sessionsAreLogNormalWithAMedianOfAnHour() {
        SplittableRandom random = new SplittableRandom(7);
        double[] s = new double[100_001];
        for (int i = 0; i < s.length; i++) {
            s[i] = Churn.sessionSeconds(random);
        }
        Arrays.sort(s);
        assertThat(s[s.length / 2]).isCloseTo(3_600, within(72.0));
        double e = Math.E;
        assertThat(Arrays.stream(s).filter(x -> x > 3_600 * e).count() / (double) s.length)
                .isCloseTo(0.1587, within(0.005));
        assertThat(Arrays.stream(s).filter(x -> x < 3_600 / e).count() / (double) s.length)
                .isCloseTo(0.1587, within(0.005));
    }
}
