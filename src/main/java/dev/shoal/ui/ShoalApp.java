package dev.shoal.ui;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalException;
import dev.shoal.node.api.ShoalNode;
import dev.shoal.protocol.HostPort;
import java.awt.Desktop;
import java.awt.Taskbar;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the desktop app: the node is started on the calling thread (never the EDT), then the
 * window is built on the EDT. Closing the window stops the node and ends the process.
 */
public final class ShoalApp {
    private static final Logger log = LoggerFactory.getLogger(ShoalApp.class);
    /** Held while the app runs: an unreachable channel would be closed by the GC, releasing the lock. */
    private static AutoCloseable dataFolderLock;

    private ShoalApp() {
    }

    /**
     * The everyday app: settings from {@code <dataDir>/settings.properties}, theme from {@code
     * ui.properties}. It runs as a leaf unless the settings say otherwise: a desktop is rarely up long
     * or reachable enough to serve leaves of its own.
     */
    public static void open(Path dataDir) {
        open(dataDir, List.of());
    }

    /**
     * The everyday app, downloading what {@code magnets} name once it is up. When the app already
     * runs on {@code dataDir}, the links are handed to it instead and this process ends.
     */
    public static void open(Path dataDir, List<String> magnets) {
        UiPrefs prefs = UiPrefs.load(dataDir);
        boolean dark = OsTheme.prefersDark();
        onEdt(() -> prefs.theme().install(dark));
        SettingsStore settings;
        try {
            settings = SettingsStore.forApp(dataDir);
        } catch (ShoalException e) {
            fail("Shoal cannot read its settings", e.getMessage());
            return;
        }
        try {
            dataFolderLock = StartupChecks.lockDataFolder(dataDir).orElse(null);
        } catch (IOException e) {
            fail("Shoal cannot use its data folder", dataDir.toAbsolutePath() + ": " + e.getMessage());
            return;
        }
        if (dataFolderLock == null && !magnets.isEmpty()) {
            handOver(dataDir, magnets);
            return;
        }
        if (dataFolderLock == null) {
            fail("Shoal is already running", "Shoal is already running with the data folder "
                    + dataDir.toAbsolutePath() + ".\nUse its window, or quit it before starting Shoal again.");
            return;
        }
        ShoalNode node = startOrFallBack(FirstRun.askOnce(settings));
        if (node != null) {
            show(node, settings, prefs, dark, null, magnets, () -> stopAndExit(node, () -> {
            }));
        }
    }

    /** Leaves the links for the app that runs on {@code dataDir} (it looks every second) and ends this process. */
    private static void handOver(Path dataDir, List<String> magnets) {
        try {
            MagnetInbox.drop(dataDir, magnets);
        } catch (IOException e) {
            fail("Shoal is already running", "Shoal is already running, and the magnet link could not be handed to it: "
                    + e.getMessage());
            return;
        }
        System.out.println("Shoal is already running: it downloads the magnet link (see its Transfers tab)");
        System.exit(0);
    }

    /**
     * The demo's window: a fresh node on a free loopback port in {@code dataDir}, connected to
     * {@code peers}. {@code afterClose} runs when the window is closed and the node stopped.
     */
    public static void openJoined(Path dataDir, List<InetSocketAddress> peers, String welcome, Runnable afterClose) {
        UiPrefs prefs = UiPrefs.load(dataDir);
        boolean dark = OsTheme.prefersDark();
        onEdt(() -> prefs.theme().install(dark));
        // A leaf, as the app always starts, that keeps a link to each of the peers it is given.
        NodeConfig defaults = NodeConfig.defaults(dataDir);
        NodeConfig config = defaults.toBuilder()
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .peers(peers)
                .role(Role.LEAF)
                .leafUltrapeers(Math.max(defaults.leafUltrapeers(), peers.size()))
                .downloadsDir(dataDir.resolve("downloads"))
                .build();
        ShoalNode node;
        try {
            node = Shoal.start(config);
        } catch (ShoalException e) {
            afterClose.run();
            fail("Shoal could not start", e.getMessage());
            return;
        }
        String note = "Downloads go to a temporary folder that is deleted when you close this window.";
        show(node, SettingsStore.of(config), prefs, dark, welcome == null ? null : welcome + "<br>" + note,
                List.of(), () -> stopAndExit(node, afterClose));
    }

