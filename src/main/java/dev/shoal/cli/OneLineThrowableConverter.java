package dev.shoal.cli;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %exline}: an exception logged with a message, shown on the same line as
 * {@code " (Type: message)"}. The terminal never shows a stack trace; the node's log file keeps them.
 */
public final class OneLineThrowableConverter extends ThrowableHandlingConverter {
    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy t = event.getThrowableProxy();
        if (t == null) {
            return "";
        }
        String type = t.getClassName().substring(t.getClassName().lastIndexOf('.') + 1);
        return AddressText.unslash(" (" + type + (t.getMessage() == null ? "" : ": " + t.getMessage()) + ")");
    }
}
