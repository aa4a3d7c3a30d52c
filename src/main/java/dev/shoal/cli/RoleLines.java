package dev.shoal.cli;

import dev.shoal.node.api.Role;
import java.io.PrintWriter;

/**
 * The {@code role: leaf} / {@code role: ultrapeer} lines of {@code shoal node}: one after the
 * {@code listening on} line, then one per change. A change announced before that first line is
 * not lost: the first line reads the role then. Thread safe (changes come from node threads).
 */
final class RoleLines {
    private final PrintWriter out;
    private Role last;

    RoleLines(PrintWriter out) {
        this.out = out;
    }

    synchronized void start(Role now) {
        last = now;
        say(now);
    }

    synchronized void changed(Role role) {
        if (last != null && role != last) {
            last = role;
            say(role);
        }
    }

    private void say(Role role) {
        out.println("role: " + role.label());
        out.flush();
    }
}
