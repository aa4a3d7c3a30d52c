package dev.shoal.ui;

import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SearchResult;
import dev.shoal.node.api.SearchTooSoonException;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.RowFilter;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.Timer;
import javax.swing.table.TableModel;
import javax.swing.table.TableRowSorter;

/**
 * One search: its files as the node ranks them, best first, each row's score explained in its tool
 * tip; files that look like spam are hidden unless "Show hidden" is ticked, with the reason in
 * their Status. A filter box, Stop, Download; a right-click menu (and Ctrl/Cmd-C) copies magnet
 * links, browses the hosts of the files and marks files as spam. The node's results are looked at whenever hits arrive, at most
 * every {@link #LOOK_MILLIS}. After the node's query lifetime the line above the table says what
 * came of it (hits arriving later still show); Stop (or Esc) makes the node forget the search.
 */
final class SearchTab extends JPanel {
    static final long LOOK_MILLIS = 100;
    /** Hosts browsed at once from a selection: as many as the node browses at a time. */
    static final int BROWSE_AT_ONCE = 4;

    /** What the search panel hears from a tab. */
    interface Owner {
        /** New results: the tab's title changes. */
        void resultsChanged(SearchTab tab);

        /** The node refused the search (nothing to search for, say): the tab has no use. */
        void failed(SearchTab tab, String message);

        /** The user pasted something in the results: a magnet link, maybe. */
        void paste();
    }

    private final AppContext ctx;
    private final String query;
    private final Owner owner;
    private final SearchResultsModel model;
    private final TableRowSorter<SearchResultsModel> sorter;
    private final JTable table;
    private final JTextField filter = Widgets.field("resultFilter", "Filter results", 18);
    private final JCheckBox showHidden = new JCheckBox("Show hidden");
    private final JLabel summary = new JLabel(SearchStatus.summary(SearchStatus.Phase.STARTING, 0, 0, 0, true));
    private final JButton stop = new JButton("Stop");
    private final JButton download = new JButton("Download");
    private final ResultsFeed feed = new ResultsFeed(LOOK_MILLIS, this::show);
    private final Runnable stopWatchingMarks;
    private final Runnable stopWatchingSpamList;
    private final Consumer<NodeSnapshot> tick = s -> lookIfShowing();
    private SearchStatus.Phase phase = SearchStatus.Phase.STARTING;
    private Search search;
    /** The search as the network map lists it, until the tab closes (it stays there once stopped). */
    private Search onMap;
    private Timer lifetime;
    private boolean connected = true;
    private int peersQueried;
    private boolean closed;
    private Runnable cancelRetry;

