package dev.shoal.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.JsonTree;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code shoal sim} as a script would run it, in-process through picocli. */
class SimCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SimCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> jsonLines() {
        return Arrays.stream(out.toString().split("\n")).filter(l -> !l.isBlank())
                .map(l -> (Map<String, Object>) JsonTree.parse(l)).toList();
    }

    @Test
    void jsonGivesOneObjectPerTtlAndTheLastHoldsTheContractFields() {
        int code = run("--topology", "random", "--nodes", "2000", "--degree", "4", "--replication", "1%", "--ttl",
                "2..4", "--mode", "flood", "--queries", "20", "--seed", "3", "--json");
        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty();
        List<Map<String, Object>> lines = jsonLines();
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(l -> l.get("ttl")).containsExactly(2, 3, 4);
        Map<String, Object> last = lines.get(2);
        assertThat(last).containsKeys("nodes", "mode", "ttl", "success", "messages_per_query");
        assertThat(last.get("nodes")).isEqualTo(2000);
        assertThat(last.get("mode")).isEqualTo("flood");
        assertThat(((Number) last.get("success")).doubleValue()).isBetween(0.0, 1.0);
        assertThat(((Number) last.get("messages_per_query")).doubleValue())
                .isEqualTo(((Number) last.get("bfs_messages_per_query")).doubleValue());
        assertThat(last.get("bfs_equal")).isEqualTo(true);
        assertThat(last.get("replication")).isEqualTo(0.01);
        // Deeper floods cost more and find more.
        assertThat(((Number) lines.get(0).get("messages_per_query")).doubleValue())
                .isLessThan(((Number) last.get("messages_per_query")).doubleValue());
    }

    @Test
    void dynamicModeOnTwoTiersReportsHowItsQueriesStopped() {
        int code = run("--topology", "two-tier", "--nodes", "2000", "--mode", "dynamic", "--queries", "10", "--json");
        assertThat(code).isZero();
        Map<String, Object> last = jsonLines().get(0);
        assertThat(last.get("mode")).isEqualTo("dynamic");
        assertThat(last.get("ttl")).isEqualTo(4);
        assertThat(last.get("ultrapeers")).isEqualTo(300);
        assertThat(last.get("qrp")).isEqualTo(true);
        assertThat(last.keySet()).anyMatch(k -> k.startsWith("dq_"));
    }

    @Test
    void theTableShowsThePublishedModelBesideATtlRunWithItsParameters() {
        int code = run("--topology", "random", "--nodes", "10000", "--degree", "4", "--replication", "0.125%",
                "--ttl", "4", "--queries", "5");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("replication 0.125 %").contains("published model 40.0 %, 371 msgs")
                .contains("plain BFS").contains(": equal").contains("largest component: ").contains("at mean reach ");
    }

    @Test
    void compareRunsDynamicAgainstBlindFloodsAndEndsWithTheRatio() {
        int code = run("--topology", "two-tier", "--nodes", "2000", "--replication", "1%", "--queries", "10",
                "--compare", "--json");
        assertThat(code).isZero();
        List<Map<String, Object>> lines = jsonLines();
        Map<String, Object> last = lines.get(lines.size() - 1);
        assertThat(last).containsKeys("nodes", "mode", "ttl", "success", "messages_per_query", "flood_matched");
        assertThat(lines.get(0).get("mode")).isEqualTo("dynamic");
        assertThat(lines.get(0).get("qrp")).isEqualTo(true);
        assertThat(lines.get(1).get("qrp")).isEqualTo(false);
        if ((Boolean) last.get("flood_matched")) {
            double ratio = ((Number) last.get("message_ratio")).doubleValue();
            assertThat(ratio).isEqualTo(SimResult.round(((Number) last.get("messages_per_query")).doubleValue()
                    / ((Number) last.get("flood_messages_per_query")).doubleValue()), org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    @Test
    void plotWritesAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("out/ttl.png");
        assertThat(run("--topology", "random", "--nodes", "500", "--ttl", "1..3", "--queries", "5", "--plot",
                png.toString())).isZero();
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G');
    }

    @Test
    void helpListsTheContractOptionsWithoutWarnings() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: shoal sim").contains("--topology", "--nodes", "--degree",
                "--replication", "--ttl", "--mode", "--queries", "--seed", "--json", "0.125%");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void usageErrorsAreOneShoalLineAndExitTwo() {
        for (String[] bad : List.of(new String[] {"--topology", "mesh"}, new String[] {"--ttl", "7..4"},
                new String[] {"--mode", "gossip"}, new String[] {"--replication", "lots"},
                new String[] {"--nodes", "x"}, new String[] {"--qrp", "maybe"})) {
            StringWriter e = new StringWriter();
            CommandLine cli = SimCommand.newCommandLine();
            cli.setErr(new PrintWriter(e, true));
            assertThat(cli.execute(bad)).as(String.join(" ", bad)).isEqualTo(2);
            String[] lines = e.toString().split("\n");
            assertThat(lines[0]).startsWith("shoal: ");
            assertThat(e.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
