package dev.shoal.ui;

import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import dev.shoal.node.api.NodeEvent;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import javax.swing.JTable;
import javax.swing.table.TableRowSorter;

/**
 * The Transfers tab: downloads with their controls above; below, where the selected download's
 * pieces come from (one colour per source) and the uploads served to peers.
 */
final class TransfersPanel extends JPanel {
    private final AppContext ctx;
    private final DownloadsModel downloads = new DownloadsModel();
    private final UploadsModel uploads = new UploadsModel();
    private final JTable downloadTable;
    private final JTable uploadTable;
    private final DownloadDetails details = new DownloadDetails();
    private final JTabbedPane lower = new JTabbedPane();
    /** Removed here but perhaps still in a snapshot taken just before: not shown again. */
    private final Set<String> removed = new HashSet<>();
    private final JButton pause = button("pauseButton", "Pause");
    private final JButton resume = button("resumeButton", "Resume");
    private final JButton cancel = button("cancelButton", "Cancel");
    private final JButton remove = button("removeButton", "Remove");
    private final JButton open = button("openFolderButton", "Open folder");
    private final JButton preview = button("previewButton", "Preview");
    /** The download whose preview opens as soon as its first bytes are verified; null when none waits. */
    private String previewWaiting;

    TransfersPanel(AppContext ctx) {
        super(new BorderLayout());
        this.ctx = ctx;
        setBorder(BorderFactory.createEmptyBorder(Widgets.px(10), Widgets.px(10), Widgets.px(10), Widgets.px(10)));
        downloadTable = Widgets.table("downloadsTable", downloads, new TableRowSorter<>(downloads),
                300, 80, 150, 90, 70, 70, 170);
        downloadTable.getColumnModel().getColumn(DownloadsModel.SIZE).setCellRenderer(Renderers.bytes());
        downloadTable.getColumnModel().getColumn(DownloadsModel.PROGRESS).setCellRenderer(Renderers.progress());
        downloadTable.getColumnModel().getColumn(DownloadsModel.SPEED).setCellRenderer(Renderers.rate());
        downloadTable.getColumnModel().getColumn(DownloadsModel.ETA).setCellRenderer(Renderers.right());
        downloadTable.getColumnModel().getColumn(DownloadsModel.SOURCES).setCellRenderer(Renderers.right());
        downloadTable.getSelectionModel().addListSelectionListener(e -> updateButtons());
        downloadTable.getSelectionModel().addListSelectionListener(e -> showDetails());
        downloads.addTableModelListener(e -> updateButtons());
        Widgets.onDoubleClick(downloadTable, this::openFolder);
        JPopupMenu menu = new JPopupMenu();
        menu.add(Widgets.item("copyDownloadMagnetItem", "Copy magnet link", this::copyMagnets));
        Widgets.rowMenu(downloadTable, menu);
        Widgets.onShortcut(downloadTable, KeyEvent.VK_C, "copyMagnet", this::copyMagnets);
        Widgets.placeholder(downloadTable, "No downloads yet.\nSearch for a file and double-click a result:"
                + " it is fetched from every peer that has it at once.");

        uploadTable = Widgets.table("uploadsTable", uploads, new TableRowSorter<>(uploads), 160, 320, 150, 90, 90);
        uploadTable.getColumnModel().getColumn(UploadsModel.PROGRESS).setCellRenderer(Renderers.progress());
        uploadTable.getColumnModel().getColumn(UploadsModel.SENT).setCellRenderer(Renderers.bytes());
        Widgets.placeholder(uploadTable, "Nothing uploaded yet: peers download the files you share in the"
                + " Library tab.");

        pause.addActionListener(e -> onSelected(Download::pause, "Paused "));
        resume.setToolTipText("Continue a paused download; look for sources again for a failed one");
        resume.addActionListener(e -> resumeSelected());
        cancel.addActionListener(e -> onSelected(Download::cancel, "Cancelled "));
        remove.addActionListener(e -> removeSelected());
        open.addActionListener(e -> openFolder());
        preview.setToolTipText("<html>Play the start of this audio, video or text file while the rest comes.<br>"
                + "Only bytes checked against the file's Tiger tree reach the player; its start is fetched first.</html>");
        preview.addActionListener(e -> previewSelected());
        updateButtons();

        lower.setName("transferDetails");
        lower.addTab("Sources", details);
        lower.addTab("Uploads", Widgets.scroll(uploadTable));
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT,
                section("Downloads", Widgets.scroll(downloadTable), preview, pause, resume, cancel, remove, open),
                lower);
        split.setResizeWeight(0.45);
        split.setBorder(null);
        add(split, BorderLayout.CENTER);

