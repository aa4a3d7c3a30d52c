package dev.shoal.ui;

import static dev.shoal.ui.GuiChecks.find;
import static dev.shoal.ui.GuiChecks.lastNotice;
import static dev.shoal.ui.GuiChecks.onEdt;
import static dev.shoal.ui.GuiChecks.press;
import static dev.shoal.ui.GuiChecks.rows;
import static dev.shoal.ui.GuiChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatClientProperties;
import dev.shoal.node.api.BuildInfo;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeConfigFile;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTable;
import javax.swing.JTextField;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer does in the first hour with the app on a node of its own: connect by typing an
 * address and pressing Enter, mistype one, look at the About box, type a bad folder or peer into
 * the settings, share a file instead of a folder.
 */
@Tag("gui")
@NeedsDisplay
class NewcomerGuiTest {
    @TempDir
    Path home;
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
        app = GuiHarness.solo(home);
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
    void theConnectFieldConnectsOnEnterAndOutlinesAMistypedAddress() throws Exception {
        JLabel hint = (JLabel) find(app.frame, "searchHint");
        waitFor("the Search tab saying it is not connected", () -> GuiChecks.text(hint).contains("Not connected yet"));
        onEdt(() -> {
            app.frame.showTab(MainFrame.NETWORK);
            return null;
        });
        JTable peers = (JTable) find(app.frame, "peersTable");
        assertThat(rows(peers)).isZero();
        JTextField field = (JTextField) find(app.frame, "connectField");

        window.textBox("connectField").enterText("localhost").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the hint", () -> "Type a host and port, such as 127.0.0.1:6346".equals(lastNotice(app.frame)));
        assertThat(onEdt(() -> field.getClientProperty(FlatClientProperties.OUTLINE)))
                .isEqualTo(FlatClientProperties.OUTLINE_ERROR);

        try (ShoalNode friend = Shoal.start(NodeConfig.defaults(home.resolve("friend"))
                .withListen(new InetSocketAddress("127.0.0.1", 0)))) {
            window.textBox("connectField").deleteText();
            assertThat(onEdt(() -> field.getClientProperty(FlatClientProperties.OUTLINE))).as("cleared on edit").isNull();
            window.textBox("connectField").enterText("127.0.0.1:" + friend.listenAddress().getPort())
                    .pressAndReleaseKeys(KeyEvent.VK_ENTER);
            waitFor("the peer listed", () -> rows(peers) == 1);
            waitFor("the notice", () -> String.valueOf(lastNotice(app.frame)).startsWith("Connected to 127.0.0.1:"));
            assertThat(onEdt(() -> field.getText())).isEmpty();
            waitFor("the Search tab no longer saying so", () -> !GuiChecks.text(hint).contains("Not connected"));
        }
    }

    @Test
    void theAboutBoxShowsTheVersionFromTheBuildAndAddressesWithoutASlash() {
        javax.swing.JMenuItem about = window.menuItem("aboutMenu").target();
        javax.swing.SwingUtilities.invokeLater(about::doClick);
        DialogFixture dialog = window.dialog(new GenericTypeMatcher<>(javax.swing.JDialog.class) {
            @Override
            protected boolean isMatching(javax.swing.JDialog d) {
                return "About Shoal".equals(d.getTitle()) && d.isShowing();
            }
        }, GuiChecks.WAIT);
        dialog.label(new GenericTypeMatcher<>(JLabel.class) {
            @Override
            protected boolean isMatching(JLabel l) {
                return ("Shoal " + BuildInfo.version() + ", a Gnutella 0.6 file-sharing servent.").equals(l.getText());
            }
        }).requireVisible();
        String text = onEdt(() -> app.frame.aboutText());
        assertThat(text).contains("Listening on 127.0.0.1:" + app.node.listenAddress().getPort())
                .doesNotContain("/127.0.0.1");
        dialog.close();
    }

    @Test
    void settingsRefuseAFileAsDownloadsFolderAndAMistypedPeerThenSaveAndConnect() throws Exception {
        Path notAFolder = Files.writeString(home.resolve("notes.txt"), "x");
        javax.swing.JMenuItem item = window.menuItem("settingsMenu").target();
        javax.swing.SwingUtilities.invokeLater(item::doClick);
        robot.waitForIdle();
        DialogFixture dialog = window.dialog("settingsDialog");
        JTextField downloads = (JTextField) find(dialog.target(), "downloadsField");
        JTextField peersField = (JTextField) find(dialog.target(), "peersField");
        JLabel problem = (JLabel) find(dialog.target(), "settingsProblem");

        onEdt(() -> {
            downloads.setText(notAFolder.toString());
            return null;
        });
        press(dialog.button("saveSettings"));
        waitFor("the refusal", () -> GuiChecks.text(problem).equals(notAFolder + " is a file: choose a folder for downloads"));
        assertThat(onEdt(() -> dialog.target().isShowing())).isTrue();

        onEdt(() -> {
            downloads.setText(home.resolve("my downloads").toString());
            peersField.setText("127.0.0.1:6346, nonsense");
            return null;
        });
        press(dialog.button("saveSettings"));
        waitFor("the peer refused", () -> GuiChecks.text(problem).startsWith("Peers to join: Type a host and port"));

        try (ShoalNode friend = Shoal.start(NodeConfig.defaults(home.resolve("friend"))
                .withListen(new InetSocketAddress("127.0.0.1", 0)))) {
            onEdt(() -> {
                peersField.setText("127.0.0.1:" + friend.listenAddress().getPort());
                return null;
            });
            press(dialog.button("saveSettings"));
            waitFor("the dialog closed", () -> !onEdt(() -> dialog.target().isShowing()));
            waitFor("connected to the new peer at once", () -> app.node.peers().size() == 1);
            Path file = app.config.dataDir().resolve(NodeConfigFile.SETTINGS_FILE);
            NodeConfig saved = NodeConfigFile.read(file, app.config);
            assertThat(saved.peers()).extracting(InetSocketAddress::getPort)
                    .containsExactly(friend.listenAddress().getPort());
            assertThat(saved.downloadsDir()).isEqualTo(home.resolve("my downloads"));
        }
    }

    @Test
    void sharingAFileInsteadOfAFolderIsRefusedWithTheReason() throws Exception {
        Path file = Files.writeString(home.resolve("song.wav"), "x");
        onEdt(() -> {
            app.frame.showTab(MainFrame.LIBRARY);
            app.frame.library().addFolder(file);
            return null;
        });
        waitFor("the reason", () -> ("Cannot share " + file + ": it is a file, not a folder (share the folder it is in)")
                .equals(lastNotice(app.frame)));
        JList<?> folders = (JList<?>) find(app.frame, "sharedFolders");
        assertThat(onEdt(() -> folders.getModel().getSize())).isZero();
        assertThat(app.node.config().shares()).isEmpty();
    }
}
