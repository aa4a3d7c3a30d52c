package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import javax.swing.JTable;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableModel;
import javax.swing.table.TableRowSorter;
import org.junit.jupiter.api.Test;

/** Regression: greying one row left the shared cell renderer grey for every row drawn after it. */
class DimmedRowsTest {
    @Test
    void onlyTheDimmedRowsAreGrey() {
        GuiChecks.onEdt(() -> {
            check();
            return null;
        });
    }

    private static void check() {
        DefaultTableModel model = new DefaultTableModel(new Object[][] {{"mine.txt"}, {"new.txt"}, {"other.txt"}},
                new Object[] {"Name"});
        JTable table = Widgets.table("t", model, new TableRowSorter<>(model), 100);
        Widgets.dimRows(table, row -> row == 0);
        Color dimmed = table.prepareRenderer(table.getCellRenderer(0, 0), 0, 0).getForeground();
        Color plain = table.prepareRenderer(table.getCellRenderer(1, 0), 1, 0).getForeground();
        assertThat(dimmed).isEqualTo(UIManager.getColor("Label.disabledForeground"));
        assertThat(plain).isEqualTo(table.getForeground()).isNotEqualTo(dimmed);
        assertThat(table.prepareRenderer(table.getCellRenderer(2, 0), 2, 0).getForeground()).isEqualTo(plain);
    }
}
