package dev.shoal.ui;

import dev.shoal.node.api.UploadInfo;
import java.util.ArrayList;
import java.util.List;

/** Uploads served to peers, newest last, as the 1 Hz snapshot lists them. */
final class UploadsModel extends RowTableModel<UploadInfo> {
    static final int PEER = 0;
    static final int FILE = 1;
    static final int PROGRESS = 2;
    static final int SENT = 3;
    static final int STATE = 4;

    private List<UploadInfo> rows = List.of();

    void setAll(List<UploadInfo> uploads) {
        if (uploads.equals(rows)) {
            return;
        }
        boolean sameIds = uploads.size() == rows.size();
        for (int i = 0; sameIds && i < rows.size(); i++) {
            sameIds = rows.get(i).id() == uploads.get(i).id();
        }
        rows = new ArrayList<>(uploads);
        if (sameIds) {
            // Keeps the selection while only the byte counts move.
            fireTableRowsUpdated(0, rows.size() - 1);
        } else {
            fireTableDataChanged();
        }
    }

    @Override
    protected List<Column<UploadInfo>> columns() {
        return List.of(
                new Column<>("Peer", String.class, UploadInfo::peer),
                new Column<>("File", String.class, UploadInfo::file),
                new Column<>("Progress", Double.class, UploadInfo::fraction),
                new Column<>("Sent", Long.class, UploadInfo::bytesSent),
                new Column<>("State", String.class, u -> u.finished() ? "Finished" : "Uploading"));
    }

    @Override
    protected UploadInfo row(int index) {
        return rows.get(index);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }
}
