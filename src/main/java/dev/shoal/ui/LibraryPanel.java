package dev.shoal.ui;

import com.formdev.flatlaf.FlatClientProperties;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.LeftOutFile;
import dev.shoal.node.api.SharedFileInfo;
import dev.shoal.node.api.UnsafeShareException;
import java.awt.BorderLayout;
import java.awt.event.KeyEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JOptionPane;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JProgressBar;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.table.TableRowSorter;

/**
 * The Library tab: shared folders, totals, hashing progress and a filterable list of shared files.
 * The disk and the home folder are refused in a dialog; after a folder is added, the files left
 * out because they look private are listed in a dialog that can share them anyway (and later from
 * the "left out" button).
 */
final class LibraryPanel extends JPanel {
    private final AppContext ctx;
    private final FolderList folders;
    private final SharedFilesModel files = new SharedFilesModel();
    private final TableRowSorter<SharedFilesModel> sorter = new TableRowSorter<>(files);
    private final JLabel totals = new JLabel(" ");
    private final JProgressBar indexing = new JProgressBar(0, 1000);
    private final JTextField filter = Widgets.field("libraryFilter", "Filter shared files", 18);
    private final JButton leftOutButton = new JButton();
    private List<LeftOutFile> leftOut = List.of();
    private BiConsumer<Integer, Long> onTotals = (n, bytes) -> {
    };
    private boolean refreshing;
    private boolean refreshAgain;

    LibraryPanel(AppContext ctx) {
        super(new BorderLayout(0, Widgets.px(8)));
        this.ctx = ctx;
        setBorder(BorderFactory.createEmptyBorder(Widgets.px(10), Widgets.px(10), Widgets.px(10), Widgets.px(10)));
        folders = new FolderList("sharedFolders", this::share, ctx::notice);
        folders.show(ctx.node().config().shares());

        JLabel title = new JLabel("Shared folders");
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        totals.setName("libraryTotals");
        indexing.setName("indexingProgress");
        indexing.setStringPainted(true);
        indexing.setVisible(false);
        leftOutButton.setName("leftOutButton");
        leftOutButton.setVisible(false);
        leftOutButton.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_BORDERLESS);
        leftOutButton.setToolTipText("Files in your shared folders that look private are not shared; see which");
        leftOutButton.addActionListener(e -> showLeftOut());
        JPanel status = new JPanel(new BorderLayout(Widgets.px(8), 0));
        status.add(totals, BorderLayout.WEST);
        status.add(indexing, BorderLayout.CENTER);
        status.add(leftOutButton, BorderLayout.EAST);
        JPanel top = new JPanel(new BorderLayout(0, Widgets.px(4)));
        top.add(title, BorderLayout.NORTH);
        top.add(folders, BorderLayout.CENTER);
        top.add(status, BorderLayout.SOUTH);

        JTable table = Widgets.table("sharedFilesTable", files, sorter, 320, 90, 80, 330);
        JPopupMenu menu = new JPopupMenu();
        menu.add(Widgets.item("copyLibraryMagnetItem", "Copy magnet link", () -> copyMagnets(table)));
        Widgets.rowMenu(table, menu);
        Widgets.onShortcut(table, KeyEvent.VK_C, "copyMagnet", () -> copyMagnets(table));
        table.getColumnModel().getColumn(SharedFilesModel.SIZE).setCellRenderer(Renderers.bytes());
        Widgets.placeholder(table, "Nothing shared yet. Add a folder above: peers can then find its files"
                + " and download them from you.");
        Widgets.onTextChange(filter, text -> sorter.setRowFilter(
                TableFilter.of(text, SharedFilesModel.NAME, SharedFilesModel.TYPE, SharedFilesModel.FOLDER)));
        JPanel list = new JPanel(new BorderLayout(0, Widgets.px(4)));
        JPanel filterRow = new JPanel(new BorderLayout());
        filterRow.add(filter, BorderLayout.WEST);
        JButton othersSee = new JButton("What others see");
        othersSee.setName("whatOthersSeeButton");
        othersSee.setToolTipText("Browse your own files over the network, exactly as another servent receives the list");
        othersSee.addActionListener(e -> ctx.browse(ownList(ctx.node().listenAddress())));
        filterRow.add(othersSee, BorderLayout.EAST);
        list.add(filterRow, BorderLayout.NORTH);
        list.add(Widgets.scroll(table), BorderLayout.CENTER);

        add(top, BorderLayout.NORTH);
        add(list, BorderLayout.CENTER);

