package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a machine with no display (a fresh clone built without xvfb) every desktop test is skipped
 * and says why; none fails. Runs them all in a JVM of its own made headless, whatever this one has.
 * Regression: {@code MagnetGuiTest} built a key stroke with the toolkit as its class was loaded,
 * so without a display the class failed before its tests could be skipped.
 */
class HeadlessSkipTest {
    private static final Pattern SUMMARY = Pattern.compile("classes (\\d+) tests (\\d+) skipped (\\d+) failed (\\d+)");

    @TempDir
    Path temp;

    @Test
    void withoutADisplayEveryDesktopTestIsSkippedWithItsReasonAndNoneFails() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"),
                HeadlessRun.class.getName()));
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Path log = temp.resolve("headless.log");
        Process run = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = run.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            run.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("the headless run ended:\n%s", out).isTrue();

        Matcher m = SUMMARY.matcher(out);
        assertThat(m.find()).as("summary in:\n%s", out).isTrue();
        int classes = Integer.parseInt(m.group(1));
        assertThat(classes).as("desktop test classes").isGreaterThanOrEqualTo(10);
        assertThat(Integer.parseInt(m.group(4))).as("failures:\n%s", out).isZero();
        assertThat(Integer.parseInt(m.group(3))).as("every test skipped").isEqualTo(Integer.parseInt(m.group(2)))
                .isPositive();
        assertThat(out.lines().filter(l -> l.startsWith("SKIPPED ") && l.endsWith(NeedsDisplay.Condition.REASON)))
                .as("one line with the reason per class").hasSize(classes);
    }
}
