package dev.shoal.ui;

import com.formdev.flatlaf.FlatClientProperties;
import com.formdev.flatlaf.util.UIScale;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.function.Consumer;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
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
        JTable t = new JTable(model);
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

    static JScrollPane scroll(JTable table) {
        JScrollPane s = new JScrollPane(table);
        s.setName(table.getName() + "Scroll");
        return s;
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
}
