package dev.shoal.ui;

import dev.shoal.node.api.SearchHit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.table.AbstractTableModel;

/** The rows of one search tab: hits grouped by URN, one row per file with its number of sources. */
final class SearchResultsModel extends AbstractTableModel {
    static final int NAME = 0;
    static final int SIZE = 1;
    static final int TYPE = 2;
    static final int SOURCES = 3;
    private static final String[] COLUMNS = {"Name", "Size", "Type", "Sources"};

    private final List<ResultGroup> rows = new ArrayList<>();
    private final Map<String, Integer> rowByKey = new HashMap<>();
    private int hitCount;

    /**
     * Adds a batch of hits; new files are appended and files gaining sources are refreshed, with
     * one insert event per batch so the selection and sort survive.
     */
    void addHits(List<SearchHit> hits) {
        int firstNew = rows.size();
        List<Integer> changed = new ArrayList<>();
        for (SearchHit hit : hits) {
            hitCount++;
            String key = ResultGroup.keyOf(hit);
            Integer row = rowByKey.get(key);
            if (row == null) {
                rowByKey.put(key, rows.size());
                rows.add(ResultGroup.startedBy(hit));
            } else if (rows.get(row).add(hit) && row < firstNew) {
                changed.add(row);
            }
        }
        if (rows.size() > firstNew) {
            fireTableRowsInserted(firstNew, rows.size() - 1);
        }
        for (int row : changed) {
            fireTableRowsUpdated(row, row);
        }
    }

    ResultGroup group(int modelRow) {
        return rows.get(modelRow);
    }

    /** Every hit received, duplicates from the same host included. */
    int hitCount() {
        return hitCount;
    }

    int sourceCount() {
        return rows.stream().mapToInt(ResultGroup::sourceCount).sum();
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return switch (column) {
            case SIZE -> Long.class;
            case SOURCES -> Integer.class;
            default -> String.class;
        };
    }

    @Override
    public Object getValueAt(int row, int column) {
        ResultGroup g = rows.get(row);
        return switch (column) {
            case NAME -> g.name();
            case SIZE -> g.size();
            case TYPE -> g.kind();
            case SOURCES -> g.sourceCount();
            default -> throw new IllegalArgumentException("no column " + column);
        };
    }
}
