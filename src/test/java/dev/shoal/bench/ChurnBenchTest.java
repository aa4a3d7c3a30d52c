package dev.shoal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.json.JsonLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A churn run in miniature (6 nodes, seconds instead of minutes, a kill every two seconds): the
 * report is three well-formed JSON lines, nothing crashed, every finished download matched its
 * URN, and closing the nodes gave back every thread. It never judges the success rate or a speed.
 */
class ChurnBenchTest {
    @Test
    void aShortRunReportsThreeLinesNoCrashAndNoLeakedThread() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchMain.run(new String[] {"churn", "--nodes", "6", "--calm-seconds", "4", "--seconds", "8",
                "--churn-per-minute", "5", "--seed", "7", "--json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as("stderr: %s", err).isZero();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).strip().split("\n")) {
            lines.add(JsonLine.parse(line));
        }
        assertThat(lines).hasSize(3);
        assertThat(lines).allSatisfy(l -> assertThat(l).containsEntry("suite", "churn").doesNotContainValue(null));
        assertThat(lines.get(0)).containsEntry("phase", "calm");
        assertThat(lines.get(1)).containsEntry("phase", "churn");
        for (Map<String, Object> phase : lines.subList(0, 2)) {
            assertThat(number(phase, "searches")).isPositive();
            assertThat(number(phase, "downloads_verified")).isEqualTo(number(phase, "downloads_completed"));
        }
        Map<String, Object> summary = lines.get(2);
        assertThat(number(summary, "nodes")).isEqualTo(6);
        assertThat(number(summary, "kills")).isPositive();
        assertThat(number(summary, "crashes")).as("stderr: %s", err).isZero();
        assertThat(number(summary, "failed_starts")).isZero();
        assertThat(number(summary, "threads_after")).as("stderr: %s", err)
                .isLessThanOrEqualTo(number(summary, "threads_before"));
        assertThat(number(summary, "fds_after")).as("stderr: %s", err)
                .isLessThanOrEqualTo(number(summary, "fds_before"));
    }

    @Test
    void defaultsAreFortyNodesTenMinutesOfChurnAfterTwoCalmAndAFifthKilledPerMinute() {
        ChurnOptions o = ChurnOptions.parse();

        assertThat(o.nodes()).isEqualTo(40);
        assertThat(o.ultrapeers()).isEqualTo(8);
        assertThat(o.churn()).isEqualTo(Duration.ofMinutes(10));
        assertThat(o.calm()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.killEvery()).isEqualTo(Duration.ofMillis(7500));
        assertThat(o.netem()).isFalse();
    }

    @Test
    void aShortChurnPhaseGetsACalmPhaseAsShort() {
        assertThat(ChurnOptions.parse("--seconds", "30").calm()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void badArgumentsExitWithTwoAndTheUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchMain.run(new String[] {"churn", "--nodes", "3"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--nodes must be 6..200").contains("usage:");
    }

    private static long number(Map<String, Object> line, String key) {
        assertThat(line).containsKey(key);
        return ((Number) line.get(key)).longValue();
    }
}
