package dev.shoal.ui;

import static dev.shoal.ui.GuiChecks.find;
import static dev.shoal.ui.GuiChecks.onEdt;
import static dev.shoal.ui.GuiChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.FakeGWebCache;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeConfigFile;
import dev.shoal.node.api.Role;
import dev.shoal.node.portmap.FakeUpnpRouter;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Ping;
import java.awt.Window;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Network tab's lines about finding the network, the port mapping and the UDP port, and the
 * settings that govern them, each against a fake on 127.0.0.1: a GWebCache naming hosts nobody
 * listens on, a UPnP router, a UDP ping. No node here joins the real public network: the one that
 * "joins" has bootstrapping off or only the fake cache to ask.
 */
@Tag("gui")
@NeedsDisplay
class NetworkStatusGuiTest {
    @TempDir
    Path home;
    private GuiHarness app;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    private void showNetworkTab() {
        onEdt(() -> {
            app.frame.showTab(MainFrame.NETWORK);
            return null;
        });
    }

    private String label(String name) {
        JLabel l = (JLabel) find(app.frame, name);
        return onEdt(l::getText);
    }

    @Test
    void theNetworkTabShowsBootstrapProgressWithAFakeGWebCache() throws Exception {
        FakeGWebCache cache = FakeGWebCache.serving("/gwc", "H|127.0.0.1:1|5\nH|127.0.0.1:2|5\n");
        URI url = cache.url();
        try {
            app = GuiHarness.solo(home, c -> c.withRole(Role.LEAF)
                    .withBootstrap(c.bootstrap().withGWebCaches(List.of(url))));
            showNetworkTab();
            waitFor("bootstrap progress on the Network tab",
                    () -> label("bootstrapLabel").startsWith("bootstrapping: asked 1 cache, 2 hosts, 0 connected"));
            assertThat(label("statusBootstrap")).startsWith("bootstrapping: asked 1 cache, 2 hosts");
        } finally {
            cache.close();
        }
    }

    @Test
    void withNoCacheToAskBootstrapIsOffAndPortMappingToo() throws Exception {
        app = GuiHarness.solo(home);
        showNetworkTab();
        waitFor("bootstrap off", () -> "Bootstrap: off".equals(label("bootstrapLabel")));
        assertThat(label("reachLabel")).endsWith("port mapping: off");
        assertThat(label("statusBootstrap")).isEmpty();
    }

    @Test
    void theNetworkTabShowsThePortMappedOnAFakeRouterOnceThePublicNetworkIsJoined() throws Exception {
        try (FakeUpnpRouter router = new FakeUpnpRouter()) {
            app = GuiHarness.solo(home, c -> c.withPortMapping(true)
                    .withBootstrap(c.bootstrap().withJoinPublic(true).withEnabled(false))
                    .withTuning(c.tuning().withUpnpGateway(router.location())));
            int port = app.node.listenAddress().getPort();
            showNetworkTab();
            waitFor("the mapping on the Network tab", () -> label("reachLabel")
                    .endsWith("port mapping: mapped " + FakeUpnpRouter.EXTERNAL_IP + ":" + port + " (Fake Router)"));
            assertThat(router.mappings).hasSize(1);
        }
    }

    @Test
    void udpCountersMoveAfterAUdpPing() throws Exception {
        app = GuiHarness.solo(home);
        showNetworkTab();
        waitFor("no datagrams yet", () -> "UDP: 0 datagrams in, 0 out, 0 dropped".equals(label("udpLabel")));
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            probe.setSoTimeout(10_000);
            byte[] ping = MessageCodec.frame(Guid.random(), 1, 0, Ping.PLAIN).toBytes();
            probe.send(new DatagramPacket(ping, ping.length, app.node.listenAddress()));
            probe.receive(new DatagramPacket(new byte[4096], 4096));
            byte[] junk = {0x00};
            probe.send(new DatagramPacket(junk, junk.length, app.node.listenAddress()));
        }
        waitFor("the ping, its pong and the junk counted",
                () -> "UDP: 2 datagrams in, 1 out, 1 dropped".equals(label("udpLabel")));
    }

    @Test
    void settingsJoinThePublicNetworkTurnBootstrapOffAndMapThePortOnlyWhenJoined() throws Exception {
        app = GuiHarness.solo(home);
        SwingUtilities.invokeLater(() -> new SettingsDialog(app.frame, app.frame.context()).setVisible(true));
        waitFor("the settings dialog", () -> onEdt(() -> settingsDialog() != null));
        JDialog dialog = onEdt(NetworkStatusGuiTest::settingsDialog);
        JCheckBox join = (JCheckBox) find(dialog, "joinPublicToggle");
        JCheckBox bootstrap = (JCheckBox) find(dialog, "bootstrapToggle");
        JCheckBox mapping = (JCheckBox) find(dialog, "portMappingToggle");
        assertThat(onEdt(join::isSelected)).isFalse();
        assertThat(onEdt(bootstrap::isSelected)).isTrue();
        assertThat(onEdt(mapping::isEnabled)).as("port mapping waits for the public network").isFalse();

        onEdt(() -> {
            join.doClick();
            bootstrap.doClick();
            return null;
        });
        assertThat(onEdt(mapping::isEnabled)).isTrue();
        onEdt(() -> {
            mapping.doClick();
            return null;
        });
        JLabel note = (JLabel) find(dialog, "restartNote");
        assertThat(onEdt(note::getText))
                .isEqualTo("Restart Shoal to apply: public network, bootstrap, port mapping");
        onEdt(() -> {
            ((JButton) find(dialog, "saveSettings")).doClick();
            return null;
        });

        Path file = app.config.dataDir().resolve(NodeConfigFile.SETTINGS_FILE);
        waitFor("the settings file", () -> Files.isRegularFile(file)
                && Files.readString(file).contains("join-public=true"));
        NodeConfig saved = NodeConfigFile.read(file, app.config);
        assertThat(saved.bootstrap().joinPublic()).isTrue();
        assertThat(saved.bootstrap().enabled()).isFalse();
        assertThat(saved.mapsPort()).isTrue();
        assertThat(app.node.config().bootstrap().joinPublic()).as("the running node waits for a restart").isFalse();
    }

    private static JDialog settingsDialog() {
        for (Window w : Window.getWindows()) {
            if (w instanceof JDialog d && d.isShowing() && "settingsDialog".equals(d.getName())) {
                return d;
            }
        }
        return null;
    }
}
