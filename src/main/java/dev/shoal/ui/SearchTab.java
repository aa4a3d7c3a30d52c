package dev.shoal.ui;

import dev.shoal.node.api.Download;
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
import javax.swing.table.TableRowSorter;

/**
 * One search: its results streaming in, grouped by file, with a filter box and a Download button.
 * Hits arrive on node threads and reach the table in 100 ms batches.
 */
final class SearchTab extends JPanel {
    static final long HIT_BATCH_MILLIS = 100;

    private final AppContext ctx;
    private final String query;
    private final Consumer<SearchTab> onResultsChanged;
    private final SearchResultsModel model = new SearchResultsModel();
    private final TableRowSorter<SearchResultsModel> sorter = new TableRowSorter<>(model);
    private final JTable table;
    private final JTextField filter = Widgets.field("resultFilter", "Filter results", 18);
    private final JLabel summary = new JLabel("Searching\u2026");
    private final JButton download = new JButton("Download");
    private final Coalescer<SearchHit> hits = new Coalescer<>(HIT_BATCH_MILLIS, this::addHits);
    private Search search;
    private boolean closed;

    SearchTab(AppContext ctx, String query, Consumer<SearchTab> onResultsChanged) {
        super(new BorderLayout(0, Widgets.px(6)));
        this.ctx = ctx;
        this.query = query;
        this.onResultsChanged = onResultsChanged;
        setName("searchTab:" + query);
        setBorder(BorderFactory.createEmptyBorder(Widgets.px(6), 0, 0, 0));
        table = Widgets.table("resultsTable", model, sorter, 420, 90, 80, 70);
        table.getColumnModel().getColumn(SearchResultsModel.SIZE).setCellRenderer(Renderers.bytes());
        table.getColumnModel().getColumn(SearchResultsModel.SOURCES).setCellRenderer(Renderers.right());
        sorter.setSortsOnUpdates(true);
        sorter.setSortKeys(List.of(new RowSorter.SortKey(SearchResultsModel.SOURCES, SortOrder.DESCENDING)));
        Widgets.onDoubleClick(table, this::downloadSelected);
        table.getSelectionModel().addListSelectionListener(e -> updateButton());
        Widgets.onTextChange(filter, text -> sorter.setRowFilter(
                TableFilter.of(text, SearchResultsModel.NAME, SearchResultsModel.TYPE)));

        download.setName("downloadButton");
        download.setToolTipText("Download the selected files from all their sources (or double-click a row)");
        download.addActionListener(e -> downloadSelected());
        updateButton();

        JPanel top = new JPanel(new BorderLayout(Widgets.px(8), 0));
        top.add(filter, BorderLayout.WEST);
        summary.setName("resultSummary");
        top.add(summary, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 0, 0));
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

    /** Starts the search off the EDT; hits stream into the table. */
    void start() {
        int ttl = ctx.node().config().maxTtl();
        ctx.background().call(() -> ctx.node().search(query, ttl, hits::add), s -> {
            if (closed) {
                ctx.background().run(s::close);
            } else {
                search = s;
            }
        }, e -> summary.setText("Search failed: " + Background.message(e)));
    }

    /** Stops the search; its hits stop arriving. */
    void close() {
        closed = true;
        if (search != null) {
            Search s = search;
            ctx.background().run(s::close);
        }
    }

    private void addHits(List<SearchHit> batch) {
        if (closed) {
            return;
        }
        model.addHits(batch);
        int files = model.getRowCount();
        summary.setText(files + (files == 1 ? " file, " : " files, ") + model.sourceCount() + " sources");
        onResultsChanged.accept(this);
    }

    private List<ResultGroup> selected() {
        List<ResultGroup> groups = new ArrayList<>();
        for (int viewRow : table.getSelectedRows()) {
            groups.add(model.group(table.convertRowIndexToModel(viewRow)));
        }
        return groups;
    }

    private void updateButton() {
        download.setEnabled(selected().stream().anyMatch(ResultGroup::downloadable));
    }

    void downloadSelected() {
        for (ResultGroup g : selected()) {
            if (!g.downloadable()) {
                ctx.notice(g.name() + " came without a hash, so it cannot be verified: not downloaded");
                continue;
            }
            ctx.background().call(() -> ctx.node().download(g.urn(), g.name(), g.size(), g.sources()),
                    (Download d) -> {
                        ctx.notice("Downloading " + g.name() + " from " + g.sourceCount()
                                + (g.sourceCount() == 1 ? " source" : " sources"));
                        ctx.poller().pollSoon();
                    });
        }
    }
}
