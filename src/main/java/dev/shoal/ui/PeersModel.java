package dev.shoal.ui;

import dev.shoal.node.api.PeerInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;

/** Connected peers as of the last snapshot; uptime is measured against the snapshot's instant. */
final class PeersModel extends AbstractTableModel {
    static final int ADDRESS = 0;
    static final int AGENT = 1;
    static final int DIRECTION = 2;
    static final int UPTIME = 3;
    static final int IN = 4;
    static final int OUT = 5;
    private static final String[] COLUMNS = {"Address", "User agent", "Direction", "Uptime", "Messages in",
        "Messages out"};

    private List<PeerInfo> rows = List.of();
    private Instant now = Instant.EPOCH;

    void setPeers(List<PeerInfo> peers, Instant at) {
        boolean sameIds = peers.size() == rows.size();
        for (int i = 0; sameIds && i < peers.size(); i++) {
            sameIds = peers.get(i).id() == rows.get(i).id();
        }
        rows = new ArrayList<>(peers);
        now = at;
        if (sameIds && !rows.isEmpty()) {
            fireTableRowsUpdated(0, rows.size() - 1);
        } else if (!sameIds) {
            fireTableDataChanged();
        }
    }

    static String direction(PeerInfo p) {
        return (p.outgoing() ? "Outgoing" : "Incoming") + (p.ultrapeer() ? ", ultrapeer" : ", leaf");
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
            case UPTIME, IN, OUT -> Long.class;
            default -> String.class;
        };
    }

    @Override
    public Object getValueAt(int row, int column) {
        PeerInfo p = rows.get(row);
        return switch (column) {
            case ADDRESS -> p.address();
            case AGENT -> p.userAgent();
            case DIRECTION -> direction(p);
            case UPTIME -> Math.max(0, Duration.between(p.since(), now).getSeconds());
            case IN -> p.messagesIn();
            case OUT -> p.messagesOut();
            default -> throw new IllegalArgumentException("no column " + column);
        };
    }
}
