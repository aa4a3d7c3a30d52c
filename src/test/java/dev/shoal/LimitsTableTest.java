package dev.shoal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LimitsTableTest {
    private static final Path TESTS = Path.of("src", "test", "java");

    @Test
    void theTableIsRead() {
        assertThat(LimitsTable.rows()).hasSizeGreaterThan(30);
        assertThat(LimitsTable.row("Default port")).isEqualTo("6346");
    }

    /** A number in the spec that no test holds against the code could drift unseen. */
    @Test
    void everyRowIsHeldAgainstTheCodeBySomeTest() throws IOException {
        String tests;
        try (Stream<Path> files = Files.walk(TESTS)) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(p -> p.toString().endsWith("LimitsTest.java")).toList()) {
                all.append(Files.readString(f));
            }
            tests = all.toString();
        }
        List<String> unchecked = new ArrayList<>();
        for (String what : LimitsTable.rows().keySet()) {
            String literal = "\"" + what.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            if (!tests.contains("says(" + literal) && !tests.contains("row(" + literal)) {
                unchecked.add(what);
            }
        }
        assertThat(unchecked).as("rows of %s no *LimitsTest checks", LimitsTable.FILE).isEmpty();
    }

    @Test
    void numbersAreWrittenAsTheSpecWritesThem() {
        assertThat(LimitsTable.n(6346)).isEqualTo("6 346");
        assertThat(LimitsTable.n(65_535)).isEqualTo("65 535");
        assertThat(LimitsTable.n(100_000)).isEqualTo("100 000");
        assertThat(LimitsTable.n(512)).isEqualTo("512");
        assertThat(LimitsTable.millis(Duration.ofMillis(100))).isEqualTo("100 ms");
        assertThat(LimitsTable.seconds(Duration.ofMillis(2400))).isEqualTo("2.4 s");
        assertThat(LimitsTable.seconds(Duration.ofSeconds(180))).isEqualTo("180 s");
        assertThat(LimitsTable.minutes(Duration.ofMinutes(5))).isEqualTo("5 min");
        assertThat(LimitsTable.minutes(Duration.ofMinutes(30))).isEqualTo("30 min");
        assertThat(LimitsTable.size(128 * 1024)).isEqualTo("128 KiB");
        assertThat(LimitsTable.size(4096)).isEqualTo("4 KiB");
        assertThat(LimitsTable.size(65_535)).isEqualTo("65 535 bytes");
        assertThat(LimitsTable.size(1L << 30)).isEqualTo("1 GiB");
        assertThat(LimitsTable.size(3L << 29)).isEqualTo("1 536 MiB");
    }
}
