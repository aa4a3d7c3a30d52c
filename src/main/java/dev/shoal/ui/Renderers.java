package dev.shoal.ui;

import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import javax.swing.JProgressBar;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableCellRenderer;

/** Cell renderers: sizes and rates as text, fractions as progress bars. Values stay numbers for sorting. */
final class Renderers {
    private Renderers() {
    }

    static TableCellRenderer bytes() {
        return new DefaultTableCellRenderer() {
            @Override
            protected void setValue(Object value) {
                setHorizontalAlignment(SwingConstants.RIGHT);
                setText(value instanceof Long n ? Format.bytes(n) : "");
            }
        };
    }

    static TableCellRenderer rate() {
        return new DefaultTableCellRenderer() {
            @Override
            protected void setValue(Object value) {
                setHorizontalAlignment(SwingConstants.RIGHT);
                setText(value instanceof Long n ? (n > 0 ? Format.rate(n) : "") : "");
            }
        };
    }

    static TableCellRenderer right() {
        DefaultTableCellRenderer r = new DefaultTableCellRenderer();
        r.setHorizontalAlignment(SwingConstants.RIGHT);
        return r;
    }

    /** A source's index in its download drawn as its colour in the piece map. */
    static TableCellRenderer swatch() {
        return new DefaultTableCellRenderer() {
            private Color colour;

            @Override
            protected void setValue(Object value) {
                colour = value instanceof Integer i ? PieceMap.colour(i) : null;
                setText("");
            }

            @Override
            protected void paintComponent(Graphics g) {
                super.paintComponent(g);
                if (colour != null) {
                    int side = Math.min(getWidth(), getHeight()) - Widgets.px(6);
                    g.setColor(colour);
                    g.fillRect((getWidth() - side) / 2, (getHeight() - side) / 2, side, side);
                }
            }
        };
    }

    /** A fraction in 0..1 as a whole percentage. */
    static TableCellRenderer percent() {
        return new DefaultTableCellRenderer() {
            @Override
            protected void setValue(Object value) {
                setHorizontalAlignment(SwingConstants.RIGHT);
                setText(value instanceof Double d ? Format.percent(d) : "");
            }
        };
    }

    /** A fraction in 0..1 drawn as a bar with its percentage. */
    static TableCellRenderer progress() {
        return new ProgressRenderer();
    }

    private static final class ProgressRenderer implements TableCellRenderer {
        private final JProgressBar bar = new JProgressBar(0, 1000);

        ProgressRenderer() {
            bar.setStringPainted(true);
            bar.setBorderPainted(false);
        }

        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focused,
                int row, int column) {
            double f = value instanceof Double d ? d : 0;
            bar.setValue((int) Math.round(f * 1000));
            bar.setString(Format.percent(f));
            bar.setOpaque(true);
            bar.setBackground(selected ? table.getSelectionBackground() : table.getBackground());
            return bar;
        }
    }
}
