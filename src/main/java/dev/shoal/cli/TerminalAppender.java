package dev.shoal.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/** Logback's way onto the {@link Terminal}: log lines go above a progress bar, never into it. */
public final class TerminalAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private final Terminal terminal;
    private Layout<ILoggingEvent> layout;

    public TerminalAppender() {
        this(Terminal.stderr());
    }

    TerminalAppender(Terminal terminal) {
        this.terminal = terminal;
    }

    public void setLayout(Layout<ILoggingEvent> layout) {
        this.layout = layout;
    }

    @Override
    public void start() {
        if (layout == null) {
            addError("no layout for the appender " + getName());
            return;
        }
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        terminal.printAbove(layout.doLayout(event));
    }
}
