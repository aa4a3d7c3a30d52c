package dev.shoal.ui;

import dev.shoal.node.api.SearchHit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rows of one search tab: hits grouped by URN, one row per file with its number of sources. */
final class SearchResultsModel extends RowTableModel<ResultGroup> {
    static final int NAME = 0;
    static final int SIZE = 1;
    static final int TYPE = 2;
    static final int SOURCES = 3;

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
    protected List<Column<ResultGroup>> columns() {
        return List.of(
                new Column<>("Name", String.class, ResultGroup::name),
                new Column<>("Size", Long.class, ResultGroup::size),
                new Column<>("Type", String.class, ResultGroup::kind),
                new Column<>("Sources", Integer.class, ResultGroup::sourceCount));
    }

    @Override
    protected ResultGroup row(int index) {
        return rows.get(index);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }
}
