package dev.shoal.ui;

import dev.shoal.node.api.NodeStats;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's defences at work, as of the last snapshot: each reason it dropped a message, refused
 * a connection or closed a link for, with how often, most frequent first. Reasons never counted
 * are left out, so a quiet node shows an empty table.
 */
final class DropsModel extends RowTableModel<NodeStats.Drop> {
    private List<NodeStats.Drop> rows = List.of();

    void setStats(NodeStats stats) {
        List<NodeStats.Drop> counted = new ArrayList<>();
        for (NodeStats.Drop d : stats.drops()) {
            if (d.count() > 0) {
                counted.add(d);
            }
        }
        counted.sort((a, b) -> Long.compare(b.count(), a.count()));
        boolean same = counted.size() == rows.size();
        for (int i = 0; same && i < counted.size(); i++) {
            same = counted.get(i).reason().equals(rows.get(i).reason());
        }
        rows = counted;
        if (same && !rows.isEmpty()) {
            fireTableRowsUpdated(0, rows.size() - 1);
        } else if (!same) {
            fireTableDataChanged();
        }
    }

    static String group(NodeStats.Drop d) {
        return switch (d.group()) {
            case "message" -> "Message dropped";
            case "connection" -> "Connection refused";
            case "datagram" -> "Datagram dropped";
            default -> "Closed";
        };
    }

    @Override
    protected List<Column<NodeStats.Drop>> columns() {
        return List.of(
                new Column<>("What", String.class, DropsModel::group),
                new Column<>("Why", String.class, NodeStats.Drop::description),
                new Column<>("Count", Long.class, NodeStats.Drop::count));
    }

    @Override
    protected NodeStats.Drop row(int index) {
        return rows.get(index);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }
}
