package dev.shoal.ui;

import static dev.shoal.ui.GuiChecks.lastNotice;
import static dev.shoal.ui.GuiChecks.onEdt;
import static dev.shoal.ui.GuiChecks.rows;
import static dev.shoal.ui.GuiChecks.value;
import static dev.shoal.ui.GuiChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.Download;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.event.KeyEvent;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.core.Robot;
import org.assertj.swing.data.TableCell;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.assertj.swing.util.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Magnet links out and in, as a user handles them: Ctrl/Cmd-C on a search result, a download or a
 * shared file copies its link (with our address when we share the file, which another servent
 * then fetches from); Ctrl/Cmd-V, Paste magnet, a link typed in the search box, or one handed over
 * by a second launch start the download.
 */
@Tag("gui")
@NeedsDisplay
class MagnetGuiTest {

    private GuiHarness app;
    private FrameFixture window;

    @TempDir
    Path home;

    @BeforeAll
    static void failOnSwingOffTheEdt() {
        if (!GraphicsEnvironment.isHeadless()) {
            FailOnThreadViolationRepaintManager.install();
        }
    }

    private void open(GuiHarness harness) {
        app = harness;
        Robot robot = BasicRobot.robotWithCurrentAwtHierarchy();
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
    void aResultsLinkIsCopiedAndPastedBackIntoADownloadWhoseLinkCopiesToo() throws Exception {
        open(GuiHarness.start(Theme.LIGHT, null));
        window.textBox("searchField").enterText("ocean").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        JTableFixture results = window.table("resultsTable");
        waitFor("the ocean file", () -> rows(results.target()) == 1);
        String urn = Hashes.sha1Urn(Path.of("samples/library/audio/ocean-waves-30s.wav"));
        String link = "magnet:?xt=" + urn + "&dn=ocean-waves-30s.wav&xl=1323044";

        GuiChecks.copyRow(results.target(), 0);
        waitFor("the link in the clipboard", () -> link.equals(clipboard()));
        assertThat(lastNotice(app.frame)).isEqualTo("Copied the magnet link of ocean-waves-30s.wav");

        results.pressAndReleaseKey(paste());
        waitFor("the download started", () -> String.valueOf(lastNotice(app.frame))
                .equals("Downloading ocean-waves-30s.wav from a magnet link: see Transfers"));
        GuiChecks.showTab(window, "Transfers");
        JTableFixture downloads = window.table("downloadsTable");
        waitFor("the download done", () -> rows(downloads.target()) == 1
                && "Done".equals(value(downloads.target(), 0, DownloadsModel.STATE)));
        assertThat(Files.size(app.config.downloadsDir().resolve("ocean-waves-30s.wav"))).isEqualTo(1_323_044);

        onEdt(() -> {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection("nothing"), null);
            return null;
        });
        GuiChecks.choose(downloads.showPopupMenuAt(TableCell.row(0).column(DownloadsModel.NAME)).menuItem("copyDownloadMagnetItem"));
        waitFor("the download's link", () -> link.equals(clipboard()));
    }

    @Test
    void aSharedFilesLinkNamesUsAndAnotherServentFetchesTheFileFromIt() throws Exception {
        Path share = Files.createDirectories(home.resolve("share"));
        Files.writeString(share.resolve("tide chart.txt"), "high water at noon");
        open(GuiHarness.solo(home, c -> c.withShares(List.of(share))));
        app.node.libraryReady().get(30, TimeUnit.SECONDS);
        GuiChecks.showTab(window, "Library");
        JTableFixture files = window.table("sharedFilesTable");
        waitFor("the shared file listed", () -> rows(files.target()) == 1);

        GuiChecks.copyRow(files.target(), 0);
        String urn = app.node.sharedFiles().get(0).urn();
        String link = "magnet:?xt=" + urn + "&dn=tide%20chart.txt&xl=18&xs=http://127.0.0.1:"
                + app.node.listenAddress().getPort() + "/uri-res/N2R?" + urn;
        waitFor("the link with our address", () -> link.equals(clipboard()));

        // Someone we are not connected to opens the link: our address in it is all they need.
        try (ShoalNode stranger = Shoal.start(NodeConfig.defaults(home.resolve("stranger"))
                .withListen(new InetSocketAddress("127.0.0.1", 0)).withDownloadsDir(home.resolve("got")))) {
            Download d = stranger.fetch(clipboard(), 1);
            assertThat(Files.readString(d.completion().get(30, TimeUnit.SECONDS))).isEqualTo("high water at noon");
        }
    }

