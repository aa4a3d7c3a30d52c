package dev.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalTest {
    private final StringWriter out = new StringWriter();
    private final Terminal terminal = new Terminal(out);

    @Test
    void aShorterStatusLeavesNothingOfTheLongerOneBefore() {
        terminal.status("ocean.wav [#####-----]  50%  downloading");
        terminal.status("done");

        assertThat(TerminalScreen.render(out.toString())).containsExactly("done");
    }

    @Test
    void linesGoAboveTheStatusWhichIsDrawnAgainBelowThem() {
        terminal.status("ocean.wav [#####-----]  50%");
        terminal.printAbove("12:00:00.000 WARN  source 127.0.0.1:6346 is busy\n");
        terminal.writer().println("shoal: cannot connect to 127.0.0.1:1");
        terminal.writer().flush();

        assertThat(TerminalScreen.render(out.toString())).containsExactly(
                "12:00:00.000 WARN  source 127.0.0.1:6346 is busy",
                "shoal: cannot connect to 127.0.0.1:1",
                "ocean.wav [#####-----]  50%");
    }

    @Test
    void aClearedStatusLeavesAnEmptyLineForWhatComesNext() {
        terminal.status("searching for sources of ocean.wav... 3 s");
        terminal.clearStatus();
        terminal.writer().println("shoal: no source found");
        terminal.writer().flush();

        assertThat(TerminalScreen.render(out.toString())).containsExactly("shoal: no source found");
    }

    @Test
    void aLineWrittenInPiecesIsShownWholeAndOnce() {
        terminal.status("50%");
        terminal.writer().print("sharing ");
        terminal.writer().print("12 files");
        terminal.writer().println();
        terminal.writer().flush();

        assertThat(TerminalScreen.render(out.toString())).containsExactly("sharing 12 files", "50%");
    }

    @Test
    void textFlushedWithoutItsLineEndIsNotLost() {
        terminal.status("50%");
        terminal.writer().print("shoal: no newline");
        terminal.writer().flush();

        assertThat(TerminalScreen.render(out.toString())).containsExactly("shoal: no newline", "50%");
    }

    @Test
    void withoutAStatusLinesArePrintedAsTheyAre() {
        terminal.writer().println("listening on 127.0.0.1:6346");
        terminal.writer().flush();

        assertThat(out.toString()).isEqualTo("listening on 127.0.0.1:6346" + System.lineSeparator());
    }
}
