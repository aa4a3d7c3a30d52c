package dev.shoal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The table of {@code protocol-spec/limits.md}, read as the spec's own words, so that tests can
 * hold each number the code uses against what the spec promises: when one changes without the
 * other, a test fails. Numbers are written as the spec writes them ({@code 65 535}, {@code 20 s}).
 */
public final class LimitsTable {
    public static final Path FILE = Path.of("protocol-spec", "limits.md");
    private static final Map<String, String> ROWS = read();

    private LimitsTable() {
    }

    /** Every row: what → value. */
    public static Map<String, String> rows() {
        return ROWS;
    }

    /** The value of the row named {@code what}; the test fails if the spec has no such row. */
    public static String row(String what) {
        assertThat(ROWS).as("a row '%s' in %s", what, FILE).containsKey(what);
        return ROWS.get(what);
    }

    /** Checks that the row says each of {@code phrases} (build them from the code's constants). */
    public static void says(String what, String... phrases) {
        String value = row(what);
        for (String phrase : phrases) {
            assertThat(value).as("%s, row '%s'", FILE, what).contains(phrase);
        }
    }

    /** A count as the spec writes it: {@code 65 535}, {@code 1 024}, {@code 100 000}, {@code 512}. */
    public static String n(long count) {
        String digits = Long.toString(count);
        if (count < 1000) {
            return digits;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                sb.append(' ');
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    /** A duration in seconds as the spec writes it: {@code 20 s}, {@code 180 s}, {@code 2.4 s}. */
    public static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? n(millis / 1000) + " s" : stripZeros(millis / 1000.0) + " s";
    }

    /** A duration in whole minutes: {@code 5 min}. */
    public static String minutes(Duration d) {
        assertThat(d.toSeconds() % 60).as("%s in whole minutes", d).isZero();
        return n(d.toMinutes()) + " min";
    }

    /** A duration in milliseconds: {@code 100 ms}. */
    public static String millis(Duration d) {
        return n(d.toMillis()) + " ms";
    }

    /** A size as the spec writes it: {@code 128 KiB}, {@code 512 KiB}, {@code 4 096 bytes}, {@code 1 GiB}. */
    public static String size(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return n(bytes >> 30) + " GiB";
        }
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return n(bytes / (1024 * 1024)) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return n(bytes / 1024) + " KiB";
        }
        return n(bytes) + " bytes";
    }

    private static String stripZeros(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static Map<String, String> read() {
        Map<String, String> rows = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(FILE)) {
                if (!line.startsWith("|") || line.startsWith("|---") || line.startsWith("| What ")) {
                    continue;
                }
                String[] cells = line.split("\\|", -1);
                if (cells.length < 4) {
                    continue;
                }
                rows.put(cells[1].strip(), cells[2].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
