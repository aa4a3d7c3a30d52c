package dev.shoal.ui;

import dev.shoal.node.api.SharedFileInfo;
import java.nio.file.Path;
import java.util.List;

/** The files the node shares, as last listed. */
final class SharedFilesModel extends RowTableModel<SharedFileInfo> {
    static final int NAME = 0;
    static final int SIZE = 1;
    static final int TYPE = 2;
    static final int FOLDER = 3;

    private List<SharedFileInfo> rows = List.of();

    void setFiles(List<SharedFileInfo> files) {
        rows = List.copyOf(files);
        fireTableDataChanged();
    }

    long totalBytes() {
        return rows.stream().mapToLong(SharedFileInfo::size).sum();
    }

    @Override
    protected List<Column<SharedFileInfo>> columns() {
        return List.of(
                new Column<>("Name", String.class, SharedFileInfo::name),
                new Column<>("Size", Long.class, SharedFileInfo::size),
                new Column<>("Type", String.class, f -> Format.kind(f.name())),
                new Column<>("Folder", String.class, f -> folderOf(f.path())));
    }

    @Override
    protected SharedFileInfo row(int index) {
        return rows.get(index);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    private static String folderOf(String path) {
        Path parent = Path.of(path).getParent();
        return parent == null ? "" : parent.toString();
    }
}