    SearchTab(AppContext ctx, String query, Owner owner) {
        super(new BorderLayout(0, Widgets.px(6)));
        this.ctx = ctx;
        this.query = query;
        this.owner = owner;
        setName("searchTab:" + query);
        setBorder(BorderFactory.createEmptyBorder(Widgets.px(6), 0, 0, 0));
        model = new SearchResultsModel(ctx.marks()::of);
        sorter = new TableRowSorter<>(model);
        table = ResultsTables.create("resultsTable", model, sorter);
        table.getTableHeader().setToolTipText("Score: how well the name matches your words and how many hosts offer"
                + " it, how near and reachable they are (hover a row for the reasons). Hops: relays a hit crossed"
                + " (0 = a direct peer). Firewalled: hosts reached by Push.");
        sorter.setSortKeys(List.of(new RowSorter.SortKey(SearchResultsModel.SCORE, SortOrder.DESCENDING)));
        Widgets.onDoubleClick(table, this::downloadSelected);
        Widgets.rowMenu(table, menu());
        Widgets.onShortcut(table, KeyEvent.VK_C, "copyMagnet", this::copyMagnets);
        Widgets.onShortcut(table, KeyEvent.VK_V, "pasteMagnet", owner::paste);
        table.getSelectionModel().addListSelectionListener(e -> updateButtons());
        Widgets.onTextChange(filter, text -> applyFilter());
        showHidden.setName("showHiddenToggle");
        showHidden.setToolTipText("Also list the files Shoal hides as spam or fakes, with the reason");
        showHidden.addActionListener(e -> applyFilter());
        stopWatchingMarks = ctx.marks().onChange(model::marksChanged);
        stopWatchingSpamList = ctx.onSpamListChange(feed::request);
        ctx.poller().subscribe(tick);

        stop.setName("stopSearchButton");
        stop.setToolTipText("Stop collecting answers to this search (Esc); the results stay");
        stop.addActionListener(e -> stop());
        download.setName("downloadButton");
        download.setToolTipText("Download the selected files from all their sources (or double-click a row)");
        download.addActionListener(e -> downloadSelected());
        updateButtons();

        JPanel top = new JPanel(new BorderLayout(Widgets.px(8), 0));
        JPanel left = new JPanel(new FlowLayout(FlowLayout.LEFT, Widgets.px(6), 0));
        left.add(filter);
        left.add(showHidden);
        top.add(left, BorderLayout.WEST);
        summary.setName("resultSummary");
        top.add(summary, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, Widgets.px(4), 0));
        buttons.add(stop);
        buttons.add(download);
        top.add(buttons, BorderLayout.EAST);
        add(top, BorderLayout.NORTH);
        add(Widgets.scroll(table), BorderLayout.CENTER);
        applyFilter();
    }

    private JPopupMenu menu() {
        JPopupMenu menu = new JPopupMenu();
        menu.add(Widgets.item("downloadItem", "Download", this::downloadSelected));
        menu.add(Widgets.item("copyMagnetItem", "Copy magnet link", this::copyMagnets));
        menu.add(Widgets.item("browseHostItem", "Browse host", this::browseSelectedHosts));
        menu.addSeparator();
        menu.add(Widgets.item("markSpamItem", "Mark as spam", this::markSelectedAsSpam));
        return menu;
    }

    String query() {
        return query;
    }

    String title() {
        int shown = model.shownCount();
        return shown == 0 ? query : query + " (" + shown + ")";
    }

    SearchResultsModel model() {
        return model;
    }

    SearchStatus.Phase phase() {
        return phase;
    }

    /**
     * Starts the search off the EDT; results stream into the table. When the node says the last
     * search was too recent (one every few seconds), it waits as long as told and tries again.
     */
    void start() {
        int ttl = ctx.node().config().maxTtl();
        ctx.background().call(() -> {
            Search s = ctx.node().search(query, ttl, hit -> feed.request());
            return new Started(s, !ctx.node().peers().isEmpty());
        }, this::started, e -> {
            if (e instanceof SearchTooSoonException soon) {
                waitThenStart(soon);
            } else {
                owner.failed(this, Background.message(e));
            }
        });
    }

    private void waitThenStart(SearchTooSoonException soon) {
        if (closed) {
            return;
        }
        long seconds = Math.max(1, (soon.retryAfter().toMillis() + 999) / 1000);
        summary.setText("Asking the network in " + seconds + " s (one search every few seconds spares it)");
        cancelRetry = ctx.timer().after(soon.retryAfter().toMillis(), () -> {
            cancelRetry = null;
            if (!closed) {
                start();
            }
        });
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
        onMap = search;
        ctx.searchStarted(query, search);
        feed.attach(search::results);
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
        if (cancelRetry != null) {
            cancelRetry.run();
        }
        feed.detach();
        stopWatchingMarks.run();
        stopWatchingSpamList.run();
        ctx.poller().unsubscribe(tick);
        if (onMap != null) {
            ctx.searchClosed(onMap);
        }
        forget();
    }

    /** Closes the node's search; its results can still be looked at (a file marked as spam is hidden then too). */
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

    /** Edits of the spam list made outside the app count at the next look: the tab in view looks once a second. */
    private void lookIfShowing() {
        if (isShowing()) {
            feed.request();
        }
    }

    private void show(List<SearchResult> results) {
        if (closed) {
            return;
        }
        int before = model.getRowCount();
        model.setResults(results);
        showStatus();
        if (model.getRowCount() != before || results.size() > 0) {
            owner.resultsChanged(this);
        }
    }

    private void applyFilter() {
        RowFilter<TableModel, Integer> text = TableFilter.of(filter.getText(), SearchResultsModel.NAME,
                SearchResultsModel.TYPE);
        boolean all = showHidden.isSelected();
        sorter.setRowFilter(new RowFilter<TableModel, Integer>() {
            @Override
            public boolean include(Entry<? extends TableModel, ? extends Integer> entry) {
                if (!all && model.result(entry.getIdentifier()).hidden()) {
                    return false;
                }
                return text == null || text.include(entry);
            }
        });
        showStatus();
    }

    private void showStatus() {
        String line = SearchStatus.summary(phase, model.shownCount(), model.sourceCount(), peersQueried, connected);
        int hidden = model.hiddenCount();
        summary.setText(hidden == 0 ? line : line + " \u00b7 " + hidden + " hidden");
        summary.setToolTipText(summary.getText());
        showHidden.setText(hidden == 0 ? "Show hidden" : "Show hidden (" + hidden + ")");
        Widgets.placeholder(table, SearchStatus.explanation(phase, peersQueried, connected));
        updateButtons();
    }

    /** The explanation in the empty table, for tests. */
    String explanation() {
        return SearchStatus.explanation(phase, peersQueried, connected);
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
        stop.setEnabled(search != null && !closed);
    }

    void copyMagnets() {
        ctx.magnets().copy(selected().stream().map(r -> new Magnets.FileRef(r.urn(), r.name(), r.size())).toList());
    }

    /** Puts the selected files on the user's spam list: they are hidden here and in every search from now on. */
    void markSelectedAsSpam() {
        List<SearchResult> chosen = selected().stream().filter(SearchResult::downloadable).toList();
        if (chosen.isEmpty()) {
            ctx.notice(selected().isEmpty() ? "Select a file to mark it as spam"
                    : "Only files with a hash can be listed as spam");
            return;
        }
        ctx.background().call(() -> {
            chosen.forEach(r -> ctx.node().spamList().add(r.urn(), r.name()));
            return chosen.size();
        }, n -> {
            ctx.notice(n == 1 ? "Marked " + chosen.get(0).name() + " as spam: it is hidden from now on"
                    : "Marked " + n + " files as spam: they are hidden from now on");
            ctx.spamListChanged();
        });
    }

    void downloadSelected() {
        ResultDownloads.start(ctx, selected());
    }

    /**
     * Opens a tab listing everything the hosts of the selected files share: each distinct host,
     * at most {@link #BROWSE_AT_ONCE}.
     */
    void browseSelectedHosts() {
        Map<String, SearchHit> hosts = new LinkedHashMap<>();
        for (SearchResult r : selected()) {
            for (SearchHit h : r.hits()) {
                hosts.putIfAbsent(h.host() + ":" + h.port() + "/" + h.serventId(), h);
            }
        }
        if (hosts.isEmpty()) {
            ctx.notice("Select a file to browse the host that has it");
            return;
        }
        hosts.values().stream().limit(BROWSE_AT_ONCE).forEach(h -> ctx.browse(BrowseTab.Target.of(h)));
        if (hosts.size() > BROWSE_AT_ONCE) {
            ctx.notice("Browsing " + BROWSE_AT_ONCE + " of the " + hosts.size() + " hosts: the others later");
        }
    }
}
