package dev.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RoleLinesTest {
    private final StringWriter text = new StringWriter();
    private final RoleLines lines = new RoleLines(new PrintWriter(text));

    @Test
    void oneLineAtStartThenOnePerChange() {
        lines.changed(Role.ULTRAPEER);
        lines.start(Role.LEAF);
        lines.changed(Role.LEAF);
        lines.changed(Role.ULTRAPEER);
        lines.changed(Role.ULTRAPEER);
        lines.changed(Role.LEAF);

        assertThat(text.toString().lines()).containsExactly("role: leaf", "role: ultrapeer", "role: leaf");
    }
}
