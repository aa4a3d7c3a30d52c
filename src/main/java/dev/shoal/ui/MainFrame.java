package dev.shoal.ui;

import com.formdev.flatlaf.FlatLaf;
import dev.shoal.node.api.BuildInfo;
import dev.shoal.protocol.HostPort;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.ButtonGroup;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.WindowConstants;

/** The main window: five tabs (Search, Transfers, Library, Network, Map), a menu and a status bar. */
final class MainFrame extends JFrame {
    static final int SEARCH = 0;
    static final int TRANSFERS = 1;
    static final int LIBRARY = 2;
    static final int NETWORK = 3;
    static final int MAP = 4;

    private final AppContext ctx;
    private final boolean osPrefersDark;
    private final JTabbedPane tabs = new JTabbedPane();
    private final SearchPanel search;
    private final TransfersPanel transfers;
    private final LibraryPanel library;
    private final NetworkPanel network;
    private final MapPanel map;
    private final StatusBar status;

    /**
     * EDT only.
     *
     * @param welcome a line shown before the first search (the demo explains itself), or null
     * @param onClosed runs once the window is closed and the UI threads are stopped
     */
    MainFrame(AppContext ctx, boolean osPrefersDark, String welcome, Runnable onClosed) {
        super("Shoal");
        this.ctx = ctx;
        this.osPrefersDark = osPrefersDark;
        setName("shoalFrame");
        setIconImages(AppIcon.images());
        setTitle("Shoal \u2014 " + address());
        status = new StatusBar(ctx);
        ctx.setNoticeSink(status::notice);
        search = new SearchPanel(ctx, welcome);
        transfers = new TransfersPanel(ctx);
        library = new LibraryPanel(ctx);
        network = new NetworkPanel(ctx);
        map = new MapPanel(ctx);
        library.onTotals(status::setLibrary);
        ctx.setBrowseSink(target -> {
            tabs.setSelectedComponent(search);
            search.browse(target);
        });
        tabs.setName("mainTabs");
        tabs.addTab("Search", search);
        tabs.addTab("Transfers", transfers);
        tabs.addTab("Library", library);
        tabs.addTab("Network", network);
        tabs.addTab("Map", map);
        add(tabs, BorderLayout.CENTER);
        add(status, BorderLayout.SOUTH);
        setJMenuBar(menus());
        // Links a second launch handed over (a browser opening a magnet while Shoal runs).
        ctx.poller().subscribe(snapshot -> ctx.background().call(() -> MagnetInbox.take(ctx.node().config().dataDir()),
                links -> links.forEach(search::openMagnet)));

        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                map.stop();
                ctx.close();
                onClosed.run();
            }
        });
        Dimension screen = Toolkit.getDefaultToolkit().getScreenSize();
        setSize(Math.min(Widgets.px(1040), screen.width * 9 / 10), Math.min(Widgets.px(680), screen.height * 9 / 10));
        setMinimumSize(new Dimension(Widgets.px(640), Widgets.px(420)));
        setLocationRelativeTo(null);
    }

    private JMenuBar menus() {
        JMenuBar bar = new JMenuBar();
        int shortcut = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        JMenu file = new JMenu("File");
        file.setMnemonic(KeyEvent.VK_F);
        JMenuItem settings = new JMenuItem("Settings\u2026");
        settings.setName("settingsMenu");
        settings.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_COMMA, shortcut));
        settings.addActionListener(e -> new SettingsDialog(this, ctx).setVisible(true));
        JMenuItem spamList = new JMenuItem("Spam list\u2026");
        spamList.setName("spamListMenu");
        spamList.addActionListener(e -> new SpamListDialog(this, ctx).setVisible(true));
        JMenuItem openMagnet = new JMenuItem("Open magnet link from clipboard");
        openMagnet.setName("openMagnetMenu");
        openMagnet.addActionListener(e -> {
            showTab(SEARCH);
            search.paste();
        });
        JMenuItem downloads = new JMenuItem("Open downloads folder");
        downloads.addActionListener(e -> FolderOpener.open(this, ctx.background(), ctx.node().config().downloadsDir()));
        JMenuItem quit = new JMenuItem("Quit");
        quit.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_Q, shortcut));
        quit.addActionListener(e -> dispatchEvent(new WindowEvent(this, WindowEvent.WINDOW_CLOSING)));
        file.add(settings);
        file.add(spamList);
        file.add(openMagnet);
        file.add(downloads);
        file.addSeparator();
        file.add(quit);

        JMenu view = new JMenu("View");
        view.setMnemonic(KeyEvent.VK_V);
        JMenu theme = new JMenu("Theme");
        ButtonGroup group = new ButtonGroup();
        for (Theme t : Theme.values()) {
            JRadioButtonMenuItem item = new JRadioButtonMenuItem(t.label(), t == ctx.prefs().theme());
            item.setName("theme-" + t);
            item.addActionListener(e -> switchTheme(t));
            group.add(item);
            theme.add(item);
        }
        view.add(theme);
        for (int i = 0; i < tabs.getTabCount(); i++) {
            int index = i;
            JMenuItem go = new JMenuItem(tabs.getTitleAt(i));
            go.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_1 + i, shortcut));
            go.addActionListener(e -> showTab(index));
            view.add(go);
        }

        JMenu help = new JMenu("Help");
        JMenuItem about = new JMenuItem("About Shoal");
        about.setName("aboutMenu");
        about.addActionListener(e -> JOptionPane.showMessageDialog(this, aboutText(), "About Shoal",
                JOptionPane.INFORMATION_MESSAGE, new javax.swing.ImageIcon(AppIcon.draw(Widgets.px(64)))));
        help.add(about);
        bar.add(file);
        bar.add(view);
        bar.add(help);
        return bar;
    }

    /** What Help → About says: the version from the build, and where this node listens and keeps its data. */
    String aboutText() {
        return "Shoal " + BuildInfo.version() + ", a Gnutella 0.6 file-sharing servent.\n"
                + "Listening on " + address() + "\n"
                + "Data folder: " + ctx.node().config().dataDir().toAbsolutePath() + "\n"
                + "Downloads folder: " + ctx.node().config().downloadsDir().toAbsolutePath();
    }

    /** host:port without the slash InetSocketAddress.toString() puts in front. */
    private String address() {
        return HostPort.display(ctx.node().listenAddress());
    }

    void switchTheme(Theme theme) {
        ctx.prefs().setTheme(theme);
        ctx.background().run(ctx.prefs()::save);
        theme.install(osPrefersDark);
        FlatLaf.updateUI();
    }

    void showTab(int index) {
        tabs.setSelectedIndex(index);
    }

    AppContext context() {
        return ctx;
    }

    SearchPanel search() {
        return search;
    }

    TransfersPanel transfers() {
        return transfers;
    }

    LibraryPanel library() {
        return library;
    }

    NetworkPanel network() {
        return network;
    }
}
