package dev.shoal.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a program as a child process ({@code curl}, {@code sha1sum}, {@code aria2c}, or Shoal's own
 * command line) and times it from start to exit. The C locale keeps numbers printed with a
 * decimal point.
 */
final class ExternalTool {
    /** What a run printed, and when it started and exited on {@link System#nanoTime()}. */
    record Run(String stdout, long startNanos, long endNanos) {
        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    private final String name;
    private final List<String> command;

    /** A program found on the PATH. */
    ExternalTool(String name) {
        this(name, List.of(name));
    }

    /** A program started by {@code command} (the program and the arguments that come before any given to a run). */
    ExternalTool(String name, List<String> command) {
        this.name = name;
        this.command = List.copyOf(command);
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

    /** Runs to the end; fails when the tool exits with an error (saying the last line it wrote on stderr). */
    Run run(List<String> args, long timeoutSeconds) throws IOException, InterruptedException {
        return run(args, timeoutSeconds, process -> { });
    }

    /** The same, telling {@code started} which process runs as soon as it does. */
    Run run(List<String> args, long timeoutSeconds, Consumer<ProcessHandle> started)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(command);
        line.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(line);
        pb.environment().put("LC_ALL", "C");
        long start = System.nanoTime();
        Process p = pb.start();
        started.accept(p.toHandle());
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = drain(p.getErrorStream(), err);
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(name + " took longer than " + timeoutSeconds + " s");
        }
        long end = System.nanoTime();
        errReader.join();
        if (p.exitValue() != 0) {
            throw new IOException(name + " " + args + " exited with " + p.exitValue() + lastLine(err));
        }
        return new Run(new String(out, StandardCharsets.UTF_8), start, end);
    }

    /**
     * Starts the tool without waiting, its output going to {@code log} (both streams, so that a
     * child never blocks on a full pipe): for a run the caller may kill.
     */
    Process start(List<String> args, Path log) throws IOException {
        List<String> line = new ArrayList<>(command);
        line.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(line);
        pb.environment().put("LC_ALL", "C");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    private static Thread drain(InputStream from, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try (from) {
                from.transferTo(to);
            } catch (IOException e) {
                // The child went away; its exit code tells the rest.
            }
        }, "bench-tool-stderr");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String lastLine(ByteArrayOutputStream err) {
        String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("[\r\n]+");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? "" : ": " + last;
    }
}
