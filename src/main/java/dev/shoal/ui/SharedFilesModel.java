package dev.shoal.ui;

import dev.shoal.node.api.SharedFileInfo;
import java.nio.file.Path;
import java.util.List;
import javax.swing.table.AbstractTableModel;

/** The files the node shares, as last listed. */
final class SharedFilesModel extends AbstractTableModel {
    static final int NAME = 0;
    static final int SIZE = 1;
    static final int TYPE = 2;
    static final int FOLDER = 3;
    private static final String[] COLUMNS = {"Name", "Size", "Type", "Folder"};

    private List<SharedFileInfo> rows = List.of();

    void setFiles(List<SharedFileInfo> files) {
        rows = List.copyOf(files);
        fireTableDataChanged();
    }

    long totalBytes() {
        return rows.stream().mapToLong(SharedFileInfo::size).sum();
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
        return column == SIZE ? Long.class : String.class;
    }

    @Override
    public Object getValueAt(int row, int column) {
        SharedFileInfo f = rows.get(row);
        return switch (column) {
            case NAME -> f.name();
            case SIZE -> f.size();
            case TYPE -> Format.kind(f.name());
            case FOLDER -> folderOf(f.path());
            default -> throw new IllegalArgumentException("no column " + column);
        };
    }

    private static String folderOf(String path) {
        Path parent = Path.of(path).getParent();
        return parent == null ? "" : parent.toString();
    }
}
