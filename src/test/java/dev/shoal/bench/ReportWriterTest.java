package dev.shoal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ReportWriterTest {
    private static final Figure ROUTING = new Figure("routing", "mix", "msg/s", new Summary(3, 100, 200, 300, 300, 300),
            "byte_scan", new Summary(3, 1e7, 2e7, 3e7, 3e7, 3e7), 0.01, 0,
            orderedMap(RoutingSuite.ALLOC, 1234.5, RoutingSuite.GC_SHARE, 0.125));
    private static final Figure LATENCY = new Figure("latency", "query_3_hops", "ms",
            new Summary(500, 0.2, 0.4, 0.6, 2.5, 9), "mina_echo_3_hops", new Summary(900, 0.1, 0.15, 0.2, 0.3, 1),
            0.4 / 0.15, 2, Map.of());

    @Test
    void jsonHasOneFlatObjectPerFigure() {
        String[] lines = print(out -> ReportWriter.json(List.of(ROUTING, LATENCY), out)).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("{\"suite\":\"routing\",\"figure\":\"mix\",\"unit\":\"msg/s\",\"n\":3,"
                + "\"p50\":200,\"p90\":300,\"p99\":300,\"min\":100,\"max\":300,\"reference\":\"byte_scan\","
                + "\"ref_n\":3,\"ref_p50\":20000000,\"ref_p90\":30000000,\"ref_p99\":30000000,\"ref_min\":10000000,"
                + "\"ref_max\":30000000,\"ratio\":0.01,\"lost\":0,\"alloc_bytes_per_msg\":1234.5,"
                + "\"gc_share\":0.125}");
        assertThat(lines[1]).contains("\"figure\":\"query_3_hops\"", "\"p99\":2.5", "\"ratio\":2.66667",
                "\"lost\":2");
    }

    @Test
    void jsonWritesNullForANumberThatIsNot() {
        assertThat(ReportWriter.object(new LinkedHashMap<>(Map.of("r", Double.NaN))))
                .isEqualTo("{\"r\":null}");
    }

    @Test
    void tableShowsEachFigureWithItsReferenceAndRatio() {
        String table = print(out -> ReportWriter.table(List.of(ROUTING, LATENCY), "test machine", out));
        assertThat(table).contains("Shoal bench: test machine");
        assertThat(table).containsPattern("mix +200 +100 +300 +byte_scan +20,000,000 +0\\.0100 +1,235 +12\\.5%");
        assertThat(table).containsPattern("query_3_hops +0\\.400 +0\\.600 +2\\.500 +0\\.200 +9\\.000 +500 +2 "
                + "+mina_echo_3_hops +0\\.150 +0\\.200 +0\\.300 +2\\.67");
    }

    private static Map<String, Double> orderedMap(String k1, double v1, String k2, double v2) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static String print(Consumer<PrintStream> writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        writer.accept(out);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
