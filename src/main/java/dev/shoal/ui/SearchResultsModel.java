package dev.shoal.ui;

import dev.shoal.node.api.SearchHit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rows of one search tab: hits grouped by URN, one row per file with its number of sources,
 * the hints users judge a result by (how far away, which servents, how many firewalled) and
 * whether the user already has the file.
 */
final class SearchResultsModel extends RowTableModel<ResultGroup> {
    static final int NAME = 0;
    static final int SIZE = 1;
    static final int TYPE = 2;
    static final int SOURCES = 3;
    static final int HOPS = 4;
    static final int VENDOR = 5;
    static final int FIREWALLED = 6;
    static final int HAVE = 7;

    private final Function<String, FileMarks.Mark> marks;
    private final List<ResultGroup> rows = new ArrayList<>();
    private final Map<String, Integer> rowByKey = new HashMap<>();
    private int hitCount;

    /** @param marks what the user already has, by URN */
    SearchResultsModel(Function<String, FileMarks.Mark> marks) {
        this.marks = marks;
    }

    SearchResultsModel() {
        this(urn -> FileMarks.Mark.NONE);
    }

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

    /** The user's files changed: the marks are read again. */
    void marksChanged() {
        if (!rows.isEmpty()) {
            fireTableRowsUpdated(0, rows.size() - 1);
        }
    }

    ResultGroup group(int modelRow) {
        return rows.get(modelRow);
    }

    FileMarks.Mark mark(int modelRow) {
        return marks.apply(rows.get(modelRow).urn());
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
                new Column<>("Sources", Integer.class, ResultGroup::sourceCount),
                new Column<>("Hops", Integer.class, ResultGroup::hops),
                new Column<>("Vendor", String.class, ResultGroup::vendors),
                new Column<>("Firewalled", String.class, SearchResultsModel::firewalled),
                new Column<>("Status", String.class, g -> marks.apply(g.urn()).label()));
    }

    /** Blank when every host takes connections, else how many are reached only by Push. */
    static String firewalled(ResultGroup g) {
        int n = g.firewalledCount();
        if (n == 0) {
            return "";
        }
        return n == g.sourceCount() ? (n == 1 ? "yes" : "all " + n) : n + " of " + g.sourceCount();
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
