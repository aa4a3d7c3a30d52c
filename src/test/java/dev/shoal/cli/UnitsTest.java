package dev.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void sizesAreBinaryUnitsWithOneDecimalWhateverTheLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertThat(Units.bytes(1023)).isEqualTo("1023 B");
            assertThat(Units.bytes(1_323_044)).isEqualTo("1.3 MiB");
            assertThat(Units.bytes(20_000_000)).isEqualTo("19.1 MiB");
            assertThat(Units.of(10_485_760, 20_000_000)).isEqualTo("10.0/19.1 MiB");
            assertThat(Units.of(3, 33)).isEqualTo("3/33 B");
            assertThat(Units.rate(2_097_152)).isEqualTo("2.0 MiB/s");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void durationsAndCountdowns() {
        assertThat(Units.duration(9_840)).isEqualTo("9.8 s");
        assertThat(Units.duration(125_000)).isEqualTo("2 min 05 s");
        assertThat(Units.duration(3_725_000)).isEqualTo("1 h 02 min");
        assertThat(Units.clock(5)).isEqualTo("0:05");
        assertThat(Units.clock(3723)).isEqualTo("1:02:03");
        assertThat(Units.seconds(30)).isEqualTo("30");
        assertThat(Units.seconds(1.5)).isEqualTo("1.5");
        assertThat(Units.plural(1, "source")).isEqualTo("1 source");
        assertThat(Units.plural(2, "source")).isEqualTo("2 sources");
    }
}