    /** Builds the window for a running node; EDT only. Tests use it with their own nodes. */
    static MainFrame frame(ShoalNode node, SettingsStore settings, UiPrefs prefs, boolean osPrefersDark, String welcome,
            Runnable onClosed) {
        return frame(node, settings, prefs, osPrefersDark, welcome, UiTimer.SWING, onClosed);
    }

    static MainFrame frame(ShoalNode node, SettingsStore settings, UiPrefs prefs, boolean osPrefersDark, String welcome,
            UiTimer timer, Runnable onClosed) {
        AppContext ctx = new AppContext(node, settings, prefs, timer);
        return new MainFrame(ctx, osPrefersDark, welcome, onClosed);
    }

    private static void show(ShoalNode node, SettingsStore settings, UiPrefs prefs, boolean dark, String welcome,
            List<String> magnets, Runnable onClosed) {
        SwingUtilities.invokeLater(() -> {
            MainFrame f = frame(node, settings, prefs, dark, welcome, onClosed);
            if (Taskbar.isTaskbarSupported() && Taskbar.getTaskbar().isSupported(Taskbar.Feature.ICON_IMAGE)) {
                Taskbar.getTaskbar().setIconImage(AppIcon.draw(256));
            }
            handleMagnetLinks(f);
            f.setVisible(true);
            f.search().box().requestFocusInWindow();
            magnets.forEach(f.search()::openMagnet);
        });
    }

    /**
     * Where the system hands links to a running app as events (macOS, which does not pass them as
     * arguments), magnet links clicked elsewhere start their download here. Elsewhere they arrive
     * as arguments of a new launch ({@code Shoal 'magnet:?...'}), see {@link #open(Path, List)}.
     */
    private static void handleMagnetLinks(MainFrame f) {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.APP_OPEN_URI)) {
            return;
        }
        Desktop.getDesktop().setOpenURIHandler(event -> {
            String link = event.getURI().toString();
            SwingUtilities.invokeLater(() -> f.search().openMagnet(link));
        });
    }

    /** Starts the node; when its port is taken, offers a free port for this session instead of giving up. */
    private static ShoalNode startOrFallBack(NodeConfig config) {
        try {
            return Shoal.start(config);
        } catch (ShoalException e) {
            if (!StartupChecks.portTaken(config.listen())) {
                fail("Shoal could not start", e.getMessage());
                return null;
            }
            String where = HostPort.display(config.listen());
            AtomicInteger answer = new AtomicInteger(JOptionPane.NO_OPTION);
            onEdt(() -> answer.set(JOptionPane.showConfirmDialog(null, "Another program is using " + where
                    + ", the address Shoal is set to listen on.\n\nStart on a free port for this session?"
                    + " (Change the port in File \u2192 Settings.)",
                    "Shoal cannot start", JOptionPane.YES_NO_OPTION, JOptionPane.WARNING_MESSAGE)));
            if (answer.get() != JOptionPane.YES_OPTION) {
                System.exit(1);
                return null;
            }
            try {
                return Shoal.start(config.withListen(new InetSocketAddress(config.listen().getHostString(), 0)));
            } catch (ShoalException again) {
                fail("Shoal could not start", again.getMessage());
                return null;
            }
        }
    }

    /** Stops the node off the EDT so the window disappears at once, then ends the process. */
    private static void stopAndExit(ShoalNode node, Runnable afterClose) {
        Thread t = new Thread(() -> {
            try {
                node.close();
            } catch (RuntimeException e) {
                log.warn("stopping the node: {}", e.getMessage());
            }
            afterClose.run();
            System.exit(0);
        }, "shoal-ui-shutdown");
        t.start();
    }

    private static void fail(String title, String message) {
        onEdt(() -> JOptionPane.showMessageDialog(null, message, title, JOptionPane.ERROR_MESSAGE));
        System.exit(1);
    }

    private static void onEdt(Runnable r) {
        if (SwingUtilities.isEventDispatchThread()) {
            r.run();
            return;
        }
        try {
            SwingUtilities.invokeAndWait(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
