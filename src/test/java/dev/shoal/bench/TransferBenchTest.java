package dev.shoal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The transfer bench runs end to end on tiny sizes; speeds are never asserted, only sanity. */
class TransferBenchTest {
    @Test
    void optionsHaveDefaultsAndRejectNonsense() {
        TransferOptions d = TransferOptions.parse(new String[0]);
        assertThat(d).isEqualTo(new TransferOptions(1024, 160, 80, 3, Set.copyOf(TransferOptions.SUITES), false));
        assertThat(TransferOptions.parse(new String[] {"--size-mib", "64", "--suite", "hash", "--json"}))
                .isEqualTo(new TransferOptions(64, 64, 64, 3, Set.of("hash"), true));
        assertThat(TransferOptions.parse(new String[] {"--get-mib", "8", "--suite", "get"}))
                .isEqualTo(new TransferOptions(1024, 160, 8, 3, Set.of("get"), false));
        for (String[] bad : List.of(new String[] {"--size-mib", "0"}, new String[] {"--rounds"},
                new String[] {"--suite", "disk"}, new String[] {"--fast"})) {
            assertThatThrownBy(() -> TransferOptions.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everySuiteGivesFiniteFiguresAsJsonLines() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TransferBench.run(new String[] {"--size-mib", "8", "--swarm-mib", "1", "--get-mib", "1", "--rounds", "1",
            "--json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}")
                .doesNotContain("null").contains("\"median\":"));
        assertThat(String.join("\n", lines)).contains("\"suite\":\"single_source\"", "\"suite\":\"four_sources\"",
                "\"suite\":\"shoal_get\"", "\"suite\":\"hash_index\"");
        if (new ExternalTool("curl").available()) {
            // The download is compared with curl discarding and with curl storing what it fetches.
            assertThat(lines).filteredOn(l -> l.contains("\"figure\":\"shoal_download")).extracting(
                    l -> l.replaceAll(".*\"reference\":\"([^\"]+)\".*", "$1"))
                    .contains("curl", "curl -o file");
        }
    }

    @Test
    void aReferenceOfZeroGivesNoRatioRatherThanNull() {
        // aria2c's CPU time before its first byte read 0 s (below the clock's tick) and the JSON said "ratio":null.
        TransferFigure f = new TransferFigure("shoal_get", "cpu_before_first_byte", "s",
                new RoundStats(List.of(0.73)), "aria2c", new RoundStats(List.of(0.0)), null, Double.NaN, true);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        TransferReport.json(List.of(f), new PrintStream(json, true, StandardCharsets.UTF_8));
        assertThat(json.toString(StandardCharsets.UTF_8)).doesNotContain("null", "ratio")
                .contains("\"reference\":\"aria2c\"", "\"ref_median\":0");
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        TransferReport.table(List.of(f), "test", new PrintStream(table, true, StandardCharsets.UTF_8));
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("cpu_before_first_byte", "aria2c");
    }

    @Test
    void tableNamesEveryFigure() {
        RoundStats v = new RoundStats(List.of(2.0, 1.0, 3.0));
        TransferFigure f = new TransferFigure("four_sources", "four_limited_sources", "MB/s", v, "one_source",
                new RoundStats(List.of(1.0, 1.0, 1.0)), v, 3.6);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransferReport.table(List.of(f), "test", new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("four_limited_sources", "one_source",
                "2.000 (1.000..3.000)", ">=3.60");
        assertThat(v.median()).isEqualTo(2.0);
    }
}