        ctx.events().subscribe(this::onEvents);
        ctx.background().await(ctx.node().libraryReady(), ready -> refresh(), e -> refresh());
    }

    /** Our own list as a browsing peer receives it: a browse of ourselves, over loopback when we listen on all. */
    static BrowseTab.Target ownList(InetSocketAddress listening) {
        InetAddress at = listening.getAddress() == null || listening.getAddress().isAnyLocalAddress()
                ? InetAddress.getLoopbackAddress() : listening.getAddress();
        InetSocketAddress self = new InetSocketAddress(at, listening.getPort());
        return new BrowseTab.Target("What others see", (node, listener) -> node.browse(self, listener));
    }

    /** Copies the magnet links of the selected files, which name us as a source. */
    private void copyMagnets(JTable table) {
        List<Magnets.FileRef> chosen = new ArrayList<>();
        for (int viewRow : table.getSelectedRows()) {
            SharedFileInfo f = files.row(table.convertRowIndexToModel(viewRow));
            chosen.add(new Magnets.FileRef(f.urn(), f.name(), f.size()));
        }
        ctx.magnets().copy(chosen);
    }

    /** Who wants the totals (the status bar). */
    void onTotals(BiConsumer<Integer, Long> listener) {
        onTotals = listener;
    }

    /** Shares one more folder, as the folder chooser does. */
    void addFolder(Path folder) {
        folders.addFolder(folder);
    }

    SharedFilesModel files() {
        return files;
    }

    private void onEvents(List<NodeEvent> batch) {
        NodeEvent.IndexingProgress last = null;
        boolean changed = false;
        for (NodeEvent e : batch) {
            if (e instanceof NodeEvent.IndexingProgress p) {
                last = p;
            } else if (e instanceof NodeEvent.LibraryChanged || e instanceof NodeEvent.PrivateFilesLeftOut) {
                changed = true;
            }
        }
        if (last != null) {
            showProgress(last);
        }
        if (changed) {
            refresh();
        }
    }

    private void showProgress(NodeEvent.IndexingProgress p) {
        boolean busy = p.filesDone() < p.filesTotal() || p.bytesDone() < p.bytesTotal();
        indexing.setVisible(busy);
        if (busy) {
            double f = p.bytesTotal() > 0 ? (double) p.bytesDone() / p.bytesTotal()
                    : (double) p.filesDone() / Math.max(1, p.filesTotal());
            indexing.setValue((int) Math.round(f * 1000));
            indexing.setString("Hashing " + p.filesDone() + " of " + p.filesTotal() + " files ("
                    + Format.bytes(p.bytesDone()) + " of " + Format.bytes(p.bytesTotal()) + ")");
        }
    }

    private void share(List<Path> chosen) {
        indexing.setVisible(true);
        indexing.setIndeterminate(true);
        indexing.setString("Scanning shared folders\u2026");
        ctx.background().call(() -> {
            ctx.node().setSharedFolders(chosen);
            ctx.settings().save(ctx.settings().saved().withShares(chosen));
            return ctx.node().config().shares();
        }, now -> {
            indexing.setIndeterminate(false);
            folders.show(now);
            ctx.background().await(ctx.node().libraryReady(), ready -> {
                indexing.setVisible(false);
                refresh();
                // Warn now, while the user thinks of what they just shared.
                ctx.background().call(() -> ctx.node().leftOut(), this::warn);
            }, e -> ctx.notice(Background.message(e)));
        }, e -> {
            indexing.setIndeterminate(false);
            indexing.setVisible(false);
            folders.show(ctx.node().config().shares());
            if (e instanceof UnsafeShareException) {
                JOptionPane.showMessageDialog(this, Background.message(e), "Not shared", JOptionPane.WARNING_MESSAGE);
            } else {
                ctx.notice("Cannot share: " + Background.message(e));
            }
        });
    }

    /** Lists the shared files again off the EDT; overlapping requests collapse into one more. */
    void refresh() {
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        ctx.background().call(() -> new Listed(ctx.node().sharedFiles(), ctx.node().leftOut()), both -> {
            List<SharedFileInfo> list = both.shared();
            showLeftOutButton(both.leftOut());
            files.setFiles(list);
            ctx.marks().setLibrary(list.stream().map(SharedFileInfo::urn).toList());
            folders.show(ctx.node().config().shares());
            totals.setText(list.size() + (list.size() == 1 ? " file, " : " files, ") + Format.bytes(files.totalBytes())
                    + " shared in " + folders.folders().size() + (folders.folders().size() == 1 ? " folder" : " folders"));
            onTotals.accept(list.size(), files.totalBytes());
            finishRefresh();
        }, e -> finishRefresh());
    }

    private record Listed(List<SharedFileInfo> shared, List<LeftOutFile> leftOut) {
    }

    private void showLeftOutButton(List<LeftOutFile> now) {
        leftOut = now;
        leftOutButton.setText(now.size() + (now.size() == 1 ? " file" : " files")
                + " left out: they look private \u2014 Review\u2026");
        leftOutButton.setVisible(!now.isEmpty());
    }

    /** After a folder was added: lists what was left out, if anything. */
    private void warn(List<LeftOutFile> now) {
        showLeftOutButton(now);
        if (!now.isEmpty()) {
            showLeftOut();
        }
    }

    void showLeftOut() {
        new LeftOutDialog(SwingUtilities.getWindowAncestor(this), ctx, leftOut).setVisible(true);
    }

    private void finishRefresh() {
        refreshing = false;
        if (refreshAgain) {
            refreshAgain = false;
            refresh();
        }
    }
}
