package dev.shoal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void percentilesAreMeasuredValuesByNearestRank() {
        double[] hundred = IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray();
        Summary s = Summary.of(hundred);
        assertThat(s).isEqualTo(new Summary(100, 1, 50, 90, 99, 100));
    }

    @Test
    void smallSetsUseTheirOwnValues() {
        assertThat(Summary.of(new double[] {3, 1, 2})).isEqualTo(new Summary(3, 1, 2, 3, 3, 3));
        assertThat(Summary.of(new double[] {7})).isEqualTo(new Summary(1, 7, 7, 7, 7, 7));
    }

    @Test
    void nothingMeasuredIsAnError() {
        assertThatThrownBy(() -> Summary.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
