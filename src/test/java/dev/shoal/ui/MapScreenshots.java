package dev.shoal.ui;

import static dev.shoal.ui.Screenshots.find;
import static dev.shoal.ui.Screenshots.shoot;

import dev.shoal.demo.DemoNetwork;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JComboBox;
import javax.swing.JTabbedPane;
import javax.swing.JTable;

/**
 * Writes the Map tab's PNGs to {@code docs/screenshots/}: the network alone (light and dark), a
 * search's reach and a download's sources. The demo network, plus two ultrapeers of its own so
 * that a host beyond our links shows. Run it as {@link Screenshots} is run, under a display.
 */
public final class MapScreenshots {
    private MapScreenshots() {
    }

    /** The large file takes about twelve seconds, so the sources are caught sending. */
    private static final DemoNetwork.Spec SPEC = new DemoNetwork.Spec(12L << 20, 256L * 1024);

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        try (GuiHarness h = GuiHarness.start(Theme.LIGHT, null, SPEC, c -> c, n -> n)) {
            Path root = h.network.root();
            try (ShoalNode far = ultrapeer(root.resolve("far"), List.of());
                    ShoalNode near = ultrapeer(root.resolve("near"), List.of(far.listenAddress()))) {
                settle(1000);
                h.node.connect(near.listenAddress()).get();
                GuiHarness.onEdt(() -> {
                    h.frame.setSize(Widgets.px(1040), Widgets.px(640));
                    h.frame.setVisible(true);
                    h.frame.showTab(MainFrame.MAP);
                });
                settle(2500);
                shoot(h.frame, out.resolve("map-light.png"));
                GuiHarness.onEdt(() -> h.frame.switchTheme(Theme.DARK));
                settle(1500);
                shoot(h.frame, out.resolve("map-dark.png"));
                GuiHarness.onEdt(() -> h.frame.switchTheme(Theme.LIGHT));

                GuiHarness.onEdt(() -> {
                    h.frame.search().box().setText("shoal");
                    h.frame.search().startSearch();
                });
                settle(2500);
                pick(h, "Search: shoal");
                settle(2000);
                shoot(h.frame, out.resolve("map-search-light.png"));

                GuiHarness.onEdt(() -> {
                    var tabs = (JTabbedPane) find(h.frame, "searchTabs");
                    JTable table = (JTable) find(tabs.getSelectedComponent(), "resultsTable");
                    table.setRowSelectionInterval(0, 0);
                    ((SearchTab) tabs.getSelectedComponent()).downloadSelected();
                });
                settle(2500);
                pick(h, "Download: " + h.network.bigFileName());
                settle(3000);
                shoot(h.frame, out.resolve("map-download-light.png"));
            }
        }
        System.exit(0);
    }

    private static void pick(GuiHarness h, String label) throws InterruptedException {
        GuiHarness.onEdt(() -> {
            JComboBox<?> box = (JComboBox<?>) find(h.frame, "mapFocus");
            for (int i = 0; i < box.getItemCount(); i++) {
                if (String.valueOf(box.getItemAt(i)).equals(label)) {
                    box.setSelectedIndex(i);
                }
            }
        });
    }

    private static ShoalNode ultrapeer(Path home, List<InetSocketAddress> peers) {
        return Shoal.start(NodeConfig.defaults(home).toBuilder().listen(new InetSocketAddress("127.0.0.1", 0))
                .downloadsDir(home.resolve("downloads")).role(Role.ULTRAPEER).peers(peers).build());
    }

    private static void settle(long millis) throws InterruptedException {
        Thread.sleep(millis);
        GuiHarness.onEdt(() -> {
        });
    }
}
