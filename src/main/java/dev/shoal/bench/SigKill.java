package dev.shoal.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Kills a child process the way a power cut or the OOM killer would: {@code destroyForcibly},
 * which on Linux and macOS sends SIGKILL, so no shutdown hook or finally block of the child runs.
 * That it was SIGKILL is checked, not assumed: such a child exits with 128 + 9.
 */
final class SigKill {
    static final int KILLED_EXIT = 128 + 9;
    private static final long REAP_SECONDS = 30;

    /** Whether the child was killed or had exited on its own first, and its exit code. */
    record Outcome(boolean killed, int exit) {
    }

    private SigKill() {
    }

    /** Waits {@code delayNanos} for {@code child} to exit, and kills it if it has not. */
    static Outcome after(Process child, long delayNanos) throws IOException, InterruptedException {
        if (child.waitFor(Math.max(0, delayNanos), TimeUnit.NANOSECONDS)) {
            return new Outcome(false, child.exitValue());
        }
        child.destroyForcibly();
        if (!child.waitFor(REAP_SECONDS, TimeUnit.SECONDS)) {
            throw new IOException("pid " + child.pid() + " still runs " + REAP_SECONDS + " s after SIGKILL");
        }
        int exit = child.exitValue();
        // Any other code: it exited on its own in the instant between the wait and the kill.
        return new Outcome(exit == KILLED_EXIT, exit);
    }
}
