package dev.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shoal's logging set-up: the terminal, the level from shoal.log.level, MINA quiet; an explicit file wins. */
class TerminalLoggingTest {
    private final StringWriter out = new StringWriter();
    private final LoggerContext context = new LoggerContext();

    private ExecutionStatus configure(Map<String, String> properties) {
        return TerminalLogging.configure(context, properties::get, new Terminal(out));
    }

    @Test
    void linesGoToTheTerminalAtInfoByDefault() {
        assertThat(configure(Map.of())).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        context.getLogger("dev.shoal.node.ServentNode").info("listening on {}", "127.0.0.1:6346");
        context.getLogger("dev.shoal.node.ServentNode").debug("not shown");

        assertThat(out.toString()).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  d\\.s\\.node\\.ServentNode - "
                + "listening on 127\\.0\\.0\\.1:6346\\R");
        assertThat(context.getLogger("org.apache.mina.core").getEffectiveLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void theLevelComesFromShoalLogLevel() {
        configure(Map.of("shoal.log.level", "WARN"));
        context.getLogger("x").info("not shown");
        context.getLogger("x").warn("shown");

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
        assertThat(out.toString()).contains("WARN  x - shown").doesNotContain("not shown");
    }

    @Test
    void aConfigurationFileNamedOnTheCommandLineWins() {
        assertThat(configure(Map.of("logback.configurationFile", "mine.xml")))
                .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }
}
