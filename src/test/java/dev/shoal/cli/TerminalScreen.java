package dev.shoal.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What a terminal shows after receiving some text: {@code \r} returns to the start of the line and
 * later characters overwrite earlier ones, {@code \n} starts a new line. Leftovers of a longer
 * status line drawn earlier stay visible, as on a real screen.
 */
final class TerminalScreen {
    private TerminalScreen() {
    }

    /** The visible lines, trailing spaces removed, empty lines dropped. */
    static List<String> render(String output) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int column = 0;
        for (char c : output.toCharArray()) {
            if (c == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                column = 0;
            } else if (c == '\r') {
                column = 0;
            } else {
                if (column < line.length()) {
                    line.setCharAt(column, c);
                } else {
                    line.append(c);
                }
                column++;
            }
        }
        lines.add(line.toString());
        return lines.stream().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
    }
}
