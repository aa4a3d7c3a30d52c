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

    /**
     * The README's figure set, small: three PNGs, each with a CSV whose every row has the header's
     * four fields. The series "Shoal routers, flood" used to go out unquoted, as five fields.
     */
    @Test
    void figuresWriteThreePlotsWithACsvOfFourFieldsARow(@TempDir Path dir) throws Exception {
        assertThat(run("--figures", dir.toString(), "--nodes", "300", "--queries", "4")).isZero();
        for (String name : List.of("ttl-flood", "flood-vs-dynamic", "replication")) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(dir.resolve(name + ".png")), 4);
            assertThat(head).as(name).containsExactly(0x89, 'P', 'N', 'G');
            List<String> rows = Files.readAllLines(dir.resolve(name + ".csv"));
            assertThat(rows.get(0)).isEqualTo("series,x,success,messages_per_query");
            assertThat(rows).as(name).hasSizeGreaterThan(4);
            for (String row : rows) {
                assertThat(csvFields(row)).as(name + ": " + row).hasSize(4);
            }
        }
        assertThat(csvFields(Files.readAllLines(dir.resolve("ttl-flood.csv")).get(1)).get(0))
                .isEqualTo("Shoal routers, flood");
    }

    /**
     * The figure set builds two tiers of degree 32 whatever {@code --topology} says: too few nodes
     * for them is a usage error before anything runs, not a failure half-way through the figures.
     */
    @Test
    void figuresRefuseTooFewNodesForTheirTwoTiersBeforeRunningAnything(@TempDir Path dir) throws Exception {
        StringWriter e = new StringWriter();
        CommandLine cli = SimCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(e, true));
        Path figures = dir.resolve("figures");
        assertThat(cli.execute("--figures", figures.toString(), "--topology", "random", "--nodes", "100")).isEqualTo(2);
        assertThat(e.toString().split("\n")[0]).startsWith("shoal: --degree 32").contains("two tiers of 100 nodes");
        assertThat(out.toString()).isEmpty();
        assertThat(figures).doesNotExist();
    }

    /** One CSV row's fields as RFC 4180 reads them: quoted fields may hold commas and doubled quotes. */
    private static List<String> csvFields(String row) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted && c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
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

    /**
     * A network too small for its degree, or a table size QRP cannot have, is the user's input, not
     * a bug: it used to fail only while building, with exit 1 (and through {@code shoal}, "a bug in
     * Shoal"); {@code --nodes 100} alone did, since two tiers of 100 have 15 ultrapeers for degree 32.
     */
    @Test
    void inputsNoNetworkCanBeBuiltFromAreUsageErrorsNamingTheOption() {
        Map<List<String>, String> cases = Map.of(
                List.of("--nodes", "100"), "--degree",
                List.of("--topology", "two-tier", "--nodes", "2"), "--nodes",
                List.of("--topology", "random", "--nodes", "3", "--degree", "4"), "--degree",
                List.of("--topology", "power-law", "--nodes", "2"), "--nodes",
                List.of("--topology", "random", "--nodes", "100", "--qrp-slots", "1000"), "--qrp-slots",
                List.of("--nodes", "0"), "--nodes",
                List.of("--replication", "200%"), "--replication",
                List.of("--zipf", "-1"), "--zipf",
                List.of("--files", "-1"), "--files",
                List.of("--items", "0"), "--items");
        cases.forEach((bad, option) -> {
            StringWriter e = new StringWriter();
            CommandLine cli = SimCommand.newCommandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(e, true));
            String args = String.join(" ", bad);
            assertThat(cli.execute(bad.toArray(String[]::new))).as(args).isEqualTo(2);
            assertThat(e.toString().split("\n")[0]).as(args).startsWith("shoal: ").contains(option);
            assertThat(e.toString()).as(args).doesNotContain("Exception").doesNotContain("\tat ");
        });
        assertThat(out.toString()).as("nothing was simulated").isEmpty();
    }

    @Test
    void aBadTtlNamesTheOptionAndWhatWasGiven() {
        for (String bad : List.of("7..4", "0", "16", "4..x")) {
            StringWriter e = new StringWriter();
            CommandLine cli = SimCommand.newCommandLine();
            cli.setErr(new PrintWriter(e, true));
            assertThat(cli.execute("--ttl", bad)).as(bad).isEqualTo(2);
            assertThat(e.toString().split("\n")[0]).as(bad).startsWith("shoal: --ttl ").contains("'" + bad + "'");
        }
    }

    /**
     * A flat network has no leaves and its nodes exchange no tables: {@code --qrp on} there changed
     * nothing, while the header and the JSON said "QRP on".
     */
    @Test
    void qrpOnIsRefusedForAFlatNetworkWhereItWouldChangeNothing() {
        for (String topology : List.of("random", "power-law")) {
            StringWriter e = new StringWriter();
            CommandLine cli = SimCommand.newCommandLine();
            cli.setErr(new PrintWriter(e, true));
            assertThat(cli.execute("--topology", topology, "--nodes", "500", "--qrp", "on")).as(topology).isEqualTo(2);
            assertThat(e.toString().split("\n")[0]).startsWith("shoal: --qrp on").contains("two-tier");
        }
        assertThat(run("--topology", "random", "--nodes", "500", "--qrp", "off", "--queries", "2", "--json")).isZero();
        assertThat(run("--topology", "two-tier", "--nodes", "500", "--qrp", "on", "--queries", "2", "--json")).isZero();
        assertThat(jsonLines()).extracting(l -> l.get("qrp")).containsExactly(false, true);
    }

    /** {@code --compare} pits dynamic querying with QRP against blind floods: two tiers only, as above. */
    @Test
    void compareIsRefusedForAFlatNetwork() {
        StringWriter e = new StringWriter();
        CommandLine cli = SimCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(e, true));
        assertThat(cli.execute("--topology", "random", "--nodes", "500", "--compare")).isEqualTo(2);
        assertThat(e.toString().split("\n")[0]).startsWith("shoal: --compare").contains("two-tier");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void theSmallestNetworksThatCanBeBuiltRun() {
        assertThat(run("--topology", "random", "--nodes", "5", "--degree", "4", "--queries", "2")).isZero();
        assertThat(run("--topology", "power-law", "--nodes", "3", "--degree", "4", "--queries", "2")).isZero();
        // 217 nodes have 33 ultrapeers (15 %, rounded), each linked to the 32 others.
        assertThat(run("--topology", "two-tier", "--nodes", "217", "--queries", "2")).isZero();
        assertThat(err.toString()).isEmpty();
    }
}
