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
import dev.shoal.node.api.DownloadSource;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.SharedFileInfo;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import javax.swing.JTable;

/**
 * Writes a PNG of every tab of the real app, in light and dark, to {@code docs/screenshots/}.
 * Run under a display (Xvfb is fine) from the project folder:
 * {@code xvfb-run -a -s "-screen 0 1280x1024x24" java -cp target/classes:target/test-classes:<deps> dev.shoal.ui.Screenshots}
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        ImageIO.write(AppIcon.draw(128), "png", out.resolve("icon.png").toFile());
        String welcome = "<b>Welcome to the Shoal demo.</b> 5 nodes on 127.0.0.1 share 12 files.<br>"
                + "Try searching for <b>ocean</b>, <b>sonnet</b> or <b>mandelbrot</b>.";
        try (GuiHarness h = GuiHarness.start(Theme.LIGHT, welcome)) {
            GuiHarness.onEdt(() -> {
                h.frame.setSize(Widgets.px(1040), Widgets.px(640));
                h.frame.setVisible(true);
            });
            settle(1500);
            shoot(h.frame, out.resolve("welcome-light.png"));
            for (String q : List.of("wav", "txt", "ocean")) {
                GuiHarness.onEdt(() -> {
                    h.frame.search().box().setText(q);
                    h.frame.search().startSearch();
                });
                settle(1500);
            }
            GuiHarness.onEdt(() -> h.frame.library().addFolder(Path.of("samples/library")));
            settle(2000);
            h.node.libraryReady().get(30, java.util.concurrent.TimeUnit.SECONDS);
            // Another peer fetches a few of our files so the uploads table has something to show.
            ShoalNode fan = Shoal.start(NodeConfig.defaults(h.network.root().resolve("fan"))
                    .withListen(new java.net.InetSocketAddress("127.0.0.1", 0)));
            for (SharedFileInfo f : h.node.sharedFiles().stream().filter(f -> f.size() > 10_000).toList()) {
                fan.download(f.urn(), f.name(), f.size(), List.of(new DownloadSource("127.0.0.1",
                        h.node.listenAddress().getPort(), f.index(), f.name())));
            }
            // Download every result of the "txt" search so the transfers table has a few rows.
            GuiHarness.onEdt(() -> {
                var tabs = (javax.swing.JTabbedPane) find(h.frame, "searchTabs");
                tabs.setSelectedIndex(1);
                JTable table = (JTable) find(tabs.getSelectedComponent(), "resultsTable");
                table.selectAll();
                ((SearchTab) tabs.getSelectedComponent()).downloadSelected();
                tabs.setSelectedIndex(0);
                JTable wavs = (JTable) find(tabs.getSelectedComponent(), "resultsTable");
                wavs.setRowSelectionInterval(0, 0);
                ((SearchTab) tabs.getSelectedComponent()).downloadSelected();
            });
            settle(6000);
            fan.close();
            for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
                GuiHarness.onEdt(() -> h.frame.switchTheme(theme));
                String suffix = "-" + theme.name().toLowerCase(Locale.ROOT) + ".png";
                String[] names = {"search", "transfers", "library", "network"};
                for (int tab = 0; tab < names.length; tab++) {
                    int index = tab;
                    GuiHarness.onEdt(() -> h.frame.showTab(index));
                    settle(700);
                    shoot(h.frame, out.resolve(names[tab] + suffix));
                }
                SettingsDialog dialog = GuiHarness.onEdt(() -> {
                    SettingsDialog d = new SettingsDialog(h.frame, h.frame.context());
                    d.setModal(false);
                    d.setVisible(true);
                    return d;
                });
                settle(500);
                shoot(dialog, out.resolve("settings" + suffix));
                GuiHarness.onEdt(dialog::dispose);
            }
        }
        System.exit(0);
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
