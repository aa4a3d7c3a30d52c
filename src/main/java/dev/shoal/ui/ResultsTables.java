package dev.shoal.ui;

import javax.swing.JTable;
import javax.swing.table.TableColumnModel;
import javax.swing.table.TableRowSorter;

/** The one look of a table of files found: a search's results and a browsed host's list share it. */
final class ResultsTables {
    private ResultsTables() {
    }

    /**
     * A results table with its column widths, renderers, tooltips, and rows dimmed when the file is
     * already ours, already downloading, or hidden as spam.
     */
    static JTable create(String name, SearchResultsModel model, TableRowSorter<SearchResultsModel> sorter) {
        JTable table = Widgets.table(name, model, sorter, 290, 70, 65, 60, 62, 45, 100, 75, 210);
        Widgets.dimRows(table, row -> model.mark(row) != FileMarks.Mark.NONE || model.result(row).hidden());
        Widgets.rowToolTips(table, model::toolTip);
        TableColumnModel columns = table.getColumnModel();
        columns.getColumn(SearchResultsModel.SIZE).setCellRenderer(Renderers.bytes());
        columns.getColumn(SearchResultsModel.SCORE).setCellRenderer(Renderers.right());
        columns.getColumn(SearchResultsModel.SOURCES).setCellRenderer(Renderers.right());
        columns.getColumn(SearchResultsModel.HOPS).setCellRenderer(Renderers.right());
        sorter.setSortsOnUpdates(true);
        return table;
    }
}
