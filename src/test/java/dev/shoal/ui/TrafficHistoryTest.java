package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.node.api.Traffic;
import org.junit.jupiter.api.Test;

class TrafficHistoryTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void ratesAreDifferencesOverTheTimeBetweenSamples() {
        TrafficHistory h = new TrafficHistory(3);
        h.sample(new Traffic(1000, 0), 0);
        assertThat(h.size()).isZero();
        h.sample(new Traffic(3000, 500), SECOND);
        h.sample(new Traffic(7000, 500), 3 * SECOND);
        assertThat(h.size()).isEqualTo(2);
        assertThat(h.in(0)).isEqualTo(2000);
        assertThat(h.out(0)).isEqualTo(500);
        assertThat(h.latestIn()).isEqualTo(2000);
        assertThat(h.latestOut()).isZero();
        assertThat(h.peak()).isEqualTo(2000);
    }

    @Test
    void keepsOnlyTheNewestSamplesAndNeverGoesNegative() {
        TrafficHistory h = new TrafficHistory(2);
        h.sample(new Traffic(0, 0), 0);
        h.sample(new Traffic(100, 0), SECOND);
        h.sample(new Traffic(300, 0), 2 * SECOND);
        h.sample(new Traffic(50, 0), 3 * SECOND);
        assertThat(h.size()).isEqualTo(2);
        assertThat(h.in(0)).isEqualTo(200);
        assertThat(h.in(1)).isZero();
        assertThatThrownBy(() -> h.in(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void axisScaleIsARoundRateAboveThePeak() {
        assertThat(TrafficGraph.niceCeiling(300)).isEqualTo(500);
        assertThat(TrafficGraph.niceCeiling(700)).isEqualTo(1024);
        assertThat(TrafficGraph.niceCeiling(1024)).isEqualTo(1024);
        assertThat(TrafficGraph.niceCeiling(300 * 1024)).isEqualTo(500 * 1024);
        assertThat(TrafficGraph.niceCeiling(600 * 1024)).isEqualTo(1024 * 1024);
    }
}
