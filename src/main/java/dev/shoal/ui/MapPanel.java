package dev.shoal.ui;

import com.formdev.flatlaf.FlatClientProperties;
import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.NetworkMap;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchReach;
import dev.shoal.node.api.SourceProgress;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JSplitPane;
import javax.swing.Timer;

/**
 * The Map tab: our node, our links and the hosts beyond them, laid out by {@link MapLayout} and
 * refreshed every second by a Swing timer that asks the node off the event thread. A combo picks a
 * search, whose reached links and hit paths are highlighted, or a download, whose sources say why
 * they are slow; the text beside the map says the same in words.
 */
final class MapPanel extends JPanel {
    static final int REFRESH_MILLIS = 1000;

    /** What the combo offers: nothing, one search or one download. */
    record Focus(String label, Search search, String downloadId) {
        static final Focus NONE = new Focus("Nothing (the network only)", null, null);

        @Override
        public String toString() {
            return label;
        }
    }

    private record Fetched(NetworkMap map, SearchReach reach) {
    }

    private final AppContext ctx;
    private final MapView view = new MapView();
    private final DefaultComboBoxModel<Focus> choices = new DefaultComboBoxModel<>();
    private final JComboBox<Focus> focus = new JComboBox<>(choices);
    private final JTextArea details = new JTextArea();
    private final JLabel summary = new JLabel(" ");
    private final Timer timer = new Timer(REFRESH_MILLIS, e -> refresh());
    private List<DownloadInfo> downloads = List.of();
    private boolean fetching;
    /** True while the combo is being refilled, whose events are not the user's choice. */
    private boolean refilling;

