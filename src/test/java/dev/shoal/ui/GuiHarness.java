package dev.shoal.ui;

import dev.shoal.demo.DemoNetwork;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import java.lang.reflect.InvocationTargetException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javax.swing.SwingUtilities;

/**
 * The real app joined to a real loopback network: the demo's five nodes, a GUI node connected to
 * all of them, and the main window built on the EDT. Closing it stops everything it started.
 */
final class GuiHarness implements AutoCloseable {
    final DemoNetwork network;
    final ShoalNode node;
    final NodeConfig config;
    final MainFrame frame;
    /** Every GUI test also checks that the window made no waiting call into the node on the EDT. */
    final EdtCallWatch edtCalls;

    private GuiHarness(DemoNetwork network, ShoalNode node, NodeConfig config, MainFrame frame,
            EdtCallWatch edtCalls) {
        this.network = network;
        this.node = node;
        this.config = config;
        this.frame = frame;
        this.edtCalls = edtCalls;
    }

    /** A large file of twelve 512 KiB pieces from four nodes at 2 MiB/s each: a second, enough to see it swarm. */
    static final DemoNetwork.Spec SMALL_DEMO = new DemoNetwork.Spec(6L << 20, 2L << 20);

    static GuiHarness start(Theme theme, String welcome) throws Exception {
        return start(theme, welcome, SMALL_DEMO, c -> c, n -> n);
    }

    /**
     * @param tune changes the GUI node's config (a short query lifetime, say)
     * @param wrap what the window sees of the node (a test may watch its calls)
     */
    static GuiHarness start(Theme theme, String welcome, DemoNetwork.Spec spec, UnaryOperator<NodeConfig> tune,
            UnaryOperator<ShoalNode> wrap) throws Exception {
        return start(theme, welcome, spec, tune, wrap, UiTimer.SWING);
    }

    /** @param timer the window's delays (typing pauses), moved by hand when a test passes its own */
    static GuiHarness start(Theme theme, String welcome, DemoNetwork.Spec spec, UnaryOperator<NodeConfig> tune,
            UnaryOperator<ShoalNode> wrap, UiTimer timer) throws Exception {
        DemoNetwork network = DemoNetwork.start(Path.of("").toAbsolutePath(), spec);
        Path home = network.root().resolve("gui");
        // A leaf with room for a link to every demo node, and one more connected by hand.
        NodeConfig config = tune.apply(NodeConfig.defaults(home.resolve("data")).toBuilder()
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .peers(network.addresses())
                .role(Role.LEAF)
                .leafUltrapeers(DemoNetwork.NODES + 1)
                .downloadsDir(home.resolve("downloads"))
                .build());
        ShoalNode node = Shoal.start(config);
        long deadline = System.currentTimeMillis() + 20_000;
        while (node.peers().size() < DemoNetwork.NODES && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        return open(network, node, wrap.apply(node), config, theme, welcome, timer);
    }

    /** The app on a node of its own, with no network (for tests about the library). */
    static GuiHarness solo(Path home) throws Exception {
        return solo(home, c -> c);
    }

    static GuiHarness solo(Path home, UnaryOperator<NodeConfig> tune) throws Exception {
        NodeConfig config = tune.apply(NodeConfig.defaults(home.resolve("data"))
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withDownloadsDir(home.resolve("downloads")));
        ShoalNode node = Shoal.start(config);
        return open(null, node, node, config, Theme.LIGHT, null, UiTimer.SWING);
    }

    private static GuiHarness open(DemoNetwork network, ShoalNode node, ShoalNode seen, NodeConfig config,
            Theme theme, String welcome, UiTimer timer) throws Exception {
        UiPrefs prefs = UiPrefs.load(config.dataDir());
        prefs.setTheme(theme);
        EdtCallWatch watch = EdtCallWatch.of(seen);
        MainFrame frame = onEdt(() -> {
            theme.install(false);
            return ShoalApp.frame(watch.proxy(), SettingsStore.of(config), prefs, false, welcome, timer, () -> {
            });
        });
        return new GuiHarness(network, node, config, frame, watch);
    }

    static <T> T onEdt(Callable<T> work) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    result.set(work.call());
                } catch (Exception e) {
                    failure.set(e);
                }
            });
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return result.get();
    }

    static void onEdt(Runnable work) throws InterruptedException {
        onEdt(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public void close() throws Exception {
        onEdt(frame::dispose);
        node.close();
        if (network != null) {
            network.close();
        }
        if (!edtCalls.onEdt.isEmpty()) {
            throw new AssertionError("the window called the node on the event thread: " + edtCalls.onEdt);
        }
    }
}
