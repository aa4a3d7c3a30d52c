package dev.shoal.ui;

import com.formdev.flatlaf.FlatClientProperties;
import com.formdev.flatlaf.util.UIScale;
import java.awt.Component;
import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableColumnModel;
import javax.swing.table.TableModel;
import javax.swing.table.TableRowSorter;

/** Small helpers that keep the panels short and their look consistent. */
final class Widgets {
    private Widgets() {
    }

    /** A length in pixels at 100 % scaling, grown for the screen's scale factor (HiDPI). */
    static int px(int pixelsAt100) {
        return UIScale.scale(pixelsAt100);
    }

    static JTextField field(String name, String placeholder, int columns) {
        JTextField f = new JTextField(columns);
        f.setName(name);
        f.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, placeholder);
        f.putClientProperty(FlatClientProperties.TEXT_FIELD_SHOW_CLEAR_BUTTON, true);
        return f;
    }

    /** Calls {@code onChange} with the field's text after every edit. */
    static void onTextChange(JTextField f, Consumer<String> onChange) {
        f.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                onChange.accept(f.getText());
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                onChange.accept(f.getText());
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                onChange.accept(f.getText());
            }
        });
    }

    /** A sortable table that fills its viewport; widths are relative weights at 100 % scale. */
    static <M extends TableModel> JTable table(String name, M model, TableRowSorter<M> sorter, int... widths) {
        JTable t = new HintedTable(model);
        t.setName(name);
        t.setRowSorter(sorter);
        t.setFillsViewportHeight(true);
        t.setAutoCreateRowSorter(false);
        t.setShowHorizontalLines(false);
        t.setShowVerticalLines(false);
        TableColumnModel columns = t.getColumnModel();
        for (int i = 0; i < widths.length && i < columns.getColumnCount(); i++) {
            columns.getColumn(i).setPreferredWidth(px(widths[i]));
        }
        return t;
    }

    /** Text shown in the middle of the table while it has no rows: what would appear there, and how. */
    static void placeholder(JTable table, String text) {
        table.putClientProperty(HintedTable.PLACEHOLDER, text);
        table.repaint();
    }

    /** Rows (by model index) drawn greyed, such as results the user already has. */
    static void dimRows(JTable table, IntPredicate dimmedModelRow) {
        table.putClientProperty(HintedTable.DIMMED, dimmedModelRow);
    }

    static JScrollPane scroll(JTable table) {
        JScrollPane s = new JScrollPane(table);
        s.setName(table.getName() + "Scroll");
        return s;
    }

    /** What hovering a row (by model index) says; null for nothing. */
    static void rowToolTips(JTable table, IntFunction<String> byModelRow) {
        table.putClientProperty(HintedTable.ROW_TIPS, byModelRow);
    }

    /**
     * A right-click menu for the rows: a click on a row outside the selection selects that row
     * first, so the menu always acts on what is highlighted.
     */
    static void rowMenu(JTable table, JPopupMenu menu) {
        // Shown here rather than through setComponentPopupMenu, which can swallow the press that
        // should select the row first.
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                showIfAsked(e);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                showIfAsked(e);
            }

            private void showIfAsked(MouseEvent e) {
                if (!e.isPopupTrigger() || menu.isVisible()) {
                    return;
                }
                int row = table.rowAtPoint(e.getPoint());
                if (row >= 0 && !table.isRowSelected(row)) {
                    table.setRowSelectionInterval(row, row);
                }
                menu.show(table, e.getX(), e.getY());
            }
        });
    }

    /** Binds {@code key} with the platform's shortcut modifier (Ctrl, or Cmd on macOS) while {@code c} has the focus. */
    static void onShortcut(JComponent c, int key, String name, Runnable action) {
        int mask = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        c.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(key, mask), name);
        c.getActionMap().put(name, new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        });
    }

    /** A menu item with a name for tests. */
    static JMenuItem item(String name, String text, Runnable action) {
        JMenuItem item = new JMenuItem(text);
        item.setName(name);
        item.addActionListener(e -> action.run());
        return item;
    }

    /** Runs {@code action} on a double click of a row. */
    static void onDoubleClick(JTable table, Runnable action) {
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && table.rowAtPoint(e.getPoint()) >= 0) {
                    action.run();
                }
            }
        });
    }

    /** A table that can say what belongs in it while empty and grey out some rows. */
    private static final class HintedTable extends JTable {
        static final String PLACEHOLDER = "shoal.placeholder";
        static final String DIMMED = "shoal.dimmed";
        static final String ROW_TIPS = "shoal.rowTips";

        HintedTable(TableModel model) {
            super(model);
        }

        @Override
        public Component prepareRenderer(TableCellRenderer renderer, int row, int column) {
            Component c = super.prepareRenderer(renderer, row, column);
            if (getClientProperty(DIMMED) instanceof IntPredicate dimmed && !isRowSelected(row)) {
                // A default renderer keeps the last colour set on it for the cells after (it takes it as its
                // unselected colour), so every cell of such a table is given its colour.
                c.setForeground(dimmed.test(convertRowIndexToModel(row))
                        ? UIManager.getColor("Label.disabledForeground") : getForeground());
            }
            return c;
        }

        @Override
        public String getToolTipText(MouseEvent e) {
            int row = rowAtPoint(e.getPoint());
            if (row >= 0 && getClientProperty(ROW_TIPS) instanceof IntFunction<?> tips) {
                Object tip = tips.apply(convertRowIndexToModel(row));
                if (tip != null) {
                    return tip.toString();
                }
            }
            return super.getToolTipText(e);
        }

        @Override
        protected void paintComponent(Graphics g) {
            super.paintComponent(g);
            if (getRowCount() > 0 || !(getClientProperty(PLACEHOLDER) instanceof String text) || text.isEmpty()) {
                return;
            }
            Graphics2D g2 = (Graphics2D) g.create();
            try {
                g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g2.setFont(getFont());
                g2.setColor(UIManager.getColor("Label.disabledForeground"));
                FontMetrics fm = g2.getFontMetrics();
                String[] lines = text.split("\n");
                int y = Math.max(fm.getAscent() + px(8), getVisibleRect().height / 3);
                for (String line : lines) {
                    g2.drawString(line, (getWidth() - fm.stringWidth(line)) / 2, y);
                    y += fm.getHeight();
                }
            } finally {
                g2.dispose();
            }
        }
    }
}
