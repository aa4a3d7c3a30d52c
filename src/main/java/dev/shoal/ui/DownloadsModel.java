package dev.shoal.ui;

import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Downloads in the order they were first seen. Fed by the 1 Hz snapshot (the full list) and by
 * DownloadChanged events (one download, up to 4 times a second) for smooth progress bars.
 */
final class DownloadsModel extends RowTableModel<DownloadInfo> {
    static final int NAME = 0;
    static final int SIZE = 1;
    static final int PROGRESS = 2;
    static final int SPEED = 3;
    static final int ETA = 4;
    static final int SOURCES = 5;
    static final int STATE = 6;

    private final List<DownloadInfo> rows = new ArrayList<>();
    private final Map<String, Integer> rowById = new HashMap<>();

    /** Replaces the list: new downloads are appended, vanished ones (removed elsewhere) dropped. */
    void setAll(List<DownloadInfo> downloads) {
        Set<String> present = new HashSet<>();
        for (DownloadInfo d : downloads) {
            present.add(d.id());
        }
        boolean removed = rows.removeIf(d -> !present.contains(d.id()));
        if (removed) {
            reindex();
            fireTableDataChanged();
        }
        for (DownloadInfo d : downloads) {
            update(d);
        }
    }

    /** Adds or refreshes one download. */
    void update(DownloadInfo d) {
        Integer row = rowById.get(d.id());
        if (row == null) {
            rowById.put(d.id(), rows.size());
            rows.add(d);
            fireTableRowsInserted(rows.size() - 1, rows.size() - 1);
        } else if (!rows.get(row).equals(d)) {
            rows.set(row, d);
            fireTableRowsUpdated(row, row);
        }
    }

    void remove(String id) {
        Integer row = rowById.get(id);
        if (row != null) {
            rows.remove((int) row);
            reindex();
            fireTableRowsDeleted(row, row);
        }
    }

    private void reindex() {
        rowById.clear();
        for (int i = 0; i < rows.size(); i++) {
            rowById.put(rows.get(i).id(), i);
        }
    }

    DownloadInfo info(int modelRow) {
        return rows.get(modelRow);
    }

    @Override
    protected List<Column<DownloadInfo>> columns() {
        return List.of(
                new Column<>("Name", String.class, DownloadInfo::name),
                new Column<>("Size", Long.class, DownloadInfo::size),
                new Column<>("Progress", Double.class, DownloadInfo::fraction),
                new Column<>("Speed", Long.class, d -> moving(d) ? d.bytesPerSecond() : 0L),
                new Column<>("ETA", String.class, d -> moving(d) ? Format.eta(d.etaSeconds()) : ""),
                new Column<>("Sources", String.class, d -> d.state().isFinished()
                        ? Integer.toString(d.knownSources()) : Format.sources(d.sources(), d.knownSources())),
                new Column<>("State", String.class, Format::state));
    }

    private static boolean moving(DownloadInfo d) {
        return d.state() == DownloadState.DOWNLOADING;
    }

    @Override
    protected DownloadInfo row(int index) {
        return rows.get(index);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }
}
