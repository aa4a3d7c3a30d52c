package dev.shoal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The headless demo, run against a real demo network on loopback, as {@code shoal demo} runs it without a display. */
class TerminalTourTest {
    /** Twelve pieces of 512 KiB from four nodes at 2 MiB/s each: under a second, yet every node sends some. */
    private static final DemoNetwork.Spec SMALL = new DemoNetwork.Spec(6L << 20, 2L << 20);
    private static final Pattern SOURCE_LINE = Pattern.compile(
            "^  ([A-Z])  127\\.0\\.0\\.1:\\d+\\s+(\\d+(?:\\.\\d)?) (B|KiB|MiB)\\s+(\\d+\\.\\d) %$", Pattern.MULTILINE);
    private static final Pattern SAVED = Pattern.compile("It was saved to (.+), in the demo's temporary folder:"
            + " it is deleted when the demo stops\\.");

    @Test
    void theLargeFileArrivesFromFourPeersAndTheTourSaysWhoSentWhatAndWhatToTryNext() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String out;
        Path saved;
        try (DemoNetwork network = DemoNetwork.start(Path.of("").toAbsolutePath(), SMALL);
                PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            int code = new TerminalTour(network, print).run();
            out = bytes.toString(StandardCharsets.UTF_8);
            assertThat(code).as(out).isZero();
            Matcher m = SAVED.matcher(out);
            assertThat(m.find()).as(out).isTrue();
            saved = Path.of(m.group(1));
            assertThat(saved).exists().hasFileName(network.bigFileName());
            assertThat(Files.size(saved)).isEqualTo(SMALL.bigFileBytes());
            assertThat(saved.startsWith(network.root())).isTrue();
        }
        // It said the folder was temporary, and so it was.
        assertThat(saved).doesNotExist();

        assertThat(out).contains("Searching for \"shoal\"", "Downloading shoal-demo-bigfile.bin (6.0 MiB) from 4 sources",
                "Verified: it matches the URN");
        Matcher sources = SOURCE_LINE.matcher(out);
        double shares = 0;
        int lines = 0;
        while (sources.find()) {
            lines++;
            shares += Double.parseDouble(sources.group(4));
            assertThat(Double.parseDouble(sources.group(4))).as("share of source %s", sources.group(1)).isPositive();
        }
        assertThat(lines).as(out).isEqualTo(4);
        assertThat(shares).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.3));
        String pieces = out.lines().filter(l -> l.startsWith("  pieces ")).findFirst().orElseThrow().substring(9);
        assertThat(pieces).hasSize(12).matches("[ABCD]+").contains("A", "B", "C", "D");
        assertThat(out).contains("Try next:", "./shoal node --share DIR", "README.md, \"Using it\"");
        List<String> progress = out.lines().filter(l -> l.startsWith("  [")).toList();
        assertThat(progress).last().asString().contains("100.0%", "done");
    }
}
