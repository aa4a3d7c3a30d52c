package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatDarkLaf;
import dev.shoal.demo.DemoNetwork;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeConfigFile;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.swing.JTable;
import javax.swing.UIManager;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.data.TableCell;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the real window, joined to the demo's five loopback nodes, as a user would. */
@Tag("gui")
@NeedsDisplay
class DesktopAppGuiTest {
    private static final Timeout WAIT = Timeout.timeout(30, TimeUnit.SECONDS);

    private GuiHarness app;
    private Robot robot;
    private FrameFixture window;

    @BeforeAll
    static void failOnSwingOffTheEdt() {
        if (!GraphicsEnvironment.isHeadless()) {
            FailOnThreadViolationRepaintManager.install();
        }
    }

    @BeforeEach
    void open() throws Exception {
        app = GuiHarness.start(Theme.LIGHT, null);
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
    void searchStreamsGroupedResultsAndADownloadLandsVerified() throws Exception {
        window.textBox("searchField").enterText("ocean").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        JTableFixture results = window.table("resultsTable");
        waitFor("four sources for the ocean file", () -> rows(results.target()) == 1
                && Integer.valueOf(4).equals(value(results.target(), 0, SearchResultsModel.SOURCES)));
        assertThat(results.valueAt(TableCell.row(0).column(SearchResultsModel.NAME))).isEqualTo("ocean-waves-30s.wav");
        assertThat(results.valueAt(TableCell.row(0).column(SearchResultsModel.SIZE))).isEqualTo("1.3 MiB");
        String urn = GuiActionRunner.execute(() -> ((SearchResultsModel) results.target().getModel()).result(0).urn());

        window.textBox("resultFilter").enterText("zzz");
        waitFor("the filter hides the row", () -> rows(results.target()) == 0);
        window.textBox("resultFilter").deleteText();
        waitFor("the filter shows it again", () -> rows(results.target()) == 1);

        results.cell(TableCell.row(0).column(SearchResultsModel.NAME)).doubleClick();
        GuiChecks.showTab(window, "Transfers");
        JTableFixture downloads = window.table("downloadsTable");
        waitFor("the download to finish", () -> rows(downloads.target()) == 1
                && "Done".equals(value(downloads.target(), 0, DownloadsModel.STATE)));
        assertThat(GuiActionRunner.execute(() -> value(downloads.target(), 0, DownloadsModel.PROGRESS))).isEqualTo(1.0);

        Path file = app.config.downloadsDir().resolve("ocean-waves-30s.wav");
        assertThat(file).exists();
        assertThat(Hashes.sha1Urn(file)).isEqualToIgnoringCase(urn);
        assertThat(Files.mismatch(file, Path.of("samples/library/audio/ocean-waves-30s.wav"))).isEqualTo(-1);
        // The status bar says it is over: no "Downloading" notice outlives the download.
        waitFor("the end announced", () -> ("Downloaded ocean-waves-30s.wav (verified): " + file.toAbsolutePath())
                .equals(lastNotice()));
    }

    @Test
    void aFailedDownloadIsResumedByLookingForSourcesAgain() throws Exception {
        Path sample = Path.of("samples/library/audio/ocean-waves-30s.wav");
        String urn = Hashes.sha1Urn(sample);
        int refusing;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            refusing = s.getLocalPort();
        }
        // Its only source refuses connections: it fails after a few retries.
        app.node.download(urn, "ocean-waves-30s.wav", Files.size(sample),
                java.util.List.of(new dev.shoal.node.api.DownloadSource("127.0.0.1", refusing, 0, "x.wav")));
        GuiChecks.showTab(window, "Transfers");
        JTableFixture downloads = window.table("downloadsTable");
        waitFor("the download to fail", () -> rows(downloads.target()) == 1
                && String.valueOf(value(downloads.target(), 0, DownloadsModel.STATE)).startsWith("Failed"));

        downloads.selectRows(0);
        javax.swing.JButton resume = window.button("resumeButton").target();
        waitFor("Resume enabled for the failed row", () -> GuiActionRunner.execute(resume::isEnabled));
        javax.swing.SwingUtilities.invokeLater(resume::doClick);

        waitFor("the download to finish", () -> "Done".equals(value(downloads.target(), 0, DownloadsModel.STATE)));
        Path file = app.config.downloadsDir().resolve("ocean-waves-30s.wav");
        assertThat(Files.mismatch(file, sample)).isEqualTo(-1);
    }