    MapPanel(AppContext ctx) {
        super(new BorderLayout(0, Widgets.px(8)));
        this.ctx = ctx;
        setBorder(BorderFactory.createEmptyBorder(Widgets.px(10), Widgets.px(10), Widgets.px(10), Widgets.px(10)));
        summary.setName("mapSummary");
        summary.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        focus.setName("mapFocus");
        choices.addElement(Focus.NONE);
        focus.addActionListener(e -> {
            if (!refilling) {
                refresh();
            }
        });
        details.setName("mapDetails");
        details.setEditable(false);
        details.setLineWrap(true);
        details.setWrapStyleWord(true);
        JPanel top = new JPanel(new BorderLayout(Widgets.px(8), 0));
        top.add(summary, BorderLayout.WEST);
        JPanel pick = new JPanel(new FlowLayout(FlowLayout.RIGHT, Widgets.px(6), 0));
        pick.add(new JLabel("Show the way of"));
        pick.add(focus);
        top.add(pick, BorderLayout.EAST);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, view, new JScrollPane(details));
        split.setResizeWeight(0.75);
        split.setBorder(null);
        add(top, BorderLayout.NORTH);
        add(split, BorderLayout.CENTER);
        add(legend(), BorderLayout.SOUTH);
        ctx.poller().subscribe(s -> downloads = s.downloads());
        timer.setInitialDelay(0);
        timer.start();
    }

    MapView view() {
        return view;
    }

    /** Stops the timer: the window is closing. */
    void stop() {
        timer.stop();
    }

    /** EDT: offers the current searches and downloads, then asks the node off the EDT and shows the answer. */
    private void refresh() {
        updateChoices();
        if (fetching) {
            return;
        }
        fetching = true;
        Focus f = (Focus) focus.getSelectedItem();
        Search search = f == null ? null : f.search();
        ctx.background().call(() -> new Fetched(ctx.node().networkMap(), search == null ? null : search.reach()),
                this::show, e -> fetching = false);
    }

    private void show(Fetched fetched) {
        fetching = false;
        Focus f = (Focus) focus.getSelectedItem();
        DownloadInfo download = f == null || f.downloadId() == null ? null : downloads.stream()
                .filter(d -> d.id().equals(f.downloadId())).findFirst().orElse(null);
        NetworkMap map = fetched.map();
        MapScene scene;
        if (fetched.reach() != null && f != null && f.search() != null) {
            scene = MapScene.of(map, fetched.reach());
            details.setText(describe(fetched.reach()));
        } else if (download != null) {
            scene = MapScene.of(map, download);
            details.setText(describe(download));
        } else {
            scene = MapScene.of(map);
            details.setText("Pick a search to see which peers it reached and the way each hit came back, or a"
                    + " download to see why each source is slow.");
        }
        long beyond = scene.vertices().stream().filter(v -> v.kind() == MapScene.Kind.BEYOND).count();
        summary.setText(map.links().size() + (map.links().size() == 1 ? " link, " : " links, ") + beyond
                + (beyond == 1 ? " host" : " hosts") + " beyond them");
        details.setCaretPosition(0);
        view.show(scene);
    }

    private void updateChoices() {
        List<Focus> wanted = new ArrayList<>();
        wanted.add(Focus.NONE);
        for (AppContext.NamedSearch s : ctx.searches()) {
            wanted.add(new Focus("Search: " + s.query(), s.search(), null));
        }
        for (DownloadInfo d : downloads) {
            wanted.add(new Focus("Download: " + d.name(), null, d.id()));
        }
        List<Focus> have = new ArrayList<>();
        for (int i = 0; i < choices.getSize(); i++) {
            have.add(choices.getElementAt(i));
        }
        if (have.equals(wanted)) {
            return;
        }
        Focus selected = (Focus) focus.getSelectedItem();
        refilling = true;
        try {
            choices.removeAllElements();
            wanted.forEach(choices::addElement);
            focus.setSelectedItem(wanted.stream().filter(w -> Objects.equals(w, selected)).findFirst()
                    .orElse(Focus.NONE));
        } finally {
            refilling = false;
        }
    }

    static String describe(SearchReach reach) {
        StringBuilder b = new StringBuilder("Asked " + reach.queried().size()
                + (reach.queried().size() == 1 ? " link:" : " links:"));
        reach.queried().forEach(q -> b.append("\n  ").append(q.address()));
        b.append("\n\n").append(reach.hits().size()).append(reach.hits().size() == 1 ? " responder" : " responders");
        for (SearchReach.HitPath h : reach.hits()) {
            b.append("\n  ").append(h.responder()).append(" (").append(Format.vendor(h.vendor()))
                    .append(h.firewalled() ? ", firewalled" : "").append("): ").append(h.results())
                    .append(h.results() == 1 ? " result" : " results");
            if (h.linkId() == SearchReach.BY_UDP) {
                b.append(" by UDP, straight from it");
                continue;
            }
            b.append(" via ").append(h.via());
            b.append(h.hops() == 0 ? ", our peer itself" : ", relayed " + h.hops() + (h.hops() == 1 ? " time" : " times"));
        }
        if (reach.hitsNotKept() > 0) {
            b.append("\n  and ").append(reach.hitsNotKept()).append(" more hits");
        }
        b.append("\n\nA hit names only its responder: the servents between the first relay and it are unknown.");
        return b.toString();
    }

    static String describe(DownloadInfo d) {
        StringBuilder b = new StringBuilder(d.name() + ": " + Format.state(d) + ", " + Format.rate(d.bytesPerSecond()));
        for (SourceProgress p : d.perSource()) {
            b.append("\n  ").append(p.address()).append(": ").append(p.why());
        }
        if (d.perSource().isEmpty()) {
            b.append("\n  no source has been tried yet");
        }
        return b.toString();
    }

    private static JPanel legend() {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, Widgets.px(12), 0));
        p.add(swatch(MapView.SELF_COLOR, "you"));
        p.add(swatch(MapView.OUT_COLOR, "we dialled"));
        p.add(swatch(MapView.IN_COLOR, "dialled us"));
        p.add(swatch(MapView.BEYOND_COLOR, "beyond our links"));
        p.add(swatch(MapView.HIGHLIGHT, "reached / holding back"));
        p.add(new JLabel("round: ultrapeer, square: leaf; dotted: suggested, not confirmed by a pong"));
        return p;
    }

    private static JLabel swatch(Color c, String text) {
        JLabel l = new JLabel("\u25cf " + text);
        l.setForeground(c);
        return l;
    }
}
