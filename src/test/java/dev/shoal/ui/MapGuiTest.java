package dev.shoal.ui;

import static dev.shoal.ui.GuiChecks.find;
import static dev.shoal.ui.GuiChecks.onEdt;
import static dev.shoal.ui.GuiChecks.rows;
import static dev.shoal.ui.GuiChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.demo.DemoNetwork;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.PeerInfo;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.swing.JComboBox;
import javax.swing.JTable;
import javax.swing.JTextArea;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Map tab on the demo's loopback network: the app's leaf linked to five ultrapeers, drawn with
 * the layout library; a search picked in the map lights up the links it went to and the hits that
 * came back; a download picked there shows each source with what it is doing.
 */
@Tag("gui")
@NeedsDisplay
class MapGuiTest {
    /** About six seconds for the large file: the sources are caught sending. */
    private static final DemoNetwork.Spec SLOW = new DemoNetwork.Spec(6L << 20, 256L * 1024);

    private GuiHarness app;
    private FrameFixture window;

    @BeforeAll
    static void failOnSwingOffTheEdt() {
        if (!GraphicsEnvironment.isHeadless()) {
            FailOnThreadViolationRepaintManager.install();
        }
    }

    @BeforeEach
    void open() throws Exception {
        app = GuiHarness.start(Theme.LIGHT, null, SLOW, c -> c, n -> n);
        window = new FrameFixture(BasicRobot.robotWithCurrentAwtHierarchy(), app.frame);
        window.show();
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.cleanUp();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theMapShowsUsOurLinksAndTheHostsBeyondThemPlacedByTheLayout() {
        GuiChecks.showTab(window, "Map");
        MapView view = (MapView) find(app.frame, "networkMap");
        Set<String> peers = app.node.peers().stream().map(PeerInfo::address).collect(Collectors.toSet());
        waitFor("five links drawn", () -> links(view).size() == DemoNetwork.NODES);

        List<MapScene.Vertex> links = links(view);
        assertThat(links).extracting(MapScene.Vertex::title).containsExactlyInAnyOrderElementsOf(peers);
        assertThat(links).allSatisfy(v -> {
            assertThat(v.role().label()).isEqualTo("ultrapeer");
            assertThat(v.outgoing()).as("the app dialled them").isTrue();
            assertThat(v.detail()).startsWith("Shoal ").contains("\u2193").contains("\u2191");
        });
        MapScene.Vertex self = onEdt(() -> view.scene().vertex(MapScene.SELF));
        assertThat(self.title()).isEqualTo("You (leaf)");
        assertThat(self.detail()).isEqualTo("127.0.0.1:" + app.node.listenAddress().getPort());
        // Every vertex was given a place inside the view.
        assertThat(onEdt(() -> view.scene().vertices().size())).isEqualTo(onEdt(() -> view.placedCount()));
    }

    @Test
    void aHostBeyondOurLinksIsDrawnBehindThePeerThatNamedIt() throws Exception {
        Path root = app.network.root();
        try (ShoalNode far = ultrapeer(root.resolve("far"), List.of());
                ShoalNode near = ultrapeer(root.resolve("near"), List.of(far.listenAddress()))) {
            waitFor("near linked to far", () -> near.peers().size() == 1);
            GuiChecks.showTab(window, "Network");
            window.textBox("connectField").enterText("127.0.0.1:" + near.listenAddress().getPort())
                    .pressAndReleaseKeys(KeyEvent.VK_ENTER);
            GuiChecks.showTab(window, "Map");
            MapView view = (MapView) find(app.frame, "networkMap");
            String farAddress = "127.0.0.1:" + far.listenAddress().getPort();
            waitFor("far drawn beyond near", () -> onEdt(() -> view.scene().vertex("host:" + farAddress)) != null);

            MapScene.Vertex nearVertex = links(view).stream().filter(v -> v.title().equals("127.0.0.1:"
                    + near.listenAddress().getPort())).findFirst().orElseThrow();
            assertThat(onEdt(() -> view.scene().edges())).contains(new MapScene.Edge(nearVertex.id(),
                    "host:" + farAddress, MapScene.EdgeKind.SUGGESTED, false, ""));
            assertThat(onEdt(() -> view.scene().vertex("host:" + farAddress).kind())).isEqualTo(MapScene.Kind.BEYOND);
        }
    }

    /** An ultrapeer of the test's own on loopback, dialling {@code peers}. */
    private static ShoalNode ultrapeer(Path home, List<InetSocketAddress> peers) {
        return Shoal.start(NodeConfig.defaults(home).toBuilder().listen(new InetSocketAddress("127.0.0.1", 0))
                .role(Role.ULTRAPEER).peers(peers).build());
    }

    @Test
    void aSearchPickedInTheMapLightsUpTheLinksItReachedAndTheHitsThatCameBack() {
        window.textBox("searchField").enterText("shoal").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        JTableFixture results = window.table("resultsTable");
        waitFor("results", () -> rows(results.target()) >= 1);
        GuiChecks.showTab(window, "Map");
        waitFor("the search offered", () -> choice("Search: shoal") >= 0);
        window.comboBox("mapFocus").selectItem("Search: shoal");

        MapView view = (MapView) find(app.frame, "networkMap");
        waitFor("the links it was sent to lit up", () -> links(view).size() == DemoNetwork.NODES
                && links(view).stream().allMatch(MapScene.Vertex::highlighted));
        // Four demo nodes hold the large file; each answers once, most often straight to us.
        JTextArea details = (JTextArea) find(app.frame, "mapDetails");
        waitFor("the four responders listed", () -> onEdt(() -> details.getText()).contains("4 responders"));
        assertThat(onEdt(() -> details.getText())).startsWith("Asked 5 links:").contains("Shoal");
        assertThat(links(view)).anyMatch(v -> v.note().contains("from this peer"));
    }

    @Test
    void aDownloadPickedInTheMapShowsEachSourceWithWhatItIsDoing() {
        window.textBox("searchField").enterText("shoal").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        JTableFixture results = window.table("resultsTable");
        waitFor("the large file from four sources", () -> rows(results.target()) == 1);
        GuiChecks.doubleClickRow(results.target(), 0);
        GuiChecks.showTab(window, "Map");
        String name = app.network.bigFileName();
        waitFor("the download offered", () -> choice("Download: " + name) >= 0);
        window.comboBox("mapFocus").selectItem("Download: " + name);

        MapView view = (MapView) find(app.frame, "networkMap");
        waitFor("its four sources lit up with what they do", () -> links(view).stream()
                .filter(v -> v.highlighted() && (v.note().startsWith("sending at") || v.note().startsWith("slow source")
                        || v.note().equals("connecting") || v.note().equals("not needed now"))).count() == 4);
        JTextArea details = (JTextArea) find(app.frame, "mapDetails");
        assertThat(onEdt(() -> details.getText())).startsWith(name + ": ");
        JTable downloads = (JTable) find(app.frame, "downloadsTable");
        assertThat(downloads).isNotNull();
    }

    private static List<MapScene.Vertex> links(MapView view) {
        return onEdt(() -> view.scene().vertices().stream().filter(v -> v.kind() == MapScene.Kind.LINK).toList());
    }

    private int choice(String label) {
        return onEdt(() -> {
            JComboBox<?> box = (JComboBox<?>) find(app.frame, "mapFocus");
            for (int i = 0; i < box.getItemCount(); i++) {
                if (String.valueOf(box.getItemAt(i)).equals(label)) {
                    return i;
                }
            }
            return -1;
        });
    }
}
