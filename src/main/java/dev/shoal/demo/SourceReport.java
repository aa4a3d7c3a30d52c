package dev.shoal.demo;

import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.PieceRun;
import dev.shoal.node.api.SourceProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The terminal's version of the app's Sources view: one line per source with what it sent and its
 * share, and the piece map as rows of letters: the letter of the source each piece came from,
 * {@code .} for a missing piece and {@code =} for one kept from an earlier run.
 */
final class SourceReport {
    static final int MAP_WIDTH = 64;
    static final int MAX_ROWS = 4;

    private SourceReport() {
    }

    static List<String> lines(DownloadInfo d) {
        List<String> out = new ArrayList<>();
        List<SourceProgress> sources = d.perSource();
        for (int i = 0; i < sources.size(); i++) {
            SourceProgress s = sources.get(i);
            double share = d.size() <= 0 ? 0 : 100.0 * s.bytes() / d.size();
            out.add(String.format(Locale.ROOT, "  %s  %-22s %10s  %5.1f %%", letter(i), s.address(),
                    TerminalTour.size(s.bytes()), share));
        }
        List<String> rows = map(d.pieces());
        for (int r = 0; r < rows.size(); r++) {
            out.add((r == 0 ? "  pieces " : "         ") + rows.get(r));
        }
        return out;
    }

    /**
     * One letter per piece, {@value #MAP_WIDTH} to a row, in file order. A file of more than
     * {@value #MAX_ROWS} rows of pieces is drawn with several pieces per letter (the first one's).
     */
    static List<String> map(List<PieceRun> runs) {
        List<Integer> owners = new ArrayList<>();
        for (PieceRun r : runs) {
            for (int k = 0; k < r.chunks(); k++) {
                owners.add(r.source());
            }
        }
        int perLetter = Math.max(1, (owners.size() + MAP_WIDTH * MAX_ROWS - 1) / (MAP_WIDTH * MAX_ROWS));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < owners.size(); i += perLetter) {
            line.append(symbol(owners.get(i)));
        }
        List<String> rows = new ArrayList<>();
        for (int at = 0; at < line.length(); at += MAP_WIDTH) {
            rows.add(line.substring(at, Math.min(line.length(), at + MAP_WIDTH)));
        }
        return rows;
    }

    private static char symbol(int source) {
        if (source == PieceRun.MISSING) {
            return '.';
        }
        return source == PieceRun.EARLIER ? '=' : letter(source);
    }

    static char letter(int index) {
        return (char) ('A' + index % 26);
    }
}
