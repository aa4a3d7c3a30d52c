package dev.shoal.ui;

import static dev.shoal.ui.GuiChecks.find;
import static dev.shoal.ui.GuiChecks.onEdt;
import static dev.shoal.ui.GuiChecks.rows;
import static dev.shoal.ui.GuiChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.demo.DemoNetwork;
import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import dev.shoal.node.api.NodeConfigFile;
import dev.shoal.node.api.SearchResult;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.swing.JCheckBox;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.data.TableCell;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browse host from the window: from a search result's row and from a peer in the Network tab, a
 * tab lists everything that host shares and a file downloads from it; our own list is shown as
 * others receive it, and turning browsing off in Settings makes that a refusal.
 */
@Tag("gui")
@NeedsDisplay
class BrowseHostGuiTest {
    @TempDir
    Path temp;
    private GuiHarness app;
    private Robot robot;
    private FrameFixture window;

    @BeforeAll
    static void failOnSwingOffTheEdt() {
        if (!GraphicsEnvironment.isHeadless()) {
            FailOnThreadViolationRepaintManager.install();
        }
    }

    private void open(GuiHarness harness) {
        app = harness;
        robot = BasicRobot.robotWithCurrentAwtHierarchy();
        window = new FrameFixture(robot, app.frame);
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
    void aSearchResultsHostIsBrowsedAndAFileFromItsListDownloads() throws Exception {
        open(GuiHarness.start(Theme.LIGHT, null));
        window.textBox("searchField").enterText("txt").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        JTableFixture results = window.table("resultsTable");
        waitFor("results", () -> rows(results.target()) > 0);

        GuiChecks.choose(results.showPopupMenuAt(TableCell.row(0).column(SearchResultsModel.NAME)).menuItem("browseHostItem"));

        BrowseTab tab = waitForBrowseTab();
        String host = tab.getName().substring("browseTab:".length());
        int shared = sharedBy(host);
        waitFor("the whole list", () -> onEdt(tab::summary).equals(shared + " files from " + host));
        JTableFixture files = new JTableFixture(robot, (JTable) find(tab, "browseTable"));
        assertThat(rows(files.target())).isEqualTo(shared);
        javax.swing.JTabbedPane tabs = (javax.swing.JTabbedPane) find(app.frame, "searchTabs");
        assertThat(onEdt(() -> tabs.getTitleAt(tabs.indexOfComponent(tab)))).isEqualTo(host + " (" + shared + ")");

        int row = rowNotYetHere(files.target());
        SearchResult chosen = onEdt(() -> tab.model().result(files.target().convertRowIndexToModel(row)));
        GuiChecks.doubleClickRow(files.target(), row);
        waitFor("the download done", () -> app.node.downloads().stream().map(d -> d.info())
                .anyMatch(d -> d.name().equals(chosen.name()) && d.state() == DownloadState.DONE));
        DownloadInfo done = app.node.downloads().stream().map(d -> d.info()).filter(d -> d.name().equals(chosen.name()))
                .findFirst().orElseThrow();
        assertThat(Files.size(Path.of(done.path()))).isEqualTo(chosen.size());
    }

    @Test
    void aPeerInTheNetworkTabIsBrowsedFromItsRow() throws Exception {
        open(GuiHarness.start(Theme.LIGHT, null));
        GuiChecks.showTab(window, "Network");
        JTableFixture peers = window.table("peersTable");
        waitFor("the demo's peers listed", () -> rows(peers.target()) == DemoNetwork.NODES);
        String peer = String.valueOf(peers.valueAt(TableCell.row(0).column(PeersModel.ADDRESS)));

        GuiChecks.choose(peers.showPopupMenuAt(TableCell.row(0).column(PeersModel.ADDRESS)).menuItem("browsePeerItem"));

        BrowseTab tab = waitForBrowseTab();
        assertThat(tab.getName()).isEqualTo("browseTab:" + peer);
        int shared = sharedBy(peer);
        waitFor("the whole list", () -> onEdt(tab::summary).equals(shared + " files from " + peer));
        assertThat(onEdt(() -> window.tabbedPane("mainTabs").target().getSelectedIndex())).as("the Search tab")
                .isZero();
    }

    @Test
    void whatOthersSeeIsOurListOverTheWireAndTurningBrowsingOffInSettingsRefusesIt() throws Exception {
        Path share = Files.createDirectories(temp.resolve("share"));
        Files.writeString(share.resolve("my notes.txt"), "notes");
        Files.writeString(share.resolve("holiday.ogg"), "sound".repeat(400));
        open(GuiHarness.solo(temp.resolve("home"), c -> c.withShares(List.of(share))));
        app.node.libraryReady().get();
        GuiChecks.showTab(window, "Library");

        pressWhatOthersSee();

        BrowseTab tab = waitForBrowseTab();
        String self = "127.0.0.1:" + app.node.listenAddress().getPort();
        waitFor("our list", () -> onEdt(tab::summary).equals("2 files from What others see"));
        List<String> names = onEdt(() -> List.of(tab.model().result(0).name(), tab.model().result(1).name()));
        assertThat(names).containsExactlyInAnyOrder("my notes.txt", "holiday.ogg");
        assertThat(onEdt(() -> tab.model().result(0).hits().get(0).host() + ":" + tab.model().result(0).hits().get(0)
                .port())).isEqualTo(self);

        JCheckBox toggle = settingsToggle();
        assertThat(onEdt(toggle::isSelected)).isTrue();
        DialogFixture dialog = window.dialog("settingsDialog");
        GuiActionRunner.execute(() -> toggle.setSelected(false));
        // Pressed on the event thread: a robot's click can be lost on a loaded machine (CI saw it).
        GuiChecks.press(dialog.button("saveSettings"));
        waitFor("the dialog closed", () -> !GuiActionRunner.execute(() -> dialog.target().isShowing()));
        waitFor("browsing turned off", () -> !app.node.config().browseHost());
        Path file = app.config.dataDir().resolve(NodeConfigFile.SETTINGS_FILE);
        waitFor("the setting saved", () -> Files.readString(file).contains("browse-host=false"));

        GuiChecks.showTab(window, "Library");
        pressWhatOthersSee();
        waitFor("a second tab", () -> onEdt(() -> ((javax.swing.JTabbedPane) find(app.frame, "searchTabs"))
                .getTabCount()) == 2);
        BrowseTab refused = waitForBrowseTab();
        waitFor("the refusal", () -> onEdt(refused::summary).equals("Cannot browse " + self
                + ": the host refused to be browsed (403 Browse Host Disabled)"));
    }

    private JCheckBox settingsToggle() {
        javax.swing.JMenuItem item = window.menuItem("settingsMenu").target();
        SwingUtilities.invokeLater(item::doClick);
        robot.waitForIdle();
        return window.dialog("settingsDialog").checkBox("browseHostToggle").target();
    }

    private BrowseTab waitForBrowseTab() {
        waitFor("a browse tab", () -> onEdt(() -> app.frame.search().selectedBrowse()) != null);
        return onEdt(() -> app.frame.search().selectedBrowse());
    }

    /** How many files the demo node listening at {@code host} shares: those in its folder. */
    private int sharedBy(String host) throws Exception {
        int port = Integer.parseInt(host.substring(host.lastIndexOf(':') + 1));
        int n = app.network.addresses().stream().map(a -> a.getPort()).toList().indexOf(port);
        assertThat(n).as("a demo node").isNotNegative();
        try (Stream<Path> files = Files.walk(app.network.root().resolve("node-" + (n + 1)).resolve("share"))) {
            return (int) files.filter(Files::isRegularFile).count();
        }
    }

    /** A row of a file this node neither shares nor has downloaded. */
    private int rowNotYetHere(JTable table) {
        return onEdt(() -> {
            SearchResultsModel model = (SearchResultsModel) table.getModel();
            for (int row = 0; row < table.getRowCount(); row++) {
                if (model.mark(table.convertRowIndexToModel(row)) == FileMarks.Mark.NONE) {
                    return row;
                }
            }
            throw new AssertionError("every file listed is here already");
        });
    }

    /** Pressed on the event thread: the tab just selected may not be laid out for a robot click yet. */
    private void pressWhatOthersSee() {
        javax.swing.JButton button = (javax.swing.JButton) find(app.frame, "whatOthersSeeButton");
        onEdt(() -> {
            button.doClick();
            return null;
        });
    }
}
