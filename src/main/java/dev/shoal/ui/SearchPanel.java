package dev.shoal.ui;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.function.BiConsumer;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;

/**
 * The Search tab: a search box, Paste magnet (Ctrl/Cmd-V outside the box) and one closable tab per
 * search, and one per host browsed. It searches as you type: our own library's matches show at
 * each keystroke, and once typing pauses for {@link #TYPING_PAUSE_MILLIS} the network is asked in
 * a <em>live</em> tab that each refinement replaces (its search closed, so whoever runs it for us
 * stops). Enter keeps the live tab (or starts a search at once); clearing the box abandons the
 * live search; Esc stops the search in view. A magnet link typed or pasted in the box starts its
 * download instead.
 */
final class SearchPanel extends JPanel implements SearchTab.Owner {
    static final long TYPING_PAUSE_MILLIS = 700;
    private static final String HINT = "hint";
    private static final String RESULTS = "results";

    private final AppContext ctx;
    private final JTextField box = Widgets.field("searchField", "Search your library and the network \u2014 type words", 30);
    private final JTabbedPane searches = new JTabbedPane();
    private final CardLayout cards = new CardLayout();
    private final JPanel body = new JPanel(cards);
    private final LibraryMatches matches = new LibraryMatches();
    /** The tab typing opened, replaced as the words are refined; null once kept with Enter. */
    private SearchTab live;
    private Runnable cancelPause = () -> {
    };
    /** Bumped at each edit, so that a late answer of the library for older text is dropped. */
    private int edits;

