package dev.shoal.ui;

import static dev.shoal.ui.GuiChecks.find;
import static dev.shoal.ui.GuiChecks.lastNotice;
import static dev.shoal.ui.GuiChecks.onEdt;
import static dev.shoal.ui.GuiChecks.press;
import static dev.shoal.ui.GuiChecks.rows;
import static dev.shoal.ui.GuiChecks.text;
import static dev.shoal.ui.GuiChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.demo.DemoNetwork;
import dev.shoal.node.SpammingPeer;
import dev.shoal.protocol.Guid;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.swing.JLabel;
import javax.swing.JTable;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.data.TableCell;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The demo's five nodes and a spamming servent answer a search from the app: results come best
 * first with the reasons in each row's tool tip, the spam is hidden (Show hidden lists it with the
 * reason), and a file marked as spam disappears until the user takes it off the spam list again.
 */
@Tag("gui")
@NeedsDisplay
class ResultsTrustGuiTest {
    private GuiHarness app;
    private SpammingPeer spammer;
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
        Guid spammerId = Guid.random();
        spammer = new SpammingPeer(app.node.listenAddress(), q -> SpammingPeer.echoes(q, spammerId));
        waitFor("the spammer linked", () -> app.node.peers().size() == DemoNetwork.NODES + 1);
        Robot robot = BasicRobot.robotWithCurrentAwtHierarchy();
        window = new FrameFixture(robot, app.frame);
        window.show();
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.cleanUp();
        }
        if (spammer != null) {
            spammer.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void resultsComeBestFirstWithTheirReasonsAndSpamIsHiddenUntilAskedFor() throws Exception {
        int texts = sampleTexts();
        window.textBox("searchField").enterText("txt").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        JTableFixture results = window.table("resultsTable");
        SearchResultsModel model = onEdt(() -> (SearchResultsModel) results.target().getModel());
        waitFor("every text and the two fakes", () -> onEdt(() -> model.shownCount() == texts && model.hiddenCount() == 2));

        assertThat(rows(results.target())).as("the fakes are not listed").isEqualTo(texts);
        List<SearchResultsModel.Rating> ratings = column(results.target(), SearchResultsModel.SCORE);
        assertThat(ratings).isSortedAccordingTo((a, b) -> b.compareTo(a));
        String tip = toolTip(results.target(), 0);
        assertThat(tip).startsWith("<html>Score " + ratings.get(0) + ": matches 1/1 words, ")
                .contains(" sources, direct peer, not firewalled");
        JLabel summary = (JLabel) find(app.frame, "resultSummary");
        assertThat(text(summary)).endsWith("\u00b7 2 hidden");
        assertThat(window.checkBox("showHiddenToggle").target().getText()).isEqualTo("Show hidden (2)");

        window.checkBox("showHiddenToggle").click();
        waitFor("the fakes listed", () -> rows(results.target()) == texts + 2);
        List<String> status = column(results.target(), SearchResultsModel.HAVE);
        assertThat(status.subList(texts, texts + 2)).containsExactlyInAnyOrder("Hidden: program posing as media",
                "Hidden: named after your words");
        assertThat(toolTip(results.target(), texts)).contains("<br>Hidden: its host named 2 different files after your"
                + " words, all of 3,145,728 bytes: txt.mp3.exe, txt full version.zip");
        window.checkBox("showHiddenToggle").click();
        waitFor("the fakes hidden again", () -> rows(results.target()) == texts);
    }

    @Test
    void aFileMarkedAsSpamIsHiddenAndComesBackWhenTakenOffTheList() throws Exception {
        int texts = sampleTexts();
        window.textBox("searchField").enterText("txt").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        JTableFixture results = window.table("resultsTable");
        SearchResultsModel model = onEdt(() -> (SearchResultsModel) results.target().getModel());
        waitFor("every text", () -> onEdt(() -> model.shownCount() == texts && model.hiddenCount() == 2));
        String name = String.valueOf(results.valueAt(TableCell.row(0).column(SearchResultsModel.NAME)));
        String urn = onEdt(() -> model.result(results.target().convertRowIndexToModel(0)).urn());

        GuiChecks.choose(results.showPopupMenuAt(TableCell.row(0).column(SearchResultsModel.NAME)).menuItem("markSpamItem"));
        waitFor("the file hidden", () -> rows(results.target()) == texts - 1);
        assertThat(lastNotice(app.frame)).isEqualTo("Marked " + name + " as spam: it is hidden from now on");
        Path list = app.config.dataDir().resolve("spam-urns.txt");
        assertThat(Files.readString(list)).contains(urn + "  # " + name);

        window.menuItem("spamListMenu").click();
        DialogFixture dialog = window.dialog("spamListDialog");
        waitFor("the list loaded", () -> dialog.textBox("spamListText").target().getText().contains(urn));
        dialog.textBox("spamListText").setText("not a urn\n");
        press(dialog.button("saveSpamListButton"));
        waitFor("the refusal", () -> text(dialog.label("spamListProblem").target())
                .equals("line 1 of the spam list is not a urn:sha1: not a urn"));
        dialog.textBox("spamListText").setText("# nothing listed\n");
        press(dialog.button("saveSpamListButton"));
        waitFor("the file back", () -> rows(results.target()) == texts);
        assertThat(Files.readString(list)).isEqualTo("# nothing listed\n");
    }

    /** The sample library's text files: the demo shares each on at least one node. */
    private static int sampleTexts() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("samples/library"))) {
            return (int) files.filter(f -> f.toString().endsWith(".txt")).count();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> column(JTable table, int modelColumn) {
        return onEdt(() -> {
            List<T> out = new ArrayList<>();
            for (int row = 0; row < table.getRowCount(); row++) {
                out.add((T) table.getModel().getValueAt(table.convertRowIndexToModel(row), modelColumn));
            }
            return out;
        });
    }

    /** What hovering the view row shows. */
    private static String toolTip(JTable table, int viewRow) {
        return onEdt(() -> {
            Rectangle cell = table.getCellRect(viewRow, SearchResultsModel.NAME, true);
            return table.getToolTipText(new MouseEvent(table, MouseEvent.MOUSE_MOVED, 0, 0, cell.x + 5, cell.y + 5, 0,
                    false));
        });
    }
}
