package dev.shoal.ui;

import dev.shoal.node.api.UploadInfo;
import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;

/** Uploads served to peers, newest last, as the 1 Hz snapshot lists them. */
final class UploadsModel extends AbstractTableModel {
    static final int PEER = 0;
    static final int FILE = 1;
    static final int PROGRESS = 2;
    static final int SENT = 3;
    static final int STATE = 4;
    private static final String[] COLUMNS = {"Peer", "File", "Progress", "Sent", "State"};

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
            case SENT -> Long.class;
            case PROGRESS -> Double.class;
            default -> String.class;
        };
    }

    @Override
    public Object getValueAt(int row, int column) {
        UploadInfo u = rows.get(row);
        return switch (column) {
            case PEER -> u.peer();
            case FILE -> u.file();
            case PROGRESS -> u.fraction();
            case SENT -> u.bytesSent();
            case STATE -> u.finished() ? "Finished" : "Uploading";
            default -> throw new IllegalArgumentException("no column " + column);
        };
    }
}
