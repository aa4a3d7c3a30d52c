package dev.shoal.cli;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %addrmsg}: the log message with socket addresses written as users type them. The
 * layers below log {@code InetSocketAddress}es and objects holding them, whose {@code toString}
 * puts a slash in front ({@code /127.0.0.1:6346}); this is the one place that drops it.
 */
public final class LogMessageConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return AddressText.unslash(event.getFormattedMessage());
    }
}
