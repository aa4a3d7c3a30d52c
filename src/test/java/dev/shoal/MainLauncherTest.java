package dev.shoal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@link Main} in a child JVM without a display, as {@code ./shoal} runs it on a server. */
class MainLauncherTest {
    @TempDir
    Path tmp;

    @Test
    void withoutADisplayTheAppSaysHowToRunANodeAndExits2() throws Exception {
        Result r = run();
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.stderr.strip().lines()).hasSize(1);
        assertThat(r.stderr).contains("shoal node");
    }

    @Test
    void aMagnetLinkIsForTheAppAndWithoutADisplayItSaysHowToGetTheFileInstead() throws Exception {
        Result r = run("magnet:?xt=urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ&dn=a.txt");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.stderr.strip().lines()).singleElement().asString()
                .startsWith("shoal: cannot open the desktop app (no display) for the magnet link;")
                .contains("shoal get LINK --peer HOST:PORT");
    }

    @Test
    void otherArgumentsGoToTheCommandLine() throws Exception {
        Result r = run("--version");
        assertThat(r.exit).isZero();
        assertThat(r.stdout).startsWith("Shoal");
    }

    /**
     * Where DISPLAY cannot name a missing X server, the headless JVM runs the demo; on Linux the test
     * below runs the same tour after a failed window, and one 64 MiB tour per suite is enough.
     */
    @Test
    @DisabledOnOs(OS.LINUX)
    void headlessDemoSearchesDownloadsFromSeveralSourcesAndVerifies() throws Exception {
        Result r = run("demo");
        assertThat(r.exit).as(r.stdout + r.stderr).isZero();
        assertTourDone(r.stdout);
    }

    private static void assertTourDone(String stdout) {
        assertThat(stdout).contains("Demo network: 5 nodes on 127.0.0.1")
                .contains("Searching for \"shoal\"")
                .contains("hit  shoal-demo-bigfile.bin")
                .contains("Downloading shoal-demo-bigfile.bin (64.0 MiB) from 4 sources")
                .contains("100.0%")
                .containsPattern("Verified: it matches the URN urn:sha1:[A-Z2-7]{32}");
    }

    /** DISPLAY names the X server only where X11 is the window system. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void withADisplayThatIsNotThereTheAppSaysSoInOneLineAndExits() throws Exception {
        Result r = runWith(Map.of("DISPLAY", absentDisplay()), false);
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.stderr.strip().lines()).singleElement().asString()
                .startsWith("shoal: cannot open the desktop app (").contains(absentDisplay()).contains("shoal node");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void withADisplayThatIsNotThereTheDemoRunsInTheTerminalAndStopsItsNetwork() throws Exception {
        Result r = runWith(Map.of("DISPLAY", absentDisplay()), false, "demo");
        assertThat(r.exit).as(r.stdout + r.stderr).isZero();
        assertThat(r.stderr.strip().lines()).first().asString()
                .startsWith("shoal: cannot open a window (").endsWith("running the demo in the terminal");
        assertThat(r.stderr).doesNotContain("\tat ", "AWTError");
        assertTourDone(r.stdout);
    }

    @Test
    void helpListsEveryCommandAndSaysWhatNoCommandDoes() throws Exception {
        Result r = run("--help");
        assertThat(r.exit).isZero();
        assertThat(r.stdout).containsPattern("(?s)Commands:.*\\n  node .*\\n  search .*\\n  get .*\\n  index .*"
                + "\\n  demo .*\\n  bench .*\\n  help ").contains("With no command, 'shoal' opens the desktop app.");
    }

    @Test
    void demoAndBenchHelpPrintHelpInsteadOfRunning() throws Exception {
        Result demo = run("demo", "--help");
        assertThat(demo.exit).isZero();
        assertThat(demo.stdout).startsWith("Usage: shoal demo").doesNotContain("Starting a demo network");

        Result bench = run("help", "bench");
        assertThat(bench.exit).isZero();
        assertThat(bench.stdout).startsWith("Usage: shoal bench").contains("shoal bench transfer [--suite");
    }

    @Test
    void benchArgumentsReachTheBenchmarkAsTheyAre() throws Exception {
        Result r = run("bench", "--suite", "nonsense");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.stderr).startsWith("shoal bench: ").contains("nonsense");
    }

    /** A display number no X server uses here: no socket and no lock file for it. */
    private static String absentDisplay() {
        for (int n = 4242; ; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return ":" + n;
            }
        }
    }

    private Result run(String... args) throws IOException, InterruptedException {
        return runWith(Map.of(), true, args);
    }

    private Result runWith(Map<String, String> env, boolean headless, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (headless) {
            command.add("-Djava.awt.headless=true");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.shoal.Main"));
        command.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("shoal " + String.join(" ", args) + " did not exit");
            }
        } finally {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String stdout, String stderr) {
    }
}