        ctx.poller().subscribe(s -> {
            ctx.marks().setDownloads(s.downloads());
            List<DownloadInfo> shown = s.downloads().stream().filter(d -> !removed.contains(d.id())).toList();
            downloads.setAll(shown);
            shown.forEach(this::announceIfEnded);
            uploads.setAll(s.uploads());
            lower.setTitleAt(1, s.uploads().isEmpty() ? "Uploads" : "Uploads (" + s.uploads().size() + ")");
            showDetails();
        });
        ctx.events().subscribe(batch -> {
            for (NodeEvent e : batch) {
                if (e instanceof NodeEvent.DownloadChanged c && !removed.contains(c.download().id())) {
                    ctx.marks().download(c.download());
                    downloads.update(c.download());
                    announceIfEnded(c.download());
                    previewIfWaiting(c.download());
                }
            }
            showDetails();
        });
    }

    DownloadDetails details() {
        return details;
    }

    /** Tells the user when a download they started here is over, so no "Downloading" notice outlives it. */
    private void announceIfEnded(DownloadInfo d) {
        if (!d.state().isFinished() || !ctx.takeAnnouncement(d.id())) {
            return;
        }
        switch (d.state()) {
            case DONE -> ctx.notice("Downloaded " + d.name() + " (verified): " + d.path());
            case FAILED -> ctx.notice("Download of " + d.name() + " failed: " + d.reason());
            default -> ctx.notice("Cancelled " + d.name());
        }
    }

    /** The selected download, or else the first one moving, or else the newest. */
    private void showDetails() {
        List<DownloadInfo> sel = selected();
        DownloadInfo shown = sel.size() == 1 ? sel.get(0) : null;
        for (int i = 0; shown == null && i < downloads.getRowCount(); i++) {
            if (downloads.info(i).state() == DownloadState.DOWNLOADING) {
                shown = downloads.info(i);
            }
        }
        if (shown == null && downloads.getRowCount() > 0) {
            shown = downloads.info(downloads.getRowCount() - 1);
        }
        details.show(shown);
    }

    DownloadsModel downloads() {
        return downloads;
    }

    private static JButton button(String name, String text) {
        JButton b = new JButton(text);
        b.setName(name);
        return b;
    }

    private static JPanel section(String title, java.awt.Component table, JButton... buttons) {
        JPanel p = new JPanel(new BorderLayout(0, Widgets.px(4)));
        JPanel head = new JPanel(new BorderLayout());
        JLabel label = new JLabel(title);
        label.putClientProperty(com.formdev.flatlaf.FlatClientProperties.STYLE_CLASS, "h4");
        head.add(label, BorderLayout.WEST);
        JPanel row = new JPanel(new FlowLayout(FlowLayout.RIGHT, Widgets.px(4), 0));
        for (JButton b : buttons) {
            row.add(b);
        }
        head.add(row, BorderLayout.EAST);
        p.add(head, BorderLayout.NORTH);
        p.add(table, BorderLayout.CENTER);
        p.setBorder(BorderFactory.createEmptyBorder(Widgets.px(4), 0, Widgets.px(4), 0));
        return p;
    }

    /** Copies the magnet links of the selected downloads (Ctrl/Cmd-C, or the right-click menu). */
    void copyMagnets() {
        ctx.magnets().copy(selected().stream().map(d -> new Magnets.FileRef(d.urn(), d.name(), d.size())).toList());
    }

    private List<DownloadInfo> selected() {
        List<DownloadInfo> infos = new ArrayList<>();
        for (int viewRow : downloadTable.getSelectedRows()) {
            infos.add(downloads.info(downloadTable.convertRowIndexToModel(viewRow)));
        }
        return infos;
    }

    private void updateButtons() {
        List<DownloadInfo> sel = selected();
        pause.setEnabled(sel.stream().anyMatch(d -> d.state() == DownloadState.DOWNLOADING || d.state() == DownloadState.QUEUED));
        resume.setEnabled(sel.stream().anyMatch(TransfersPanel::resumable));
        cancel.setEnabled(sel.stream().anyMatch(d -> !d.state().isFinished()));
        remove.setEnabled(sel.stream().anyMatch(d -> d.state().isFinished()));
        open.setEnabled(sel.size() == 1);
        preview.setEnabled(sel.size() == 1 && previewable(sel.get(0)));
    }

    private static boolean previewable(DownloadInfo d) {
        return PreviewOpener.canPreview(d.name()) && d.state() != DownloadState.FAILED
                && d.state() != DownloadState.CANCELLED;
    }

    /**
     * Asks the node for the selected download's verified start and hands it to the player; when
     * nothing is verified yet, the download now fetches its start first and the preview opens as
     * soon as some is.
     */
    private void previewSelected() {
        List<DownloadInfo> sel = selected();
        if (sel.size() != 1 || !previewable(sel.get(0))) {
            return;
        }
        DownloadInfo d = sel.get(0);
        previewWaiting = null;
        ctx.background().call(() -> previewFile(d.id()), file -> {
            if (file.isPresent()) {
                openPreview(d, file.get());
            } else {
                previewWaiting = d.id();
                ctx.notice("Fetching the start of " + d.name() + " first: the preview opens once it is verified");
            }
        });
    }

    private void previewIfWaiting(DownloadInfo d) {
        if (d.id().equals(previewWaiting) && d.verifiedBytes() > 0) {
            previewWaiting = null;
            ctx.background().call(() -> previewFile(d.id()), file -> file.ifPresent(f -> openPreview(d, f)));
        }
    }

    /** Off the EDT: the preview's bytes are copied on the calling thread. */
    private Optional<Path> previewFile(String id) {
        for (Download d : ctx.node().downloads()) {
            if (d.id().equals(id)) {
                return d.preview();
            }
        }
        return Optional.empty();
    }

    private void openPreview(DownloadInfo d, Path file) {
        PreviewOpener opener = ctx.previewOpener();
        ctx.background().call(() -> {
            opener.open(file);
            return file;
        }, f -> ctx.notice("Previewing " + d.name() + ": " + (d.state() == DownloadState.DONE ? "the whole file"
                : "its verified start") + ", in your player"), e -> ctx.notice("Cannot preview " + d.name() + ": "
                + Background.message(e)));
    }

    private static boolean resumable(DownloadInfo d) {
        return d.state() == DownloadState.PAUSED || d.state() == DownloadState.FAILED;
    }

    /**
     * Paused downloads continue; failed ones start again, looking for sources with a hash query
     * and keeping what is already on disk.
     */
    private void resumeSelected() {
        List<DownloadInfo> sel = selected().stream().filter(TransfersPanel::resumable).toList();
        Set<String> paused = new HashSet<>();
        List<String> failed = new ArrayList<>();
        for (DownloadInfo d : sel) {
            if (d.state() == DownloadState.PAUSED) {
                paused.add(d.id());
            } else {
                failed.add(d.urn());
            }
        }
        ctx.background().call(() -> {
            for (Download d : ctx.node().downloads()) {
                if (paused.contains(d.id())) {
                    d.resume();
                    SwingUtilities.invokeLater(() -> ctx.announceEnd(d.id()));
                }
            }
            int ttl = ctx.node().config().maxTtl();
            for (String urn : failed) {
                String id = ctx.node().fetch(urn, ttl).id();
                SwingUtilities.invokeLater(() -> ctx.announceEnd(id));
            }
            return null;
        }, ignored -> {
            ctx.notice("Resuming " + names(sel));
            ctx.poller().pollSoon();
        });
    }

    /**
     * Applies {@code action} to the selected downloads' handles, found off the EDT, then says so
     * ({@code done} and their names): the last notice must not still read "Downloading".
     */
    private void onSelected(Consumer<Download> action, String done) {
        List<DownloadInfo> sel = selected();
        Set<String> ids = new HashSet<>();
        sel.forEach(d -> ids.add(d.id()));
        ctx.background().call(() -> {
            for (Download d : ctx.node().downloads()) {
                if (ids.contains(d.id())) {
                    action.accept(d);
                }
            }
            return null;
        }, ignored -> {
            ids.forEach(ctx::takeAnnouncement);
            ctx.notice(done + names(sel));
            ctx.poller().pollSoon();
        });
    }

    private static String names(List<DownloadInfo> downloads) {
        return downloads.size() == 1 ? downloads.get(0).name() : downloads.size() + " downloads";
    }

    private void removeSelected() {
        for (DownloadInfo d : selected()) {
            if (d.state().isFinished()) {
                removed.add(d.id());
                downloads.remove(d.id());
                ctx.background().run(() -> ctx.node().removeDownload(d.id()));
            }
        }
    }

    private void openFolder() {
        List<DownloadInfo> sel = selected();
        if (sel.size() != 1) {
            return;
        }
        Path folder = FolderOpener.containing(sel.get(0).path(), ctx.node().config().downloadsDir());
        FolderOpener.open(this, ctx.background(), folder);
    }
}
