package dev.shoal.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the churn bench again inside a network namespace of its own ({@code unshare -n}), whose
 * loopback is brought up and given {@code tc netem delay 50ms loss 1%}: the nodes then talk over
 * a slow, lossy loopback while the host's own network is never touched. Needs root (or user
 * namespaces) and the kernel's netem queueing discipline.
 */
final class NetemNamespace {
    static final String SETUP = "ip link set lo up && tc qdisc add dev lo root netem delay 50ms loss 1%";

    private NetemNamespace() {
    }

    /** Why the namespace cannot be made here, or empty when it can (tried in a throw-away namespace). */
    static String unavailable() {
        try {
            Process p = new ProcessBuilder("unshare", "-n", "sh", "-c", SETUP).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unshare -n did not finish in 30 s";
            }
            return p.exitValue() == 0 ? "" : "'unshare -n sh -c \"" + SETUP + "\"' failed: " + output;
        } catch (IOException e) {
            return "cannot run unshare: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Runs {@code shoal bench churn args} in a new JVM inside the namespace; returns its exit code. */
    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("unshare", "-n", "sh", "-c", SETUP + " && exec \"$@\"", "sh"));
        List<String> java = ForkedRun.command(new ArrayList<>(List.of("churn")));
        cmd.addAll(java);
        cmd.addAll(args);
        cmd.add(ChurnOptions.INSIDE_NETEM);
        return ForkedRun.runCommand(cmd, out, err);
    }
}
