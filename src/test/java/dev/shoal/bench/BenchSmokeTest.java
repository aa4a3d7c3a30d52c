package dev.shoal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs each suite for about a second. It checks that every figure is a positive finite number and
 * that the streams do what they claim; it never judges a speed, which depends on the machine.
 */
class BenchSmokeTest {
    private static final Pattern NUMBER = Pattern.compile("\"([a-z_0-9]+)\":(-?[0-9.eE+-]+|null)");

    @Test
    void everySuitePrintsPositiveFiniteFiguresAsJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchMain.run(new String[] {"--suite", "all", "--seconds", "1", "--json", "--no-fork"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as("stderr: %s", err).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(5);
        List<String> figures = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).startsWith("{").endsWith("}");
            figures.add(line.replaceAll(".*\"figure\":\"([^\"]+)\".*", "$1"));
            Matcher m = NUMBER.matcher(line);
            int numbers = 0;
            while (m.find()) {
                numbers++;
                assertThat(m.group(2)).as("%s in %s", m.group(1), line).isNotEqualTo("null");
                double v = Double.parseDouble(m.group(2));
                assertThat(Double.isFinite(v)).as(line).isTrue();
                if (m.group(1).equals("lost") || m.group(1).equals(RoutingSuite.GC_SHARE)) {
                    assertThat(v).isGreaterThanOrEqualTo(0);
                } else {
                    assertThat(v).as("%s in %s", m.group(1), line).isPositive();
                }
            }
            assertThat(numbers).isEqualTo(line.contains("\"routing\"") ? 16 : 14);
        }
        assertThat(figures).containsExactly("mix", "query", "hit", "ping", "query_3_hops");
    }

    @Test
    void theRoutingStreamsRouteEveryMessageAndDropNone() {
        RoutingSuite suite = new RoutingSuite(Duration.ofSeconds(1), Duration.ofMillis(200), line -> { });
        List<Figure> figures = suite.run();

        assertThat(figures).extracting(Figure::name).containsExactly("mix", "query", "hit", "ping");
        List<RoutingPipeline> pipelines = suite.pipelines();
        for (RoutingPipeline p : pipelines) {
            assertThat(p.bad()).isZero();
            assertThat(p.duplicates()).isZero();
            assertThat(p.droppedHits()).isZero();
        }
        RoutingPipeline mix = pipelines.get(0);
        assertThat(mix.forwardedQueries()).isPositive();
        assertThat(mix.routedHits()).isPositive();
        assertThat(mix.answeredPings()).isPositive();
        assertThat(pipelines.get(2).routedHits()).isPositive();
    }

    @Test
    void theServentLineAnswersFromTheFarEndThreeLinksAway() throws Exception {
        try (ServentLine line = ServentLine.start()) {
            var hit = line.probe("charlie needle", Duration.ofSeconds(10));
            for (int i = 0; i < 50 && hit == null; i++) {
                hit = line.probe("charlie needle", Duration.ofSeconds(1));
            }
            assertThat(hit).isNotNull();
            assertThat(hit.name()).isEqualTo(String.join(" ", ServentLine.NEEDLE_WORDS) + ".txt");
            // C sent it with hops 0; B and A each add one on the way to the leaf.
            assertThat(hit.hops()).isEqualTo(2);
        }
    }

    @Test
    void theEchoChainReturnsTheMessageThroughThreeRelays() throws Exception {
        try (MinaEchoChain chain = MinaEchoChain.start(3)) {
            for (int i = 0; i < 20; i++) {
                assertThat(chain.roundTrip()).isPositive();
            }
        }
    }
}