    SearchPanel(AppContext ctx, String welcome) {
        super(new BorderLayout(0, Widgets.px(8)));
        this.ctx = ctx;
        setBorder(BorderFactory.createEmptyBorder(Widgets.px(10), Widgets.px(10), Widgets.px(10), Widgets.px(10)));
        JButton go = new JButton("Search");
        go.setName("searchButton");
        go.addActionListener(e -> startSearch());
        JButton paste = new JButton("Paste magnet");
        paste.setName("pasteMagnetButton");
        paste.setToolTipText("Download the file of the magnet link in the clipboard (Ctrl/Cmd-V on the results)");
        paste.addActionListener(e -> paste());
        box.addActionListener(e -> startSearch());
        Widgets.onTextChange(box, text -> {
            box.putClientProperty(FlatClientProperties.OUTLINE, null);
            typed(text.strip());
        });
        getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "stopSearch");
        getActionMap().put("stopSearch", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                stopSearch();
            }
        });
        // Text fields keep their own Ctrl/Cmd-V: this one is for the rest of the tab.
        getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(KeyEvent.VK_V,
                Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx()), "pasteMagnet");
        getActionMap().put("pasteMagnet", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                paste();
            }
        });
        JPanel top = new JPanel(new BorderLayout(Widgets.px(8), 0));
        top.add(box, BorderLayout.CENTER);
        JPanel actions = new JPanel(new FlowLayout(FlowLayout.RIGHT, Widgets.px(4), 0));
        actions.add(go);
        actions.add(paste);
        top.add(actions, BorderLayout.EAST);
        JPanel head = new JPanel(new BorderLayout(0, Widgets.px(6)));
        head.add(top, BorderLayout.NORTH);
        head.add(matches, BorderLayout.CENTER);
        add(head, BorderLayout.NORTH);

        searches.setName("searchTabs");
        searches.putClientProperty(FlatClientProperties.TABBED_PANE_TAB_CLOSABLE, true);
        searches.putClientProperty(FlatClientProperties.TABBED_PANE_TAB_CLOSE_TOOLTIPTEXT, "Stop and close this search");
        searches.putClientProperty(FlatClientProperties.TABBED_PANE_TAB_CLOSE_CALLBACK,
                (BiConsumer<JTabbedPane, Integer>) (pane, index) -> closeSearch(index));
        JLabel hint = new JLabel(hintText(welcome, true), SwingConstants.CENTER);
        hint.setName("searchHint");
        hint.setFont(hint.getFont().deriveFont(Font.PLAIN, hint.getFont().getSize2D() * 1.1f));
        // Greyed when it is only the generic hint; the demo's welcome reads as normal text.
        hint.setEnabled(welcome != null);
        ctx.poller().subscribe(snapshot -> hint.setText(hintText(welcome, !snapshot.peers().isEmpty())));
        body.add(hint, HINT);
        body.add(searches, RESULTS);
        add(body, BorderLayout.CENTER);
    }

    /** What the Search tab says before the first search; without peers, that a search would reach nobody. */
    static String hintText(String welcome, boolean connected) {
        return "<html><div style='text-align:center'>"
                + (welcome == null ? "" : welcome + "<br><br>")
                + (connected ? "" : "<b>Not connected yet.</b> Connect to a Gnutella host in the Network tab"
                        + " (type its host:port and press Enter), or add hosts to join in File \u2192 Settings.<br><br>")
                + "Each search opens in its own tab and results stream in as peers answer.<br>"
                + "Double-click a file to download it from every host that has it.</div></html>";
    }

    JTextField box() {
        return box;
    }

    LibraryMatches matches() {
        return matches;
    }

    /** Enter: keeps the live search of these words, or starts one now; the next words open a new tab. */
    void startSearch() {
        String text = box.getText().strip();
        cancelPause.run();
        if (text.isEmpty()) {
            refuse("Type a word or two to search for, then press Enter");
            return;
        }
        if (MagnetClipboard.isMagnet(text)) {
            openMagnet(text);
            box.selectAll();
            return;
        }
        if (live == null || !live.query().equals(text)) {
            replaceLive(text);
        }
        live = null;
        box.selectAll();
    }

    /** Each edit of the box: our library answers at once; the network is asked when typing pauses. */
    private void typed(String text) {
        int edit = ++edits;
        cancelPause.run();
        if (text.isEmpty() || MagnetClipboard.isMagnet(text)) {
            matches.clear();
            if (text.isEmpty() && live != null) {
                closeSearch(searches.indexOfComponent(live));
            }
            return;
        }
        ctx.background().await(ctx.node().searchLibrary(text, LibraryMatches.MAX), files -> {
            if (edit == edits) {
                matches.show(text, files);
            }
        }, e -> matches.clear());
        cancelPause = ctx.timer().after(TYPING_PAUSE_MILLIS, () -> {
            if (live == null || !live.query().equals(text)) {
                replaceLive(text);
            }
        });
    }

    /** Opens a tab searching {@code text} in place of the live one, whose search is closed. */
    private void replaceLive(String text) {
        int at = live == null ? searches.getTabCount() : searches.indexOfComponent(live);
        if (live != null) {
            closeSearch(at);
        }
        SearchTab tab = new SearchTab(ctx, text, this);
        searches.insertTab(tab.title(), null, tab, null, Math.min(at, searches.getTabCount()));
        searches.setSelectedComponent(tab);
        cards.show(body, RESULTS);
        live = tab;
        tab.start();
    }

    /** Downloads the file of the magnet link in the clipboard, or says there is none. */
    @Override
    public void paste() {
        MagnetClipboard.paste().ifPresentOrElse(this::openMagnet,
                () -> ctx.notice("The clipboard holds no magnet link (copy one that starts with magnet:?)"));
    }

    /** Starts the download a magnet link names: pasted, typed, or handed to the app by the system. */
    void openMagnet(String link) {
        ctx.magnets().open(link);
    }

    /** Stops the search whose results are showing. */
    void stopSearch() {
        if (searches.getSelectedComponent() instanceof SearchTab tab) {
            tab.stop();
        }
    }

    SearchTab selectedSearch() {
        return searches.getSelectedComponent() instanceof SearchTab tab ? tab : null;
    }

    /** Opens a tab listing everything a host shares, beside the searches. */
    void browse(BrowseTab.Target target) {
        BrowseTab tab = new BrowseTab(ctx, target, this::retitle);
        searches.addTab(tab.title(), tab);
        searches.setToolTipTextAt(searches.indexOfComponent(tab), "Everything " + target.title() + " shares");
        searches.setSelectedComponent(tab);
        cards.show(body, RESULTS);
        tab.start();
    }

    private void retitle(BrowseTab tab) {
        int i = searches.indexOfComponent(tab);
        if (i >= 0) {
            searches.setTitleAt(i, tab.title());
        }
    }

    BrowseTab selectedBrowse() {
        return searches.getSelectedComponent() instanceof BrowseTab tab ? tab : null;
    }

    @Override
    public void resultsChanged(SearchTab tab) {
        int i = searches.indexOfComponent(tab);
        if (i >= 0) {
            searches.setTitleAt(i, tab.title());
        }
    }

    @Override
    public void failed(SearchTab tab, String message) {
        int i = searches.indexOfComponent(tab);
        if (i >= 0) {
            closeSearch(i);
        }
        refuse("Cannot search: " + message);
    }

    /** Marks the box as wrong until it is edited, and says why in the status bar. */
    private void refuse(String message) {
        box.putClientProperty(FlatClientProperties.OUTLINE, FlatClientProperties.OUTLINE_ERROR);
        box.requestFocusInWindow();
        ctx.notice(message);
    }

    private void closeSearch(int index) {
        if (searches.getComponentAt(index) instanceof SearchTab tab) {
            if (tab == live) {
                live = null;
            }
            tab.close();
        } else if (searches.getComponentAt(index) instanceof BrowseTab tab) {
            tab.close();
        }
        searches.removeTabAt(index);
        if (searches.getTabCount() == 0) {
            cards.show(body, HINT);
        }
    }
}
