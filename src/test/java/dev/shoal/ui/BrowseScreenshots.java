package dev.shoal.ui;

import static dev.shoal.ui.Screenshots.shoot;

import dev.shoal.protocol.HostPort;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the PNGs of browse host to {@code docs/screenshots/}: a tab listing everything a demo
 * node shares, in light and dark. Run it as {@link Screenshots} is run, under a display.
 */
public final class BrowseScreenshots {
    private BrowseScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        try (GuiHarness h = GuiHarness.start(Theme.LIGHT, null, GuiHarness.SMALL_DEMO, c -> c, n -> n)) {
            // The first demo node shares the large file and a share of the small ones.
            InetSocketAddress host = h.network.addresses().get(0);
            GuiHarness.onEdt(() -> {
                h.frame.setSize(Widgets.px(1040), Widgets.px(640));
                h.frame.setVisible(true);
                h.frame.context().browse(BrowseTab.Target.of(new HostPort(host.getHostString(), host.getPort())));
            });
            settle(3000);
            for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
                GuiHarness.onEdt(() -> h.frame.switchTheme(theme));
                settle(700);
                shoot(h.frame, out.resolve("browse-" + theme.name().toLowerCase(Locale.ROOT) + ".png"));
            }
        }
        System.exit(0);
    }

    private static void settle(long millis) throws InterruptedException {
        Thread.sleep(millis);
        GuiHarness.onEdt(() -> {
        });
    }
}
