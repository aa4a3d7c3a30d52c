package dev.shoal.ui;

import dev.shoal.node.api.PeerInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Connected peers as of the last snapshot; uptime is measured against the snapshot's instant. */
final class PeersModel extends RowTableModel<PeerInfo> {
    static final int ADDRESS = 0;
    static final int AGENT = 1;
    static final int DIRECTION = 2;
    static final int UPTIME = 3;
    static final int IN = 4;
    static final int OUT = 5;

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

    PeerInfo peer(int modelRow) {
        return rows.get(modelRow);
    }

    static String direction(PeerInfo p) {
        return (p.outgoing() ? "Outgoing" : "Incoming") + (p.ultrapeer() ? ", ultrapeer" : ", leaf");
    }

    @Override
    protected List<Column<PeerInfo>> columns() {
        return List.of(
                new Column<>("Address", String.class, PeerInfo::address),
                new Column<>("User agent", String.class, PeerInfo::userAgent),
                new Column<>("Direction", String.class, PeersModel::direction),
                new Column<>("Uptime", Long.class, p -> Math.max(0, Duration.between(p.since(), now).getSeconds())),
                new Column<>("Messages in", Long.class, PeerInfo::messagesIn),
                new Column<>("Messages out", Long.class, PeerInfo::messagesOut));
    }

    @Override
    protected PeerInfo row(int index) {
        return rows.get(index);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }
}
