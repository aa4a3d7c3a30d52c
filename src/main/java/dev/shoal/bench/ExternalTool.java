package dev.shoal.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a reference tool ({@code curl}, {@code sha1sum}) as a child process and times it from
 * start to exit. The C locale keeps numbers printed with a decimal point.
 */
final class ExternalTool {
    /** What a run printed and how long it took, start of the process to its exit. */
    record Run(String stdout, double seconds) {
    }

    private final String name;

    ExternalTool(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** True when the tool starts and answers {@code --version}. */
    boolean available() {
        try {
            run(List.of("--version"), 10);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Run run(List<String> args, long timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(name);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("LC_ALL", "C");
        long start = System.nanoTime();
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(name + " took longer than " + timeoutSeconds + " s");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (p.exitValue() != 0) {
            throw new IOException(name + " " + args + " exited with " + p.exitValue());
        }
        return new Run(new String(out, StandardCharsets.UTF_8), seconds);
    }
}
