package dev.shoal.ui;

import dev.shoal.node.api.Browse;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SearchListener;
import dev.shoal.node.api.SearchResult;
import dev.shoal.node.api.ShoalNode;
import dev.shoal.protocol.HostPort;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.table.TableRowSorter;

/**
 * Everything one host shares, as it sends its list (browse host): a table like a search's, from
 * which files download from that host (and any other source the node finds), a filter box, Stop,
 * and a line saying how the listing went. The node browses off the EDT; the results are looked at
 * as files arrive, at most every {@link SearchTab#LOOK_MILLIS}.
 */
final class BrowseTab extends JPanel {
    /**
     * What to browse: a title for the tab and how to ask the node (called off the EDT).
     *
     * @param title {@code host:port}, or what the tab is for
     */
    record Target(String title, BiFunction<ShoalNode, SearchListener, Browse> open) {
        /** The host at a typed or listed {@code host:port} (a name is looked up off the EDT). */
        static Target of(HostPort host) {
            return new Target(host.toString(), (node, listener) -> node.browse(host.resolve(), listener));
        }

        /** The host that sent a hit, reached by Push when it is firewalled. */
        static Target of(SearchHit hit) {
            return new Target(hit.host() + ":" + hit.port(), (node, listener) -> node.browse(hit, listener));
        }
    }

    private final AppContext ctx;
    private final Target target;
    private final Consumer<BrowseTab> titleChanged;
    private final SearchResultsModel model;
    private final TableRowSorter<SearchResultsModel> sorter;
    private final JTable table;
    private final JTextField filter = Widgets.field("browseFilter", "Filter files", 18);
    private final JLabel summary = new JLabel();
    private final JButton stop = new JButton("Stop");
    private final JButton download = new JButton("Download");
    private final ResultsFeed feed = new ResultsFeed(SearchTab.LOOK_MILLIS, this::show);
    private Browse browse;
    private String outcome;
    private boolean closed;

    /** @param titleChanged told when {@link #title()} changes */
    BrowseTab(AppContext ctx, Target target, Consumer<BrowseTab> titleChanged) {
        super(new BorderLayout(0, Widgets.px(6)));
        this.ctx = ctx;
        this.target = target;
        this.titleChanged = titleChanged;
        setName("browseTab:" + target.title());
        setBorder(BorderFactory.createEmptyBorder(Widgets.px(6), 0, 0, 0));
        model = new SearchResultsModel(ctx.marks()::of);
        sorter = new TableRowSorter<>(model);
        table = ResultsTables.create("browseTable", model, sorter);
        sorter.setSortKeys(List.of(new RowSorter.SortKey(SearchResultsModel.NAME, SortOrder.ASCENDING)));
        Widgets.onDoubleClick(table, this::downloadSelected);
        JPopupMenu menu = new JPopupMenu();
        menu.add(Widgets.item("browseDownloadItem", "Download", this::downloadSelected));
        menu.add(Widgets.item("browseCopyMagnetItem", "Copy magnet link", this::copyMagnets));
        Widgets.rowMenu(table, menu);
        table.getSelectionModel().addListSelectionListener(e -> updateButtons());
        Widgets.onTextChange(filter, text -> sorter.setRowFilter(TableFilter.of(text, SearchResultsModel.NAME,
                SearchResultsModel.TYPE)));

        stop.setName("stopBrowseButton");
        stop.setToolTipText("Stop reading this host's list; the files listed stay");
        stop.addActionListener(e -> stop());
        download.setName("browseDownloadButton");
        download.setToolTipText("Download the selected files (or double-click a row)");
        download.addActionListener(e -> downloadSelected());
        summary.setName("browseSummary");

        JPanel top = new JPanel(new BorderLayout(Widgets.px(8), 0));
        JPanel left = new JPanel(new FlowLayout(FlowLayout.LEFT, Widgets.px(6), 0));
        left.add(filter);
        top.add(left, BorderLayout.WEST);
        top.add(summary, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, Widgets.px(4), 0));
        buttons.add(stop);
        buttons.add(download);
        top.add(buttons, BorderLayout.EAST);
        add(top, BorderLayout.NORTH);
        add(Widgets.scroll(table), BorderLayout.CENTER);
        showStatus();
    }

    String title() {
        int files = model.getRowCount();
        return files == 0 ? target.title() : target.title() + " (" + files + ")";
    }

    SearchResultsModel model() {
        return model;
    }

    /** Asks the node for the host's list, off the EDT. */
    void start() {
        ctx.background().call(() -> target.open().apply(ctx.node(), hit -> feed.request()), this::started,
                e -> finished(Background.message(e)));
    }

    private void started(Browse b) {
        browse = b;
        if (closed) {
            ctx.background().run(b::close);
            return;
        }
        feed.attach(b::results);
        // The last look is taken with the outcome, so the line and the table agree.
        b.done().whenComplete((files, e) -> ctx.background().call(b::results, results -> {
            show(results);
            finished(e == null ? Format.plural(files, "file") + (b.truncated() ? ", the most one browse takes" : "")
                    + " from " + target.title() : Format.sentence(Background.message(e)));
        }));
        showStatus();
    }

    private void finished(String line) {
        outcome = line;
        showStatus();
    }

    /** Stops reading the list; what came stays. */
    void stop() {
        if (browse != null && outcome == null) {
            Browse b = browse;
            ctx.background().run(b::close);
        }
    }

    /** The tab is being closed: the node stops reading the list. */
    void close() {
        closed = true;
        stop();
        feed.detach();
    }

    private void show(List<SearchResult> results) {
        if (closed) {
            return;
        }
        int before = model.getRowCount();
        model.setResults(results);
        if (model.getRowCount() != before) {
            titleChanged.accept(this);
        }
        showStatus();
    }

    private void showStatus() {
        String line = outcome != null ? outcome
                : browse == null ? "Asking " + target.title() + " for its list\u2026"
                : "Listing\u2026 " + Format.plural(model.getRowCount(), "file") + " so far";
        summary.setText(line);
        summary.setToolTipText(line);
        Widgets.placeholder(table, outcome != null && model.getRowCount() == 0 ? line : "");
        updateButtons();
    }

    /** The line above the table: how the listing goes or went. */
    String summary() {
        return summary.getText();
    }

    private List<SearchResult> selected() {
        List<SearchResult> results = new ArrayList<>();
        for (int viewRow : table.getSelectedRows()) {
            results.add(model.result(table.convertRowIndexToModel(viewRow)));
        }
        return results;
    }

    private void updateButtons() {
        download.setEnabled(selected().stream().anyMatch(SearchResult::downloadable));
        stop.setEnabled(browse != null && outcome == null && !closed);
    }

    void downloadSelected() {
        ResultDownloads.start(ctx, selected());
    }

    private void copyMagnets() {
        ctx.magnets().copy(selected().stream().map(r -> new Magnets.FileRef(r.urn(), r.name(), r.size())).toList());
    }
}