    @Test
    void networkTabListsPeersConnectsByHandAndShowsDrops(@TempDir Path extra) throws Exception {
        GuiChecks.showTab(window, "Network");
        JTableFixture peers = window.table("peersTable");
        waitFor("the five demo peers", () -> rows(peers.target()) == DemoNetwork.NODES);
        assertThat(peers.valueAt(TableCell.row(0).column(PeersModel.AGENT))).startsWith("Shoal/");
        // The demo's ultrapeers connected back to the app when it asked, over TCP and by a UDP ping:
        // it knows it is reachable both ways.
        javax.swing.JLabel reach = window.label("reachLabel").target();
        waitFor("reachability", () -> reach.getText().contains(" \u00b7 reachable \u00b7 UDP reachable")
                && reach.getText().contains("seen as 127.0.0.1") && reach.getText().endsWith("port mapping: off"));
        try (ShoalNode newcomer = Shoal.start(NodeConfig.defaults(extra)
                .withListen(new InetSocketAddress("127.0.0.1", 0)))) {
            String address = "127.0.0.1:" + newcomer.listenAddress().getPort();
            // Typed keys can be lost on a busy machine: put the address in and press the button's action.
            javax.swing.text.JTextComponent field = window.textBox("connectField").target();
            GuiActionRunner.execute(() -> {
                field.setText(address);
                return null;
            });
            javax.swing.JButton connect = window.button("connectButton").target();
            javax.swing.SwingUtilities.invokeLater(connect::doClick);
            waitFor("a sixth peer", () -> rows(peers.target()) == DemoNetwork.NODES + 1);
            waitFor("the notice", () -> String.valueOf(lastNotice()).startsWith("Connected to 127.0.0.1:"));
        }
        JTableFixture drops = window.table("dropsTable");
        try (java.net.Socket nonsense = new java.net.Socket("127.0.0.1", app.node.listenAddress().getPort())) {
            nonsense.getOutputStream().write("HELLO?\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            nonsense.getInputStream().readAllBytes();
        }
        waitFor("the refused connection among the drops", () -> {
            for (int row = 0; row < rows(drops.target()); row++) {
                if ("first line neither Gnutella nor HTTP".equals(value(drops.target(), row, 1))) {
                    return "Connection refused".equals(value(drops.target(), row, 0))
                            && Long.valueOf(1).equals(value(drops.target(), row, 2));
                }
            }
            return false;
        });
    }

    @Test
    void libraryFolderIsSharedAndFiltered() throws Exception {
        GuiChecks.showTab(window, "Library");
        GuiActionRunner.execute(() -> app.frame.library().addFolder(Path.of("samples/library")));
        JTableFixture files = window.table("sharedFilesTable");
        waitFor("the twelve sample files", () -> rows(files.target()) == 12);
        window.label("libraryTotals").requireText("12 files, 1.7 MiB shared in 1 folder");
        window.textBox("libraryFilter").enterText("sonnet");
        waitFor("one sonnet", () -> rows(files.target()) == 1);
        window.label("statusShared").requireText("12 files shared (1.7 MiB)");
        Path settings = app.config.dataDir().resolve(NodeConfigFile.SETTINGS_FILE);
        waitFor("the folder saved in the settings", () -> Files.isRegularFile(settings)
                && Files.readString(settings).contains("samples"));
    }

    @Test
    void settingsAreSavedAndSayWhatNeedsARestart() throws Exception {
        choose("settingsMenu");
        DialogFixture dialog = window.dialog("settingsDialog");
        // Set the value itself: typed text can land beside the old digit ("47") on a busy machine.
        javax.swing.JSpinner slots = dialog.spinner("uploadSlotsSpinner").target();
        GuiActionRunner.execute(() -> slots.setValue(7));
        robot.waitForIdle();
        dialog.label("restartNote").requireText("Restart Shoal to apply: upload slots");
        // On the event thread: robot clicks on Save were lost while the dialog was still being laid out.
        GuiChecks.press(dialog.button("saveSettings"));
        Path file = app.config.dataDir().resolve(NodeConfigFile.SETTINGS_FILE);
        waitFor("the settings file", () -> Files.isRegularFile(file) && Files.readString(file).contains("upload-slots=7"));
        waitFor("the notice", () -> "Settings saved; restart Shoal to apply: upload slots".equals(lastNotice()));
        NodeConfig reread = NodeConfigFile.read(file, app.config);
        assertThat(reread.uploadSlots()).isEqualTo(7);
    }

    @Test
    void theRoleIsASettingTheAppStartsWithNextTime() throws Exception {
        assertThat(app.node.role()).as("the app runs as a leaf").isEqualTo(Role.LEAF);
        choose("settingsMenu");
        DialogFixture dialog = window.dialog("settingsDialog");
        dialog.comboBox("roleCombo").requireSelection("Leaf");
        javax.swing.JComboBox<?> role = dialog.comboBox("roleCombo").target();
        GuiActionRunner.execute(() -> role.setSelectedIndex(0));
        robot.waitForIdle();
        dialog.label("restartNote").requireText("Restart Shoal to apply: role");
        // On the event thread: robot clicks on Save were lost while the dialog was still being laid out.
        GuiChecks.press(dialog.button("saveSettings"));
        Path file = app.config.dataDir().resolve(NodeConfigFile.SETTINGS_FILE);
        waitFor("the settings file", () -> Files.isRegularFile(file) && Files.readString(file).contains("role=auto"));
        assertThat(NodeConfigFile.read(file, app.config).role()).isEqualTo(Role.AUTO);
    }

    @Test
    void themeSwitchIsAppliedAndRemembered() throws Exception {
        choose("theme-dark");
        waitFor("the dark look and feel", () -> UIManager.getLookAndFeel() instanceof FlatDarkLaf);
        waitFor("the choice saved", () -> UiPrefs.load(app.config.dataDir()).theme() == Theme.DARK);
        choose("theme-light");
        waitFor("the light look and feel again", () -> !(UIManager.getLookAndFeel() instanceof FlatDarkLaf));
    }

    /**
     * Fires a menu item's own action on the EDT, without waiting for it. Opening menus with the robot took up to 40 s when
     * the machine was busy (the menu hierarchy is searched with timeouts); the action is the same.
     */
    private void choose(String menuItem) {
        javax.swing.JMenuItem item = window.menuItem(menuItem).target();
        // Later, not now: the settings item opens a modal dialog, which would block this call.
        javax.swing.SwingUtilities.invokeLater(item::doClick);
        robot.waitForIdle();
    }

    /** The last notice, read from its tool tip because the text itself clears after a few seconds. */
    private String lastNotice() {
        javax.swing.JLabel notice = window.label("statusNotice").target();
        return GuiActionRunner.execute(() -> notice.getToolTipText());
    }

    private static int rows(JTable table) {
        return GuiActionRunner.execute(table::getRowCount);
    }

    private static Object value(JTable table, int viewRow, int modelColumn) {
        return GuiActionRunner.execute(() -> table.getModel().getValueAt(table.convertRowIndexToModel(viewRow),
                modelColumn));
    }

    private static void waitFor(String what, Callable<Boolean> check) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                try {
                    return check.call();
                } catch (Exception e) {
                    return false;
                }
            }
        }, WAIT);
    }
}
