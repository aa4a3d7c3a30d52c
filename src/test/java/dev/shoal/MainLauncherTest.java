package dev.shoal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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
    void otherArgumentsGoToTheCommandLine() throws Exception {
        Result r = run("--version");
        assertThat(r.exit).isZero();
        assertThat(r.stdout).startsWith("Shoal");
    }

    @Test
    void headlessDemoSearchesDownloadsFromSeveralSourcesAndVerifies() throws Exception {
        Result r = run("demo");
        assertThat(r.exit).as(r.stdout + r.stderr).isZero();
        assertThat(r.stdout).contains("Demo network: 5 nodes on 127.0.0.1")
                .contains("Searching for \"ocean\"")
                .contains("hit  ocean-waves-30s.wav")
                .containsPattern("Downloading ocean-waves-30s.wav \\(1\\.3 MiB\\) from [2-5] sources")
                .contains("100.0%")
                .containsPattern("Verified: it matches the URN urn:sha1:[A-Z2-7]{32}");
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "dev.shoal.Main"));
        command.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
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
