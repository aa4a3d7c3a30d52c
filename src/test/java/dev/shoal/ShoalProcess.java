package dev.shoal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code shoal} in a child JVM built from the test class path, for tests that need a real process:
 * killed with SIGKILL, stopped with SIGTERM. Always stopped by its own id on close.
 */
public final class ShoalProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("^listening on (\\S+):(\\d+)$");

    private final Process process;
    private final CompletableFuture<InetSocketAddress> address = new CompletableFuture<>();
    private final List<String> stdout = new ArrayList<>();

    private ShoalProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readStdout, "shoal-process-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code shoal <args>} with stderr going to {@code log}. */
    public static ShoalProcess start(Path log, String... args) throws IOException {
        return start(null, Map.of(), log, args);
    }

    /**
     * Starts {@code shoal <args>} in {@code workingDir} (null: this one) with these environment
     * variables added, stderr going to {@code log}.
     */
    public static ShoalProcess start(Path workingDir, Map<String, String> env, Path log, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "dev.shoal.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        builder.environment().putAll(env);
        return new ShoalProcess(builder.start());
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (stdout) {
                    stdout.add(line);
                }
                Matcher m = LISTENING.matcher(line);
                if (m.matches()) {
                    InetSocketAddress at = new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
                    if (at.getAddress() == null || !at.getAddress().isLoopbackAddress()) {
                        // Network safety: a node a test starts binds 127.0.0.1 (--bind), never all interfaces.
                        process.destroyForcibly();
                        address.completeExceptionally(new IllegalStateException(
                                "a test started a node listening beyond loopback: " + line));
                    } else {
                        address.complete(at);
                    }
                }
            }
        } catch (IOException e) {
            address.completeExceptionally(e);
        }
        address.completeExceptionally(new IOException("shoal exited before listening"));
    }

    /** The address from its {@code listening on} line. */
    public InetSocketAddress awaitListening() throws Exception {
        return address.get(60, TimeUnit.SECONDS);
    }

    public List<String> stdout() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int awaitExit(java.time.Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("shoal did not exit within " + limit);
        }
        return process.exitValue();
    }

    /** SIGTERM, then the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("shoal did not stop on SIGTERM within 30 s");
        }
        return process.exitValue();
    }

    /** SIGKILL: the process vanishes without a word to its peers. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
