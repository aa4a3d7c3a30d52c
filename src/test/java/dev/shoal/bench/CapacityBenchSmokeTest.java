package dev.shoal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.json.JsonLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the capacity bench with a small crowd of each kind against a real node in its own JVM. It
 * checks that each kind prints one well-formed JSON line, that the crowd was opened and held, that
 * the searches were answered and the leaves pinged; it never judges a size or a speed.
 */
class CapacityBenchSmokeTest {
    private static final int N = 200;

    @Test
    void eachKindPrintsOneJsonLineWithItsCrowdHeldAndItsSearchesAnswered() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CapacityBench.run(new String[] {"--connections", Integer.toString(N), "--kind", "all", "--searches",
            "3", "--handshake-seconds", "5", "--keep-alive-seconds", "2", "--json"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as("stderr: %s", err).isZero();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).strip().split("\n")) {
            rows.add(JsonLine.parse(line));
        }
        assertThat(rows).extracting(r -> r.get("kind")).containsExactly("idle", "slow", "gnutella");
        for (Map<String, Object> row : rows) {
            assertThat(row.get("opened")).as("%s", row).isEqualTo(N);
            assertThat(row.get("failed")).as("%s", row).isEqualTo(0);
            assertThat(((Number) row.get("node_held")).intValue()).as("%s", row).isPositive();
            assertThat(((Number) row.get("heap_full_mib")).doubleValue()).isPositive();
            assertThat(row.get("heap_per_connection_bytes")).as("%s", row).isInstanceOf(Number.class);
            assertThat(row.get("search_lost")).as("%s", row).isEqualTo(0);
            assertThat(row.get("search_ref_lost")).as("%s", row).isEqualTo(0);
            assertThat(((Number) row.get("search_p50_ms")).doubleValue()).isPositive();
            assertThat(row.get("searcher_linked")).isEqualTo(true);
        }
        assertThat(((Number) rows.get(0).get("reaped_all_after_s")).doubleValue()).isPositive();
        assertThat(((Number) rows.get(1).get("reaped_all_after_s")).doubleValue()).isPositive();
        assertThat(((Number) rows.get(2).get("pings_answered")).longValue()).isPositive();
        assertThat(rows.get(2).get("node_held_after_keepalive")).isEqualTo(N);
    }

    @Test
    void aBadOptionIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CapacityBench.run(new String[] {"--kind", "loud"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--kind must be");
    }
}
