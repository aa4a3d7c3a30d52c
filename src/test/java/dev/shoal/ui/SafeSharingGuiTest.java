package dev.shoal.ui;

import static dev.shoal.ui.GuiChecks.find;
import static dev.shoal.ui.GuiChecks.rows;
import static dev.shoal.ui.GuiChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.LeftOutFile;
import dev.shoal.node.api.SharedFileInfo;
import dev.shoal.node.api.UserFolders;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JTable;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sharing from the Library tab: the home folder is refused in a dialog; a folder holding a wallet
 * and a passport scan next to music is shared without them, a dialog lists them, and a ticked one
 * is shared anyway.
 */
@Tag("gui")
@NeedsDisplay
class SafeSharingGuiTest {
    @TempDir
    Path home;
    private GuiHarness app;
    private FrameFixture window;
    private Robot robot;

    @BeforeAll
    static void failOnSwingOffTheEdt() {
        if (!GraphicsEnvironment.isHeadless()) {
            FailOnThreadViolationRepaintManager.install();
        }
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

    private void open() throws Exception {
        app = GuiHarness.solo(home);
        robot = BasicRobot.robotWithCurrentAwtHierarchy();
        window = new FrameFixture(robot, app.frame);
        window.show();
        GuiChecks.showTab(window, "Library");
    }

    @Test
    void theHomeFolderIsRefusedInADialogAndNothingIsShared() throws Exception {
        open();
        Path userHome = Files.createDirectories(UserFolders.current().home());
        GuiActionRunner.execute(() -> app.frame.library().addFolder(userHome));
        JOptionPaneFixture refusal = JOptionPaneFinder.findOptionPane().withTimeout(20_000).using(robot);
        refusal.requireWarningMessage().requireMessage("will not share your whole home folder " + userHome.toRealPath()
                + ": share the folders in it that hold what you mean to share, such as "
                + userHome.toRealPath().resolve("Music"));
        refusal.okButton().click();
        assertThat(app.node.config().shares()).isEmpty();
    }

    @Test
    void privateLookingFilesAreListedInADialogAndATickedOneIsSharedAnyway() throws Exception {
        Path folder = Files.createDirectories(home.resolve("stuff"));
        Files.writeString(folder.resolve("ocean waves.mp3"), "waves");
        Files.writeString(folder.resolve("wallet.dat"), "coins");
        Files.writeString(folder.resolve("passport-scan.pdf"), "me");
        open();
        GuiActionRunner.execute(() -> app.frame.library().addFolder(folder));

        DialogFixture dialog = window.dialog("leftOutDialog", org.assertj.swing.timing.Timeout.timeout(30_000));
        JTableFixture listed = dialog.table("leftOutTable");
        assertThat(rows(listed.target())).isEqualTo(2);
        assertThat(java.util.Arrays.stream(listed.contents()).map(row -> row[1] + " / " + row[2]))
                .containsExactlyInAnyOrder("wallet.dat / wallet", "passport-scan.pdf / identity document");
        // Found whether or not the robot deems it showing yet: the modal dialog above may still be settling.
        JTable shared = (JTable) find(app.frame, "sharedFilesTable");
        waitFor("only the music shared", () -> rows(shared) == 1);
        window.button("leftOutButton").requireText("2 files left out: they look private \u2014 Review\u2026");

        int wallet = listed.cell("wallet.dat").row();
        GuiActionRunner.execute(() -> listed.target().setValueAt(true, wallet, 0));
        dialog.button("shareAnywayButton").click();
        waitFor("the wallet shared anyway", () -> app.node.sharedFiles().stream().map(SharedFileInfo::name)
                .toList().contains("wallet.dat"));
        waitFor("the table too", () -> rows(shared) == 2);
        assertThat(app.node.leftOut()).extracting(LeftOutFile::kind).isEqualTo(List.of("identity document"));
        waitFor("the button counts one", () -> GuiActionRunner.execute(() -> window.button("leftOutButton").target()
                .getText()).startsWith("1 file left out"));
    }
}
