package dev.shoal.ui;

import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchHit;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.Timer;
import javax.swing.table.TableRowSorter;

/**
 * One search: its results streaming in, grouped by file, with a filter box, Stop and Download.
 * Hits arrive on node threads and reach the table in 100 ms batches. After the node's query
 * lifetime the line above the table says what came of it (hits arriving later still show); Stop
 * (or Esc) makes the node forget the search.
 */
final class SearchTab extends JPanel {
    static final long HIT_BATCH_MILLIS = 100;

    /** What the search panel hears from a tab. */
    interface Owner {
        /** New results: the tab's title changes. */
        void resultsChanged(SearchTab tab);

        /** The node refused the search (nothing to search for, say): the tab has no use. */
        void failed(SearchTab tab, String message);
    }

    private final AppContext ctx;
    private final String query;
    private final Owner owner;
    private final SearchResultsModel model;
    private final TableRowSorter<SearchResultsModel> sorter;
    private final JTable table;
    private final JTextField filter = Widgets.field("resultFilter", "Filter results", 18);
    private final JLabel summary = new JLabel(SearchStatus.summary(SearchStatus.Phase.STARTING, 0, 0, 0, true));
    private final JButton stop = new JButton("Stop");
    private final JButton download = new JButton("Download");
    private final Coalescer<SearchHit> hits = new Coalescer<>(HIT_BATCH_MILLIS, this::addHits);
    private final Runnable stopWatchingMarks;
    private SearchStatus.Phase phase = SearchStatus.Phase.STARTING;
    private Search search;
    private Timer lifetime;
    private boolean connected = true;
    private int peersQueried;
    private boolean closed;

