package dev.shoal.ui;

import static dev.shoal.ui.GuiChecks.find;
import static dev.shoal.ui.GuiChecks.lastNotice;
import static dev.shoal.ui.GuiChecks.onEdt;
import static dev.shoal.ui.GuiChecks.text;
import static dev.shoal.ui.GuiChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatClientProperties;
import dev.shoal.demo.DemoNetwork;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchReach;
import dev.shoal.node.api.SearchResult;
import dev.shoal.node.api.ShoalNode;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.AdditionalAnswers;
import org.mockito.Mockito;

/**
 * A search never says "Searching..." forever: after the node's query lifetime (short here) it says
 * what came of it, without peers it says at once how to get connected, and Stop or Esc make the
 * node forget it.
 */
@Tag("gui")
@NeedsDisplay
class SearchLifecycleGuiTest {
    private GuiHarness app;
    private FrameFixture window;
    /** Search handles the window closed, watched through the node it was given. */
    private final List<String> closedSearches = new CopyOnWriteArrayList<>();

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
    void aSearchNobodyAnswersSaysNoResultsOnceTheQueryLifetimeIsOver() throws Exception {
        open(GuiHarness.start(Theme.LIGHT, null, GuiHarness.SMALL_DEMO,
                c -> c.withTuning(c.tuning().withQueryLifetime(Duration.ofMillis(400))), n -> n));
        search("zqxjkv");
        JLabel summary = (JLabel) find(app.frame, "resultSummary");
        waitFor("the verdict", () -> "No results".equals(text(summary)));
        assertThat(onEdt(() -> app.frame.search().selectedSearch().phase())).isEqualTo(SearchStatus.Phase.FINISHED);
        assertThat(onEdt(() -> app.frame.search().selectedSearch().explanation())).isEqualTo("No results from the "
                + DemoNetwork.NODES + " peers asked, nor from those they asked.\nTry other words, or fewer of them.");
    }

    @Test
    void withoutPeersASearchSaysAtOnceThatShoalIsNotConnectedAndHowToConnect() throws Exception {
        open(GuiHarness.solo(home));
        search("ocean");
        JLabel summary = (JLabel) find(app.frame, "resultSummary");
        waitFor("the verdict", () -> "No results: not connected".equals(text(summary)));
        assertThat(onEdt(() -> app.frame.search().selectedSearch().explanation())).isEqualTo(SearchStatus.NOT_CONNECTED)
                .contains("Network tab", "File \u2192 Settings");
        JButton stop = (JButton) find(app.frame, "stopSearchButton");
        assertThat(onEdt(stop::isEnabled)).as("nothing left to stop").isFalse();
    }

    @Test
    void escAndTheStopButtonMakeTheNodeForgetTheSearch() throws Exception {
        open(GuiHarness.start(Theme.LIGHT, null, GuiHarness.SMALL_DEMO, c -> c, this::watchingSearches));
        search("zqxjkv");
        JLabel summary = (JLabel) find(app.frame, "resultSummary");
        waitFor("the search under way", () -> text(summary).startsWith("Searching\u2026 asked"));
        window.textBox("searchField").pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        waitFor("stopped by Esc", () -> "Stopped: no results".equals(text(summary)));
        waitFor("the handle closed", () -> closedSearches.size() == 1);

        search("qqzzvv");
        waitFor("the second tab", () -> onEdt(() -> ((JTabbedPane) find(app.frame, "searchTabs")).getTabCount()) == 2);
        JLabel second = onEdt(() -> (JLabel) Screenshots.find(app.frame.search().selectedSearch(), "resultSummary"));
        waitFor("the second search under way", () -> text(second).startsWith("Searching\u2026 asked"));
        JButton stop = onEdt(() -> (JButton) Screenshots.find(app.frame.search().selectedSearch(), "stopSearchButton"));
        javax.swing.SwingUtilities.invokeLater(stop::doClick);
        waitFor("stopped by the button", () -> "Stopped: no results".equals(text(second)));
        waitFor("its handle closed too", () -> closedSearches.size() == 2);
        assertThat(closedSearches).doesNotHaveDuplicates();
        assertThat(onEdt(stop::isEnabled)).isFalse();
    }

    @Test
    void anEmptySearchIsRefusedWithAHintAndOpensNoTab() throws Exception {
        open(GuiHarness.solo(home));
        window.textBox("searchField").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the hint", () -> "Type a word or two to search for, then press Enter".equals(lastNotice(app.frame)));
        assertThat(onEdt(() -> ((JTabbedPane) find(app.frame, "searchTabs")).getTabCount())).isZero();
        assertThat(onEdt(() -> window.textBox("searchField").target()
                .getClientProperty(FlatClientProperties.OUTLINE))).isEqualTo(FlatClientProperties.OUTLINE_ERROR);

        // Words the node cannot search for: the tab goes away again and the reason is shown.
        onEdt(() -> {
            app.frame.search().box().setText("!!");
            app.frame.search().startSearch();
            return null;
        });
        waitFor("the reason", () -> String.valueOf(lastNotice(app.frame)).startsWith("Cannot search: nothing to search for"));
        waitFor("no tab left", () -> onEdt(() -> ((JTabbedPane) find(app.frame, "searchTabs")).getTabCount()) == 0);
    }

    private void search(String words) {
        window.textBox("searchField").deleteText().enterText(words).pressAndReleaseKeys(KeyEvent.VK_ENTER);
    }

    /** The node as the window sees it: the real one, with each search handle's close() noted. */
    private ShoalNode watchingSearches(ShoalNode real) {
        ShoalNode node = Mockito.mock(ShoalNode.class, AdditionalAnswers.delegatesTo(real));
        Mockito.doAnswer(call -> {
            Search s = real.search(call.getArgument(0), call.getArgument(1), call.getArgument(2));
            return new Search() {
                @Override
                public String id() {
                    return s.id();
                }

                @Override
                public int ttl() {
                    return s.ttl();
                }

                @Override
                public boolean clamped() {
                    return s.clamped();
                }

                @Override
                public int peersQueried() {
                    return s.peersQueried();
                }

                @Override
                public Duration lifetime() {
                    return s.lifetime();
                }

                @Override
                public List<SearchResult> results() {
                    return s.results();
                }

                @Override
                public SearchReach reach() {
                    return s.reach();
                }

                @Override
                public void close() {
                    closedSearches.add(s.id());
                    s.close();
                }
            };
        }).when(node).search(Mockito.anyString(), Mockito.anyInt(), Mockito.any());
        return node;
    }
}
