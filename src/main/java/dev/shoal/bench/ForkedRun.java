package dev.shoal.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the bench again in a fresh JVM whose heap is fixed and touched up front, as JMH forks for
 * the same reason. With the default growing heap, the routing path (which allocates kilobytes per
 * message) keeps landing on never-touched memory, and the kernel's page faults showed up as 20 to
 * 70 % system time in some measurements and not in others: the spread of the figures came from
 * that, not from the code. A fixed heap removes it; the reference does not allocate, so it never
 * saw it. The child's output is copied to ours unchanged.
 */
final class ForkedRun {
    static final String CHILD_PROPERTY = "shoal.bench.child";
    static final List<String> JVM_OPTIONS = List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");

    private ForkedRun() {
    }

    /** True inside the forked JVM, which must measure rather than fork again. */
    static boolean inChild() {
        return Boolean.getBoolean(CHILD_PROPERTY);
    }

    static List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_OPTIONS);
        cmd.add("-D" + CHILD_PROPERTY + "=true");
        cmd.add("-Dshoal.log.level=" + System.getProperty("shoal.log.level", "WARN"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(BenchMain.class.getName());
        cmd.addAll(args);
        return cmd;
    }

    /** Runs the child to its end and returns its exit code; it is killed if we are. */
    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        return runCommand(command(args), out, err);
    }

    /** Runs {@code cmd} to its end, its output copied to ours, and returns its exit code; it is killed if we are. */
    static int runCommand(List<String> cmd, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(cmd).start();
        Thread killer = new Thread(child::destroy, "shoal-bench-stop-child");
        Runtime.getRuntime().addShutdownHook(killer);
        try {
            child.getOutputStream().close();
            Thread copyOut = copy(child.getInputStream(), out);
            Thread copyErr = copy(child.getErrorStream(), err);
            int code = child.waitFor();
            copyOut.join();
            copyErr.join();
            return code;
        } finally {
            child.destroy();
            Runtime.getRuntime().removeShutdownHook(killer);
        }
    }

    private static Thread copy(InputStream from, PrintStream to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (from) {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // The child went away; its exit code tells the rest.
            }
        }, "shoal-bench-child-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
