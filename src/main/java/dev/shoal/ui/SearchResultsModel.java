package dev.shoal.ui;

import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SearchResult;
import dev.shoal.node.api.SpamReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The files a search found, as the node ranked and judged them: one row per file, the hidden ones
 * (spam) included for the table's filter to leave out or show. Rows keep their place as fresh
 * snapshots arrive, so the selection and the sort survive. EDT only.
 */
final class SearchResultsModel extends RowTableModel<SearchResult> {
    static final int NAME = 0;
    static final int SIZE = 1;
    static final int TYPE = 2;
    static final int SCORE = 3;
    static final int SOURCES = 4;
    static final int HOPS = 5;
    static final int VENDOR = 6;
    static final int FIREWALLED = 7;
    static final int HAVE = 8;

    /** The score column's value: hidden results sort below every shown one, then by score. */
    record Rating(boolean hidden, dev.shoal.node.api.Score score) implements Comparable<Rating> {
        @Override
        public int compareTo(Rating o) {
            return hidden != o.hidden ? (hidden ? -1 : 1) : score.compareTo(o.score);
        }

        @Override
        public String toString() {
            return Integer.toString(score.points());
        }
    }

    private final Function<String, FileMarks.Mark> marks;
    private final List<SearchResult> rows = new ArrayList<>();
    private final Map<String, Integer> rowByKey = new HashMap<>();

    /** @param marks what the user already has, by URN */
    SearchResultsModel(Function<String, FileMarks.Mark> marks) {
        this.marks = marks;
    }

    SearchResultsModel() {
        this(urn -> FileMarks.Mark.NONE);
    }

    /**
     * Shows a fresh snapshot of the search's results: files already listed are refreshed in place
     * (they may have gained sources, or been found to be spam), new ones are appended, with one
     * insert event per snapshot.
     */
    void setResults(List<SearchResult> snapshot) {
        int firstNew = rows.size();
        int firstChanged = Integer.MAX_VALUE;
        int lastChanged = -1;
        for (SearchResult r : snapshot) {
            Integer row = rowByKey.get(r.key());
            if (row == null) {
                rowByKey.put(r.key(), rows.size());
                rows.add(r);
            } else if (!rows.get(row).equals(r)) {
                rows.set(row, r);
                firstChanged = Math.min(firstChanged, row);
                lastChanged = Math.max(lastChanged, row);
            }
        }
        if (rows.size() > firstNew) {
            fireTableRowsInserted(firstNew, rows.size() - 1);
        }
        if (lastChanged >= 0) {
            fireTableRowsUpdated(firstChanged, lastChanged);
        }
    }

    /** The user's files changed: the marks are read again. */
    void marksChanged() {
        if (!rows.isEmpty()) {
            fireTableRowsUpdated(0, rows.size() - 1);
        }
    }

    SearchResult result(int modelRow) {
        return rows.get(modelRow);
    }

    FileMarks.Mark mark(int modelRow) {
        return marks.apply(rows.get(modelRow).urn());
    }

    /** Files shown (not hidden as spam). */
    int shownCount() {
        return (int) rows.stream().filter(r -> !r.hidden()).count();
    }

    int hiddenCount() {
        return rows.size() - shownCount();
    }

    /** Sources of the files shown. */
    int sourceCount() {
        return rows.stream().filter(r -> !r.hidden()).mapToInt(SearchResult::sourceCount).sum();
    }

    /** What hovering a row says: its score and the facts behind it, and why it is hidden. */
    String toolTip(int modelRow) {
        SearchResult r = rows.get(modelRow);
        StringBuilder tip = new StringBuilder("<html>Score ").append(r.score().points()).append(": ")
                .append(escape(r.score().summary()));
        for (SpamReason reason : r.spam()) {
            tip.append("<br>Hidden: ").append(escape(reason.detail()));
        }
        return tip.append("</html>").toString();
    }

    @Override
    protected List<Column<SearchResult>> columns() {
        return List.of(
                new Column<>("Name", String.class, SearchResult::name),
                new Column<>("Size", Long.class, SearchResult::size),
                new Column<>("Type", String.class, r -> Format.kind(r.name())),
                new Column<>("Score", Rating.class, r -> new Rating(r.hidden(), r.score())),
                new Column<>("Sources", Integer.class, SearchResult::sourceCount),
                new Column<>("Hops", Integer.class, SearchResult::hops),
                new Column<>("Vendor", String.class, SearchResultsModel::vendors),
                new Column<>("Firewalled", String.class, SearchResultsModel::firewalled),
                new Column<>("Status", String.class, this::status));
    }

    private String status(SearchResult r) {
        return r.hidden() ? "Hidden: " + label(r.spam().get(0).kind()) : marks.apply(r.urn()).label();
    }

    /** A few words per kind of spam for the Status column; the tool tip has the whole story. */
    static String label(SpamReason.Kind kind) {
        return switch (kind) {
            case KNOWN_BAD_URN -> "on your spam list";
            case EXECUTABLE -> "program posing as media";
            case IMPLAUSIBLE_SIZE -> "impossible size";
            case ECHOES_QUERY -> "named after your words";
            case MANY_NAMES -> "one file, many names";
            case FLOODING_HOST -> "flooding host";
        };
    }

    /** The servents offering it, by name, most common first. */
    static String vendors(SearchResult r) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SearchHit h : r.hits()) {
            counts.merge(Format.vendor(h.vendor()), 1, Integer::sum);
        }
        return String.join(", ", counts.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .sorted((a, b) -> b.getValue() - a.getValue()).map(Map.Entry::getKey).toList());
    }

    /** Blank when every host takes connections, else how many are reached only by Push. */
    static String firewalled(SearchResult r) {
        int n = r.firewalledCount();
        if (n == 0) {
            return "";
        }
        return n == r.sourceCount() ? (n == 1 ? "yes" : "all " + n) : n + " of " + r.sourceCount();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    protected SearchResult row(int index) {
        return rows.get(index);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }
}
