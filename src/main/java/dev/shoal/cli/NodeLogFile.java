package dev.shoal.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The log file of {@code shoal node}, {@code <data>/shoal.log}: the same lines as the terminal,
 * with stack traces, kept to {@value #FILES} files of {@value #MAX_SIZE} each. Only the long-running
 * node gets one; a one-shot command writes nothing into a data folder it merely borrows.
 */
final class NodeLogFile {
    static final String NAME = "shoal.log";
    private static final int FILES = 3;
    private static final String MAX_SIZE = "10MB";

    private NodeLogFile() {
    }

    /** Adds the file to the root logger; does nothing when the logging backend is not logback. */
    static void attach(Path dataDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        registerMessageConverter(context);
        Path file = dataDir.toAbsolutePath().resolve(NAME);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %addrmsg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("NODE-FILE");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(dataDir.toAbsolutePath().resolve("shoal.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(FILES - 1);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(MAX_SIZE));
        trigger.start();

        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    /** {@code %addrmsg} is Shoal's (see {@link TerminalLogging}); a test's configuration may not have it. */
    @SuppressWarnings("unchecked")
    private static void registerMessageConverter(LoggerContext context) {
        Map<String, Supplier<DynamicConverter<?>>> rules =
                (Map<String, Supplier<DynamicConverter<?>>>) context.getObject(
                        CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        rules.putIfAbsent("addrmsg", LogMessageConverter::new);
    }
}