    @Test
    void pasteMagnetTheSearchBoxAndASecondLaunchEachStartADownload() throws Exception {
        open(GuiHarness.start(Theme.LIGHT, null));
        String sonnet = magnet("poetry/Sonnet_18-William_Shakespeare.txt");
        String road = magnet("poetry/The_Road_Not_Taken-Robert_Frost.txt");
        String address = magnet("speeches/Gettysburg_Address-Abraham_Lincoln-1863.txt");

        onEdt(() -> {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection("see " + sonnet), null);
            return null;
        });
        window.button("pasteMagnetButton").click();
        window.textBox("searchField").enterText(road).pressAndReleaseKeys(KeyEvent.VK_ENTER);
        assertThat(onEdt(() -> app.frame.search().selectedSearch())).as("no search for a link").isNull();
        MagnetInbox.drop(app.config.dataDir(), List.of(address));

        GuiChecks.showTab(window, "Transfers");
        JTableFixture downloads = window.table("downloadsTable");
        waitFor("three downloads done", () -> rows(downloads.target()) == 3 && onEdt(() -> {
            for (int row = 0; row < 3; row++) {
                if (!"Done".equals(downloads.target().getModel().getValueAt(row, DownloadsModel.STATE))) {
                    return false;
                }
            }
            return true;
        }));
        assertThat(app.config.downloadsDir().resolve("Sonnet_18-William_Shakespeare.txt")).exists();
        assertThat(app.config.downloadsDir().resolve("The_Road_Not_Taken-Robert_Frost.txt")).exists();
        assertThat(app.config.downloadsDir().resolve("Gettysburg_Address-Abraham_Lincoln-1863.txt")).exists();
        assertThat(app.config.dataDir().resolve(MagnetInbox.FOLDER)).isEmptyDirectory();
    }

    @Test
    void aBrokenLinkOrAnEmptyClipboardIsExplained() throws Exception {
        open(GuiHarness.solo(home));
        onEdt(() -> {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection("just words"), null);
            return null;
        });
        window.button("pasteMagnetButton").click();
        waitFor("no link", () -> "The clipboard holds no magnet link (copy one that starts with magnet:?)"
                .equals(lastNotice(app.frame)));
        window.textBox("searchField").enterText("magnet:?dn=nothing").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the reason", () -> String.valueOf(lastNotice(app.frame))
                .startsWith("Cannot open the magnet link: not a usable magnet link"));
    }

    /** A link naming a sample file by its hash and name only: its sources are found by a hash query. */
    private static String magnet(String sample) throws Exception {
        Path file = Path.of("samples/library").resolve(sample);
        return "magnet:?xt=" + Hashes.sha1Urn(file) + "&dn=" + file.getFileName() + "&xl=" + Files.size(file);
    }

    private static String clipboard() {
        return onEdt(() -> {
            try {
                return String.valueOf(Toolkit.getDefaultToolkit().getSystemClipboard().getData(DataFlavor.stringFlavor));
            } catch (Exception e) {
                return null;
            }
        });
    }

    /** Ctrl-V, or Cmd-V on a Mac: asked of the toolkit when a test runs, never as the class loads (no display then). */
    private static KeyPressInfo paste() {
        return KeyPressInfo.keyCode(KeyEvent.VK_V).modifiers(Platform.controlOrCommandMask());
    }
}
