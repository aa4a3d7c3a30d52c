package dev.shoal.ui;

import com.formdev.flatlaf.FlatClientProperties;
import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import dev.shoal.node.api.PieceRun;
import java.awt.BorderLayout;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTable;
import javax.swing.table.TableRowSorter;

/**
 * Where one download's bytes come from: its piece map and a row per source with what it sent,
 * its share of the file, its speed and what it is doing. Shows the download selected in the
 * Transfers tab, or the one moving when none is.
 */
final class DownloadDetails extends JPanel {
    private final JLabel title = new JLabel(" ");
    private final PieceMap map = new PieceMap();
    private final SourcesModel sources = new SourcesModel();
    private final JTable table;
    private String shownId;

    DownloadDetails() {
        super(new BorderLayout(0, Widgets.px(6)));
        setBorder(BorderFactory.createEmptyBorder(Widgets.px(6), Widgets.px(6), Widgets.px(6), Widgets.px(6)));
        title.setName("detailsTitle");
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        table = Widgets.table("sourcesTable", sources, new TableRowSorter<>(sources), 22, 200, 90, 60, 90, 140);
        table.getColumnModel().getColumn(SourcesModel.COLOUR).setCellRenderer(Renderers.swatch());
        table.getColumnModel().getColumn(SourcesModel.COLOUR).setMaxWidth(Widgets.px(28));
        table.getColumnModel().getColumn(SourcesModel.BYTES).setCellRenderer(Renderers.bytes());
        table.getColumnModel().getColumn(SourcesModel.SHARE).setCellRenderer(Renderers.percent());
        table.getColumnModel().getColumn(SourcesModel.SPEED).setCellRenderer(Renderers.rate());
        Widgets.placeholder(table, "Select a download to see which peers its parts come from.");
        JPanel head = new JPanel(new BorderLayout(0, Widgets.px(4)));
        head.add(title, BorderLayout.NORTH);
        head.add(map, BorderLayout.CENTER);
        add(head, BorderLayout.NORTH);
        add(Widgets.scroll(table), BorderLayout.CENTER);
        show(null);
    }

    /** Shows {@code d}, or the hint when null. */
    void show(DownloadInfo d) {
        if (d == null) {
            shownId = null;
            title.setText("No download selected");
            map.setRuns(List.of());
            sources.setSources(List.of(), 0, false);
            return;
        }
        shownId = d.id();
        map.setRuns(d.pieces());
        sources.setSources(d.perSource(), d.size(), d.state() == DownloadState.DONE);
        title.setText(summary(d));
    }

    /** The download shown, or null. */
    String shownId() {
        return shownId;
    }

    static String summary(DownloadInfo d) {
        int total = d.pieces().stream().mapToInt(PieceRun::chunks).sum();
        int missing = d.pieces().stream().filter(r -> r.source() == PieceRun.MISSING).mapToInt(PieceRun::chunks).sum();
        long sending = d.perSource().stream().filter(s -> s.bytes() > 0).count();
        String pieces = total == 0 ? "no pieces yet" : (total - missing) + " of " + total + " pieces";
        return d.name() + ": " + pieces + " from " + sending + (sending == 1 ? " source" : " sources")
                + " (" + d.perSource().size() + " known)";
    }

    PieceMap pieceMap() {
        return map;
    }

    SourcesModel sources() {
        return sources;
    }
}
