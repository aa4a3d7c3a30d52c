package dev.shoal.ui;

import java.util.List;
import java.util.function.Function;
import javax.swing.table.AbstractTableModel;

/**
 * A table whose rows are values of one type and whose columns are declared once, as name, class
 * and how to read the cell from a row. Subclasses keep their rows however suits their updates.
 */
abstract class RowTableModel<T> extends AbstractTableModel {
    /** One column: its header, the class the sorter and renderers see, and the cell of a row. */
    record Column<T>(String name, Class<?> type, Function<T, Object> value) {
    }

    private List<Column<T>> columns;

    /** The columns in display order; called once, after construction. */
    protected abstract List<Column<T>> columns();

    /** The row at a model index. */
    protected abstract T row(int index);

    private List<Column<T>> cols() {
        if (columns == null) {
            columns = columns();
        }
        return columns;
    }

    @Override
    public final int getColumnCount() {
        return cols().size();
    }

    @Override
    public final String getColumnName(int column) {
        return cols().get(column).name();
    }

    @Override
    public final Class<?> getColumnClass(int column) {
        return cols().get(column).type();
    }

    @Override
    public final Object getValueAt(int row, int column) {
        return cols().get(column).value().apply(row(row));
    }
}
