package dev.shoal.ui;

import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import dev.shoal.demo.DemoNetwork;
import dev.shoal.node.api.DownloadSource;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.SharedFileInfo;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import dev.shoal.node.SpammingPeer;
import javax.swing.JTable;

/**
 * Writes a PNG of every tab of the real app, in light and dark, to {@code docs/screenshots/}.
 * Run under a display (Xvfb is fine) from the project folder:
 * {@code xvfb-run -a -s "-screen 0 1280x1024x24" java -cp target/classes:target/test-classes:<deps> dev.shoal.ui.Screenshots}
 */
public final class Screenshots {
    private Screenshots() {
    }

    /** A large file that takes about eight seconds to arrive, so the Transfers tab is caught mid-way. */
    private static final DemoNetwork.Spec SPEC = new DemoNetwork.Spec(32L << 20, 1L << 20);

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        ImageIO.write(AppIcon.draw(128), "png", out.resolve("icon.png").toFile());
        String welcome = "<b>Welcome to the Shoal demo.</b> 5 nodes on 127.0.0.1 share 13 files.<br>"
                + "Try searching for <b>shoal</b>, <b>sonnet</b> or <b>mandelbrot</b>.";
        try (GuiHarness h = GuiHarness.start(Theme.LIGHT, welcome, SPEC, c -> c, n -> n);
                SpammingPeer spammer = new SpammingPeer(h.node.listenAddress(),
                        q -> SpammingPeer.echoes(q, dev.shoal.protocol.Guid.random()))) {
            GuiHarness.onEdt(() -> {
                h.frame.setSize(Widgets.px(1040), Widgets.px(640));
                h.frame.setVisible(true);
            });
            settle(1500);
            shoot(h.frame, out.resolve("welcome-light.png"));
            for (String q : List.of("txt", "wav", "shoal")) {
                GuiHarness.onEdt(() -> {
                    h.frame.search().box().setText(q);
                    h.frame.search().startSearch();
                });
                // The node lets one search out every 3 s: each waits for its turn.
                settle(3200);
            }
            // The results before anything is shared or downloaded, so nothing is marked yet.
            GuiHarness.onEdt(() -> ((javax.swing.JTabbedPane) find(h.frame, "searchTabs")).setSelectedIndex(0));
            for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
                GuiHarness.onEdt(() -> h.frame.switchTheme(theme));
                settle(700);
                shoot(h.frame, out.resolve("search" + suffix(theme)));
            }
            GuiHarness.onEdt(() -> h.frame.switchTheme(Theme.LIGHT));
            // The spammer's two fakes for "txt", listed with their reasons.
            GuiHarness.onEdt(() -> ((javax.swing.JCheckBox) find(h.frame.search().selectedSearch(), "showHiddenToggle"))
                    .doClick());
            settle(700);
            shoot(h.frame, out.resolve("search-hidden-light.png"));
            GuiHarness.onEdt(() -> ((javax.swing.JCheckBox) find(h.frame.search().selectedSearch(), "showHiddenToggle"))
                    .doClick());
            h.node.spamList().add(dev.shoal.node.spam.HitSets.urn("payload"), "txt.mp3.exe");
            SpamListDialog spamList = GuiHarness.onEdt(() -> {
                SpamListDialog d = new SpamListDialog(h.frame, h.frame.context());
                d.setModal(false);
                d.setVisible(true);
                return d;
            });
            settle(700);
            shoot(spamList, out.resolve("spam-list-light.png"));
            GuiHarness.onEdt(spamList::dispose);
            // The large file from four throttled peers, and a small one.
            GuiHarness.onEdt(() -> {
                var tabs = (javax.swing.JTabbedPane) find(h.frame, "searchTabs");
                for (int i : new int[] {2, 1}) {
                    tabs.setSelectedIndex(i);
                    JTable table = (JTable) find(tabs.getSelectedComponent(), "resultsTable");
                    table.setRowSelectionInterval(0, 0);
                    ((SearchTab) tabs.getSelectedComponent()).downloadSelected();
                }
                h.frame.showTab(MainFrame.TRANSFERS);
            });
            settle(3500);
            GuiHarness.onEdt(() -> ((JTable) find(h.frame, "downloadsTable")).setRowSelectionInterval(0, 0));
            for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
                GuiHarness.onEdt(() -> h.frame.switchTheme(theme));
                settle(400);
                shoot(h.frame, out.resolve("transfers" + suffix(theme)));
            }
            GuiHarness.onEdt(() -> h.frame.library().addFolder(Path.of("samples/library")));
            h.node.libraryReady().get(30, java.util.concurrent.TimeUnit.SECONDS);
            settle(2000);
            // Another peer fetches a few of our files so the uploads table has something to show.
            ShoalNode fan = Shoal.start(NodeConfig.defaults(h.network.root().resolve("fan"))
                    .withListen(new java.net.InetSocketAddress("127.0.0.1", 0)));
            for (SharedFileInfo f : h.node.sharedFiles().stream().filter(f -> f.size() > 10_000).toList()) {
                fan.download(f.urn(), f.name(), f.size(), List.of(new DownloadSource("127.0.0.1",
                        h.node.listenAddress().getPort(), f.index(), f.name())));
            }
            settle(6000);
            fan.close();
            for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
                GuiHarness.onEdt(() -> h.frame.switchTheme(theme));
                for (int tab : new int[] {MainFrame.LIBRARY, MainFrame.NETWORK}) {
                    GuiHarness.onEdt(() -> h.frame.showTab(tab));
                    settle(700);
                    shoot(h.frame, out.resolve((tab == MainFrame.LIBRARY ? "library" : "network") + suffix(theme)));
                }
                SettingsDialog dialog = GuiHarness.onEdt(() -> {
                    SettingsDialog d = new SettingsDialog(h.frame, h.frame.context());
                    d.setModal(false);
                    d.setVisible(true);
                    return d;
                });
                settle(500);
                shoot(dialog, out.resolve("settings" + suffix(theme)));
                GuiHarness.onEdt(dialog::dispose);
            }
            GuiHarness.onEdt(() -> h.frame.switchTheme(Theme.LIGHT));
            typing(h, out);
            leftOut(h, out);
        }
        System.exit(0);
    }

    /** Search as you type: our library's matches under the box, and the live tab the pause opened. */
    private static void typing(GuiHarness h, Path out) throws Exception {
        GuiHarness.onEdt(() -> {
            h.frame.showTab(MainFrame.SEARCH);
            h.frame.search().box().setText("son");
        });
        settle(4000);
        shoot(h.frame, out.resolve("search-typing-light.png"));
    }

    /** A folder with a wallet, a key and a passport scan next to music: the dialog that lists what was left out. */
    private static void leftOut(GuiHarness h, Path out) throws Exception {
        Path folder = h.network.root().resolve("my-stuff");
        for (String name : List.of("music/harbour at dawn.mp3", "wallet.dat", "keys/id_ed25519",
                "papers/passport-scan.pdf", "papers/bank-statement-march.pdf")) {
            Files.createDirectories(folder.resolve(name).getParent());
            Files.writeString(folder.resolve(name), name);
        }
        GuiHarness.onEdt(() -> {
            h.frame.showTab(MainFrame.LIBRARY);
            h.frame.library().addFolder(folder);
        });
        settle(4000);
        java.awt.Window dialog = GuiHarness.onEdt(() -> java.util.Arrays.stream(java.awt.Window.getWindows())
                .filter(w -> "leftOutDialog".equals(w.getName()) && w.isShowing()).findFirst().orElseThrow());
        shoot(dialog, out.resolve("left-out-light.png"));
        GuiHarness.onEdt(dialog::dispose);
    }

    private static String suffix(Theme theme) {
        return "-" + theme.name().toLowerCase(Locale.ROOT) + ".png";
    }

    private static void settle(long millis) throws InterruptedException {
        Thread.sleep(millis);
        GuiHarness.onEdt(() -> {
        });
    }

    static Component find(Component root, String name) {
        if (name.equals(root.getName())) {
            return root;
        }
        if (root instanceof java.awt.Container c) {
            for (Component child : c.getComponents()) {
                Component found = find(child, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Paints the window's content (menu bar included; Xvfb has no window manager, so no title bar). */
    static void shoot(java.awt.Window window, Path file) throws Exception {
        BufferedImage img = GuiHarness.onEdt(() -> {
            javax.swing.JRootPane root = ((javax.swing.RootPaneContainer) window).getRootPane();
            BufferedImage i = new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = i.createGraphics();
            root.paint(g);
            g.dispose();
            return i;
        });
        try {
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot write " + file, e);
        }
        System.out.println(file + " " + Files.size(file) / 1024 + " KiB");
    }
}
