package dev.shoal.ui;

import dev.shoal.node.api.PieceRun;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.UIManager;

/**
 * A bar across the file, start to end, painted in the colour of the source each part came from,
 * as BitTorrent and LimeWire users know it; parts still missing show the track colour, parts kept
 * from an earlier run grey. The Sources table shows the same colours beside each address.
 */
final class PieceMap extends JComponent {
    /** The Okabe-Ito colours, told apart by most colour-blind eyes too. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442)};
    static final Color EARLIER = new Color(0x9e9e9e);

    /** One painted stretch: {@code width} pixels from {@code x} in the colour of {@code source}. */
    record Segment(int x, int width, int source) {
    }

    private List<PieceRun> runs = List.of();

    PieceMap() {
        setName("pieceMap");
        setPreferredSize(new Dimension(Widgets.px(400), Widgets.px(18)));
        setMinimumSize(new Dimension(Widgets.px(40), Widgets.px(12)));
    }

    void setRuns(List<PieceRun> pieces) {
        if (!pieces.equals(runs)) {
            runs = List.copyOf(pieces);
            setToolTipText(tooltip(runs));
            repaint();
        }
    }

    List<PieceRun> runs() {
        return runs;
    }

    /** The colour of the source at {@code index} in the download's source list. */
    static Color colour(int index) {
        if (index == PieceRun.EARLIER) {
            return EARLIER;
        }
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** Where each run lands on a bar {@code width} pixels wide; runs narrower than a pixel may vanish. */
    static List<Segment> segments(List<PieceRun> runs, int width) {
        long total = runs.stream().mapToLong(PieceRun::chunks).sum();
        List<Segment> out = new ArrayList<>(runs.size());
        if (total == 0 || width <= 0) {
            return out;
        }
        long at = 0;
        for (PieceRun r : runs) {
            int x0 = (int) Math.round((double) at * width / total);
            at += r.chunks();
            int x1 = (int) Math.round((double) at * width / total);
            if (x1 > x0) {
                out.add(new Segment(x0, x1 - x0, r.source()));
            }
        }
        return out;
    }

    static String tooltip(List<PieceRun> runs) {
        int total = runs.stream().mapToInt(PieceRun::chunks).sum();
        int missing = runs.stream().filter(r -> r.source() == PieceRun.MISSING).mapToInt(PieceRun::chunks).sum();
        return total == 0 ? null : (total - missing) + " of " + total
                + " pieces on disk; each colour is one source (see the table below), grey was fetched earlier";
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            Color track = UIManager.getColor("ProgressBar.background");
            Color border = UIManager.getColor("Component.borderColor");
            int w = getWidth();
            int h = getHeight();
            g.setColor(track == null ? Color.LIGHT_GRAY : track);
            g.fillRect(0, 0, w, h);
            for (Segment s : segments(runs, w - 2)) {
                if (s.source() != PieceRun.MISSING) {
                    g.setColor(colour(s.source()));
                    g.fillRect(1 + s.x(), 1, s.width(), h - 2);
                }
            }
            g.setColor(border == null ? Color.GRAY : border);
            g.drawRect(0, 0, w - 1, h - 1);
        } finally {
            g.dispose();
        }
    }
}
