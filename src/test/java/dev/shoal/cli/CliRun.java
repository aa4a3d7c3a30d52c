package dev.shoal.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/** One in-process run of the {@code shoal} command line, with its output captured. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = ShoalCommand.newCommandLine(new Terminal(err), args);
        cli.setOut(new PrintWriter(out, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.isBlank() ? List.of() : Arrays.asList(out.strip().split("\\R"));
    }

    /** Standard error as a terminal shows it: status lines drawn and cleared leave nothing. */
    List<String> errLines() {
        return TerminalScreen.render(err);
    }
}
