package dev.shoal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.json.JsonLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The crash bench runs end to end on tiny sizes: its lines are JSON and nothing it killed was left broken. */
class CrashBenchTest {
    @Test
    void optionsHaveDefaultsAndRejectNonsense() {
        assertThat(CrashOptions.parse(new String[0]))
                .isEqualTo(new CrashOptions(Set.copyOf(CrashOptions.SUITES), 100, 16, 20, 400, 1, false));
        assertThat(CrashOptions.parse(new String[] {"--suite", "writes", "--seed", "-3", "--json"}))
                .isEqualTo(new CrashOptions(Set.of("writes"), 100, 16, 20, 400, -3, true));
        for (String[] bad : List.of(new String[] {"--downloads", "0"}, new String[] {"--size-mib"},
                new String[] {"--suite", "disk"}, new String[] {"--fast"})) {
            assertThatThrownBy(() -> CrashOptions.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everySuiteKillsAndFindsNothingBroken() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CrashBench.run(new String[] {"--downloads", "3", "--size-mib", "1", "--rounds", "2", "--files", "20",
            "--json"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<Map<String, Object>> suites = out.toString(StandardCharsets.UTF_8).lines().map(JsonLine::parse).toList();
        assertThat(suites).extracting(s -> s.get("suite")).containsExactly("downloads", "index", "writes");
        assertThat(suites).allSatisfy(s -> assertThat(s).containsEntry("ok", true).doesNotContainKey("problems"));
        Map<String, Object> downloads = suites.get(0);
        assertThat(downloads).containsEntry("downloads", 3).containsEntry("completed", 3).containsEntry("corrupt", 0)
                .containsEntry("stray_files", 0);
        assertThat(((Number) downloads.get("sent_ratio_mean")).doubleValue()).isGreaterThanOrEqualTo(1.0);
        assertThat(suites.get(1)).containsEntry("indexes_rebuilt", 0).containsEntry("wrong_indexes", 0)
                .containsEntry("restarts_rehashing_recorded_files", 0);
        assertThat(suites.get(2)).containsEntry("kills", 2).containsEntry("broken_after_kill", 0);
    }

    @Test
    void aProblemMakesTheSuiteFailAndIsNamed() {
        CrashResult r = new CrashResult("downloads").put("corrupt", 1);
        assertThat(r.fields()).containsEntry("ok", true);
        r.problem("1 corrupt completions");
        assertThat(r.ok()).isFalse();
        assertThat(JsonLine.parse(JsonLine.of(r.fields()))).containsEntry("ok", false)
                .containsEntry("problems", "1 corrupt completions");
    }
}
