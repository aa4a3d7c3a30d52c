package dev.shoal.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.function.UnaryOperator;

/**
 * How Shoal logs, found by logback as a service: every line goes to the {@link Terminal} (standard
 * error, above a progress bar), addresses as host:port and exceptions on the same line, at the
 * level the system property {@value #LEVEL_PROPERTY} says (INFO when it says nothing), MINA at
 * WARN. Set up in code because reading the same from an XML file took a quarter of the start of a
 * one-shot command such as {@code shoal get}. A file named by {@code -Dlogback.configurationFile}
 * still wins.
 */
public final class TerminalLogging extends ContextAwareBase implements Configurator {
    static final String LEVEL_PROPERTY = "shoal.log.level";
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %addrmsg%exline%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        return configure(context, System::getProperty, Terminal.stderr());
    }

    static ExecutionStatus configure(LoggerContext context, UnaryOperator<String> properties, Terminal terminal) {
        if (properties.apply("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getLogger("org.apache.mina").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(properties.apply(LEVEL_PROPERTY), Level.INFO));
        root.addAppender(appender(context, terminal, PATTERN));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** A started appender of {@code pattern} lines to {@code terminal}, with Shoal's {@code %addrmsg} and {@code %exline}. */
    static TerminalAppender appender(LoggerContext context, Terminal terminal, String pattern) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("addrmsg", LogMessageConverter::new);
        layout.getInstanceConverterMap().put("exline", OneLineThrowableConverter::new);
        layout.setPattern(pattern);
        layout.start();
        TerminalAppender appender = new TerminalAppender(terminal);
        appender.setContext(context);
        appender.setName("TERMINAL");
        appender.setLayout(layout);
        appender.start();
        return appender;
    }
}
