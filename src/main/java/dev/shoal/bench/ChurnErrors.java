package dev.shoal.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * Counts what went wrong in this JVM while a churn run lasts: exceptions no one caught (a thread
 * died), lines logged at ERROR, and WARN lines carrying an exception (a task or listener that
 * threw and was caught), each with its first distinct messages for the report.
 */
final class ChurnErrors implements AutoCloseable {
    private static final int KEPT = 20;

    private final AtomicInteger uncaught = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger warnedExceptions = new AtomicInteger();
    private final Map<String, Integer> samples = new TreeMap<>();
    private final Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    private final Logger root;
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            if (e.getLevel().isGreaterOrEqual(Level.ERROR)) {
                errors.incrementAndGet();
                keep("ERROR " + e.getLoggerName() + ": " + e.getFormattedMessage());
            } else if (e.getLevel().isGreaterOrEqual(Level.WARN) && e.getThrowableProxy() != null) {
                warnedExceptions.incrementAndGet();
                keep("WARN " + e.getLoggerName() + ": " + e.getFormattedMessage() + " / "
                        + e.getThrowableProxy().getClassName() + ": " + e.getThrowableProxy().getMessage());
            }
        }
    };

    ChurnErrors() {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            uncaught.incrementAndGet();
            keep("uncaught in " + t.getName() + ": " + e);
            // Then what would have happened without us: the handler before, else the JVM's own.
            (before != null ? before : t.getThreadGroup()).uncaughtException(t, e);
        });
        org.slf4j.Logger logger = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root = logger instanceof Logger l ? l : null;
        if (root != null) {
            appender.setContext(root.getLoggerContext());
            appender.setName("churn-errors");
            appender.start();
            root.addAppender(appender);
        }
    }

    int uncaught() {
        return uncaught.get();
    }

    int errorsLogged() {
        return errors.get();
    }

    int warningsWithException() {
        return warnedExceptions.get();
    }

    /** Distinct messages (up to {@value #KEPT}) with how often each came. */
    synchronized Map<String, Integer> samples() {
        return new TreeMap<>(samples);
    }

    private synchronized void keep(String message) {
        String line = message.replaceAll("[\r\n]+", " ");
        line = line.length() > 300 ? line.substring(0, 300) : line;
        if (samples.containsKey(line) || samples.size() < KEPT) {
            samples.merge(line, 1, Integer::sum);
        }
    }

    @Override
    public void close() {
        Thread.setDefaultUncaughtExceptionHandler(before);
        if (root != null) {
            root.detachAppender(appender);
            appender.stop();
        }
    }
}
