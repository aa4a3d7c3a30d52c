package dev.shoal.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard error as the user sees it: at most one status line at the bottom (a progress bar),
 * redrawn in place, and every other line (log lines, warnings, error messages) written above it, so
 * the two never run into each other. Log lines reach it through {@link TerminalAppender}; the
 * command line writes through {@link #writer()}.
 *
 * <p>A redraw overwrites the old status with spaces rather than with an ANSI erase, so a log file or
 * a dumb terminal shows nothing stray either.
 */
public final class Terminal {
    private static final Terminal STDERR = new Terminal(new PrintWriter(System.err));

    static {
        // Ctrl-C while a status line is shown must not leave it for the shell prompt to land on.
        Runtime.getRuntime().addShutdownHook(new Thread(STDERR::clearStatus, "shoal-terminal-clear"));
    }

    private final PrintWriter out;
    private final PrintWriter lines;
    private String status = "";

    Terminal(Writer out) {
        this.out = out instanceof PrintWriter p ? p : new PrintWriter(out);
        this.lines = new PrintWriter(new LineWriter(this));
    }

    /** The process's standard error, shared by the log appender and the command line. */
    public static Terminal stderr() {
        return STDERR;
    }

    /** Writes whole lines above the status line; a line is held back until its end arrives or a flush. */
    PrintWriter writer() {
        return lines;
    }

    /** Shows {@code text} as the status line, replacing the one shown. */
    synchronized void status(String text) {
        String shown = text.replace('\n', ' ').replace('\r', ' ');
        out.print('\r');
        out.print(shown);
        pad(status.length() - shown.length());
        status = shown;
        out.flush();
    }

    /** Removes the status line, leaving the cursor at the start of the empty line. */
    synchronized void clearStatus() {
        erase();
        status = "";
        out.flush();
    }

    /** Writes {@code text} (one or more lines) above the status line, which is drawn again below it. */
    synchronized void printAbove(String text) {
        String shown = status;
        erase();
        out.print(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.println();
        }
        out.print(shown);
        out.flush();
    }

    private void erase() {
        if (!status.isEmpty()) {
            out.print('\r');
            pad(status.length());
            out.print('\r');
        }
    }

    private void pad(int spaces) {
        for (int i = 0; i < spaces; i++) {
            out.print(' ');
        }
    }

    /** Collects characters into lines and hands each complete line to the terminal. */
    private static final class LineWriter extends Writer {
        private final Terminal terminal;
        private final StringBuilder pending = new StringBuilder();

        LineWriter(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            synchronized (terminal) {
                for (int i = off; i < off + len; i++) {
                    pending.append(buf[i]);
                    if (buf[i] == '\n') {
                        terminal.printAbove(pending.toString());
                        pending.setLength(0);
                    }
                }
            }
        }

        /** Text flushed without its line end is shown as a line of its own rather than lost. */
        @Override
        public void flush() {
            synchronized (terminal) {
                if (!pending.isEmpty()) {
                    terminal.printAbove(pending.toString());
                    pending.setLength(0);
                }
                terminal.out.flush();
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
