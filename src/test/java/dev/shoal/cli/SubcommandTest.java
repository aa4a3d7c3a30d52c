package dev.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** A run that names its command makes that command alone; any other run makes them all. */
class SubcommandTest {
    @Command(name = "extra")
    static final class Extra {
    }

    static final class Unnamed {
    }

    @Test
    void aNamedCommandIsTheOnlyOneMade() {
        Subcommand extra = Subcommand.of(Extra.class, () -> {
            throw new AssertionError("made although another command runs");
        });
        assertThat(commands(new String[] {"get", "urn:sha1:X", "--peer", "127.0.0.1:1"}, extra)).containsExactly("get");
        assertThat(commands(new String[] {"index", "--help"}, extra)).containsExactly("index");
    }

    @Test
    void helpTyposAndNoCommandMakeThemAllInOrder() {
        Subcommand extra = Subcommand.of(Extra.class, Extra::new);
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "get"}, {"gte"}, {"--version"}}) {
            assertThat(commands(args, extra)).containsExactly("node", "search", "get", "browse", "index", "stats", "extra", "help");
        }
    }

    @Test
    void aCommandIsNamedByItsAnnotation() {
        assertThat(Subcommand.of(Extra.class, Extra::new).name()).isEqualTo("extra");
        assertThatThrownBy(() -> Subcommand.of(Unnamed.class, Unnamed::new))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> commands(String[] args, Subcommand... more) {
        return List.copyOf(ShoalCommand.newCommandLine(new Terminal(new StringWriter()), args, more)
                .getSubcommands().keySet());
    }
}
