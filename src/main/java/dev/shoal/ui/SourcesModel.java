package dev.shoal.ui;

import dev.shoal.node.api.SourceProgress;
import java.util.List;

/** The sources of the download shown in the Transfers tab: what each sent, how fast, what it does now. */
final class SourcesModel extends RowTableModel<SourcesModel.Row> {
    static final int COLOUR = 0;
    static final int ADDRESS = 1;
    static final int BYTES = 2;
    static final int SHARE = 3;
    static final int SPEED = 4;
    static final int STATE = 5;

    /** A source with its place in the download's list, which picks its colour in the piece map. */
    record Row(int index, SourceProgress source, double share, boolean downloadDone) {
    }

    private List<Row> rows = List.of();

    /** @param downloadDone the download is over: sources that sent their part read "Finished" */
    void setSources(List<SourceProgress> sources, long fileSize, boolean downloadDone) {
        List<Row> fresh = new java.util.ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            SourceProgress s = sources.get(i);
            fresh.add(new Row(i, s, fileSize <= 0 ? 0 : Math.min(1.0, (double) s.bytes() / fileSize), downloadDone));
        }
        if (fresh.equals(rows)) {
            return;
        }
        boolean sameCount = fresh.size() == rows.size();
        rows = fresh;
        if (sameCount && !rows.isEmpty()) {
            // Keeps the selection while only the numbers move.
            fireTableRowsUpdated(0, rows.size() - 1);
        } else {
            fireTableDataChanged();
        }
    }

    SourceProgress source(int modelRow) {
        return rows.get(modelRow).source();
    }

    @Override
    protected List<Column<Row>> columns() {
        return List.of(
                new Column<>("", Integer.class, Row::index),
                new Column<>("Source", String.class, r -> r.source().address()),
                new Column<>("Received", Long.class, r -> r.source().bytes()),
                new Column<>("Share", Double.class, Row::share),
                new Column<>("Speed", Long.class, r -> r.source().bytesPerSecond()),
                new Column<>("State", String.class, r -> Format.sourceState(r.source().state(), r.downloadDone())));
    }

    @Override
    protected Row row(int index) {
        return rows.get(index);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }
}
