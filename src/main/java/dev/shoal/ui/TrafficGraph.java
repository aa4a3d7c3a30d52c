package dev.shoal.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.util.function.IntToLongFunction;
import javax.swing.JComponent;
import javax.swing.UIManager;

/**
 * A live chart of incoming and outgoing bytes per second, drawn with Java2D. Colours come from the
 * look and feel so it reads well in light and dark themes; sizes follow the font so it scales.
 */
final class TrafficGraph extends JComponent {
    static final Color IN_COLOR = new Color(0x3d8fd9);
    static final Color OUT_COLOR = new Color(0x4caf50);

    private final TrafficHistory history;

    TrafficGraph(TrafficHistory history) {
        this.history = history;
        setName("trafficGraph");
        setPreferredSize(new Dimension(Widgets.px(600), Widgets.px(170)));
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(UIManager.getFont("Label.font"));
            FontMetrics fm = g.getFontMetrics();
            int pad = fm.getHeight() / 2;
            int left = pad;
            int top = fm.getHeight() + pad;
            int width = getWidth() - 2 * pad;
            int height = getHeight() - top - pad;
            Color bg = UIManager.getColor("Table.background");
            Color grid = UIManager.getColor("Separator.foreground");
            Color text = UIManager.getColor("Label.foreground");
            g.setColor(bg == null ? getBackground() : bg);
            g.fillRoundRect(0, 0, getWidth(), getHeight(), pad, pad);
            if (width <= 0 || height <= 0) {
                return;
            }
            long scale = niceCeiling(Math.max(history.peak(), 1024));
            g.setColor(grid == null ? Color.GRAY : grid);
            for (int i = 0; i <= 4; i++) {
                int y = top + height * i / 4;
                g.drawLine(left, y, left + width, y);
            }
            series(g, history::in, scale, left, top, width, height, IN_COLOR);
            series(g, history::out, scale, left, top, width, height, OUT_COLOR);
            g.setColor(text == null ? Color.BLACK : text);
            int baseline = fm.getAscent() + pad / 2;
            String peak = "scale " + Format.rate(scale).replace(".0 ", " ");
            g.drawString(peak, left + width - fm.stringWidth(peak), baseline);
            int x = legend(g, fm, left, baseline, IN_COLOR, "In " + Format.rate(history.latestIn()));
            legend(g, fm, x + fm.getHeight(), baseline, OUT_COLOR, "Out " + Format.rate(history.latestOut()));
        } finally {
            g.dispose();
        }
    }

    private void series(Graphics2D g, IntToLongFunction values, long scale, int left, int top, int width, int height,
            Color color) {
        int n = history.size();
        if (n < 2) {
            return;
        }
        double step = (double) width / (history.capacity() - 1);
        double x0 = left + width - step * (n - 1);
        Path2D.Double line = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            double x = x0 + step * i;
            double y = top + height - height * Math.min(1.0, (double) values.applyAsLong(i) / scale);
            if (i == 0) {
                line.moveTo(x, y);
            } else {
                line.lineTo(x, y);
            }
        }
        Path2D.Double area = new Path2D.Double(line);
        area.lineTo(x0 + step * (n - 1), top + height);
        area.lineTo(x0, top + height);
        area.closePath();
        g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 60));
        g.fill(area);
        g.setColor(color);
        g.setStroke(new BasicStroke(Math.max(1.5f, Widgets.px(2))));
        g.draw(line);
    }

    private static int legend(Graphics2D g, FontMetrics fm, int x, int baseline, Color color, String label) {
        int box = fm.getAscent() - 2;
        g.setColor(color);
        g.fillRoundRect(x, baseline - box, box, box, 3, 3);
        g.setColor(UIManager.getColor("Label.foreground"));
        g.drawString(label, x + box + 4, baseline);
        return x + box + 4 + fm.stringWidth(label);
    }

    /**
     * The smallest round rate at or above {@code v}: 1, 2 or 5 times a power of ten of B, KiB, MiB
     * or GiB, so the axis label reads "500 KiB/s" and the scale moves in calm jumps.
     */
    static long niceCeiling(long v) {
        for (long unit = 1; unit <= (1L << 40); unit <<= 10) {
            for (long m : new long[] {1, 2, 5, 10, 20, 50, 100, 200, 500}) {
                if (m * unit >= v) {
                    return m * unit;
                }
            }
        }
        return v;
    }
}