    SearchTab(AppContext ctx, String query, Owner owner) {
        super(new BorderLayout(0, Widgets.px(6)));
        this.ctx = ctx;
        this.query = query;
        this.owner = owner;
        setName("searchTab:" + query);
        setBorder(BorderFactory.createEmptyBorder(Widgets.px(6), 0, 0, 0));
        model = new SearchResultsModel(ctx.marks()::of);
        sorter = new TableRowSorter<>(model);
        table = Widgets.table("resultsTable", model, sorter, 330, 80, 65, 75, 50, 110, 85, 95);
        Widgets.dimRows(table, row -> model.mark(row) != FileMarks.Mark.NONE);
        table.getColumnModel().getColumn(SearchResultsModel.SIZE).setCellRenderer(Renderers.bytes());
        table.getColumnModel().getColumn(SearchResultsModel.SOURCES).setCellRenderer(Renderers.right());
        table.getColumnModel().getColumn(SearchResultsModel.HOPS).setCellRenderer(Renderers.right());
        table.getTableHeader().setToolTipText("Hops: relays a hit crossed (0 = a direct peer). Firewalled: hosts"
                + " that cannot take connections and are asked by Push instead.");
        sorter.setSortsOnUpdates(true);
        sorter.setSortKeys(List.of(new RowSorter.SortKey(SearchResultsModel.SOURCES, SortOrder.DESCENDING)));
        Widgets.onDoubleClick(table, this::downloadSelected);
        table.getSelectionModel().addListSelectionListener(e -> updateButtons());
        Widgets.onTextChange(filter, text -> sorter.setRowFilter(
                TableFilter.of(text, SearchResultsModel.NAME, SearchResultsModel.TYPE)));
        stopWatchingMarks = ctx.marks().onChange(model::marksChanged);

        stop.setName("stopSearchButton");
        stop.setToolTipText("Stop collecting answers to this search (Esc); the results stay");
        stop.addActionListener(e -> stop());
        download.setName("downloadButton");
        download.setToolTipText("Download the selected files from all their sources (or double-click a row)");
        download.addActionListener(e -> downloadSelected());
        updateButtons();

        JPanel top = new JPanel(new BorderLayout(Widgets.px(8), 0));
        top.add(filter, BorderLayout.WEST);
        summary.setName("resultSummary");
        top.add(summary, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, Widgets.px(4), 0));
        buttons.add(stop);
        buttons.add(download);
        top.add(buttons, BorderLayout.EAST);
        add(top, BorderLayout.NORTH);
        add(Widgets.scroll(table), BorderLayout.CENTER);
    }

    String query() {
        return query;
    }

    String title() {
        return model.getRowCount() == 0 ? query : query + " (" + model.getRowCount() + ")";
    }

    SearchResultsModel model() {
        return model;
    }

    SearchStatus.Phase phase() {
        return phase;
    }

    /** Starts the search off the EDT; hits stream into the table. */
    void start() {
        int ttl = ctx.node().config().maxTtl();
        ctx.background().call(() -> {
            Search s = ctx.node().search(query, ttl, hits::add);
            return new Started(s, !ctx.node().peers().isEmpty());
        }, this::started, e -> owner.failed(this, Background.message(e)));
    }

    private record Started(Search search, boolean connected) {
    }

    private void started(Started started) {
        search = started.search();
        connected = started.connected();
        peersQueried = search.peersQueried();
        if (closed) {
            forget();
            return;
        }
        if (search.peersQueried() == 0) {
            // Nobody was asked, so nothing can come back: say so now rather than after the lifetime.
            forget();
            phase = SearchStatus.Phase.FINISHED;
        } else {
            phase = SearchStatus.Phase.SEARCHING;
            lifetime = new Timer((int) Math.min(Integer.MAX_VALUE, search.lifetime().toMillis()), e -> lifetimeOver());
            lifetime.setRepeats(false);
            lifetime.start();
        }
        showStatus();
    }

    private void lifetimeOver() {
        if (phase == SearchStatus.Phase.SEARCHING) {
            phase = SearchStatus.Phase.FINISHED;
            showStatus();
        }
    }

    /** Stops the search: the node forgets it and later hits are ignored. The results stay. */
    void stop() {
        if (search == null || closed || phase == SearchStatus.Phase.STOPPED) {
            return;
        }
        forget();
        phase = SearchStatus.Phase.STOPPED;
        showStatus();
    }

    /** The tab is being closed: stops the search and lets go of the app's state. */
    void close() {
        closed = true;
        stopWatchingMarks.run();
        forget();
    }

    private void forget() {
        if (lifetime != null) {
            lifetime.stop();
        }
        if (search != null) {
            Search s = search;
            search = null;
            ctx.background().run(s::close);
        }
        updateButtons();
    }

    private void addHits(List<SearchHit> batch) {
        if (closed || phase == SearchStatus.Phase.STOPPED || search == null && phase != SearchStatus.Phase.STARTING) {
            return;
        }
        model.addHits(batch);
        showStatus();
        owner.resultsChanged(this);
    }

    private void showStatus() {
        summary.setText(SearchStatus.summary(phase, model.getRowCount(), model.sourceCount(), peersQueried, connected));
        summary.setToolTipText(summary.getText());
        Widgets.placeholder(table, SearchStatus.explanation(phase, peersQueried, connected));
        updateButtons();
    }

    /** The explanation in the empty table, for tests. */
    String explanation() {
        return SearchStatus.explanation(phase, peersQueried, connected);
    }

    private List<ResultGroup> selected() {
        List<ResultGroup> groups = new ArrayList<>();
        for (int viewRow : table.getSelectedRows()) {
            groups.add(model.group(table.convertRowIndexToModel(viewRow)));
        }
        return groups;
    }

    private void updateButtons() {
        download.setEnabled(selected().stream().anyMatch(ResultGroup::downloadable));
        stop.setEnabled(search != null && !closed);
    }

    void downloadSelected() {
        for (ResultGroup g : selected()) {
            if (!g.downloadable()) {
                ctx.notice(g.name() + " came without a hash, so it cannot be verified: not downloaded");
                continue;
            }
            if (ctx.marks().of(g.urn()) == FileMarks.Mark.IN_LIBRARY) {
                ctx.notice("You already share " + g.name() + " (see the Library tab): not downloaded again");
                continue;
            }
            ctx.background().call(() -> ctx.node().download(g.urn(), g.name(), g.size(), g.sources()).info(),
                    (DownloadInfo d) -> started(g, d));
        }
    }

    private void started(ResultGroup g, DownloadInfo d) {
        ctx.marks().download(d);
        if (d.state() == DownloadState.DONE) {
            ctx.notice(g.name() + " is already downloaded: " + d.path());
        } else {
            ctx.announceEnd(d.id());
            ctx.notice("Downloading " + g.name() + " from " + g.sourceCount()
                    + (g.sourceCount() == 1 ? " source" : " sources"));
        }
        ctx.poller().pollSoon();
    }
}
