package dev.shoal.ui;

import static dev.shoal.ui.GuiChecks.find;
import static dev.shoal.ui.GuiChecks.onEdt;
import static dev.shoal.ui.GuiChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.RawPeer;
import dev.shoal.demo.DemoNetwork;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryStatus;
import dev.shoal.protocol.VendorMessage;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.swing.JTabbedPane;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JTextComponentFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search as you type, with the robot's keystrokes: our library answers at each key, the network is
 * asked once typing pauses (the pause moved by hand), a refinement replaces the live search and an
 * abandoned one is stopped. Queries and stops are counted on the wire at an ultrapeer played by a
 * raw socket, next to the demo's five nodes.
 */
@Tag("gui")
@NeedsDisplay
class SearchAsYouTypeGuiTest {
    @TempDir
    Path home;
    private final HandTimer timer = new HandTimer();
    private GuiHarness app;
    private FrameFixture window;
    private RawPeer ultrapeer;
    private JTextComponentFixture box;

    @BeforeAll
    static void failOnSwingOffTheEdt() {
        if (!GraphicsEnvironment.isHeadless()) {
            FailOnThreadViolationRepaintManager.install();
        }
    }

    @BeforeEach
    void open() throws Exception {
        Path music = Files.createDirectories(home.resolve("music"));
        Files.writeString(music.resolve("ocean waves.mp3"), "waves");
        Files.writeString(music.resolve("ocean liner.ogg"), "liner");
        Files.writeString(music.resolve("harbour.mp3"), "harbour");
        app = GuiHarness.start(Theme.LIGHT, null, GuiHarness.SMALL_DEMO, c -> c.withShares(List.of(music)), n -> n,
                timer);
        app.node.libraryReady().get(20, TimeUnit.SECONDS);
        ultrapeer = RawPeer.connectAsUltrapeer(app.node.listenAddress());
        await().atMost(Duration.ofSeconds(10)).until(() -> app.node.peers().size() == DemoNetwork.NODES + 1);
        window = new FrameFixture(BasicRobot.robotWithCurrentAwtHierarchy(), app.frame);
        window.show();
        box = window.textBox("searchField");
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            window.cleanUp();
        }
        if (ultrapeer != null) {
            ultrapeer.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theLibraryAnswersAtEachKeyAndTheNetworkOnceTypingPausesThenClearingStopsIt() throws Exception {
        box.enterText("ocean");
        waitFor("both ocean files", () -> onEdt(() -> app.frame.search().matches().shown()).size() == 2);
        box.enterText(" wa");
        waitFor("only the waves", () -> onEdt(() -> app.frame.search().matches().shown())
                .equals(List.of("ocean waves.mp3")));
        assertThat(tabCount()).as("nobody asked while typing").isZero();
        box.enterText("ves");
        for (int i = 0; i < 5; i++) {
            box.pressAndReleaseKeys(KeyEvent.VK_BACK_SPACE);
        }
        box.enterText("waves");
        // 21 keystrokes so far, and not one pause: the network has not been asked.
        assertThat(tabCount()).isZero();

        advance(SearchPanel.TYPING_PAUSE_MILLIS);
        List<Frame> untilQuery = framesUntil(f -> f.header().type() == MessageType.QUERY);
        Frame query = untilQuery.get(untilQuery.size() - 1);
        assertThat(((Query) MessageCodec.decode(query)).text()).isEqualTo("ocean waves");
        assertThat(queries(untilQuery)).as("queries on the wire").hasSize(1);
        assertThat(tabCount()).isEqualTo(1);

        box.deleteText();
        List<Frame> untilStop = framesUntil(f -> isStop(f, query.header().guid()));
        assertThat(queries(untilStop)).as("no other query before the stop").isEmpty();
        waitFor("the abandoned tab gone", () -> tabCount() == 0);
        assertThat(onEdt(() -> app.frame.search().matches().isVisible())).isFalse();
    }

    @Test
    void aRefinementReplacesTheLiveSearchWhichIsToldToStop() throws Exception {
        box.enterText("ocean");
        advance(SearchPanel.TYPING_PAUSE_MILLIS);
        List<Frame> first = framesUntil(f -> f.header().type() == MessageType.QUERY);
        Guid ocean = first.get(first.size() - 1).header().guid();

        box.enterText(" liner");
        advance(SearchPanel.TYPING_PAUSE_MILLIS);
        List<Frame> untilStop = framesUntil(f -> isStop(f, ocean));
        assertThat(queries(untilStop)).isEmpty();
        assertThat(tabCount()).as("replaced, not added").isEqualTo(1);
        assertThat(onEdt(() -> app.frame.search().selectedSearch().query())).isEqualTo("ocean liner");

        // The node lets one search out every few seconds: the tab waits as long as it is told.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
            advance(250);
            return onEdt(() -> app.frame.search().selectedSearch().phase()) != SearchStatus.Phase.STARTING;
        });
        List<Frame> second = framesUntil(f -> f.header().type() == MessageType.QUERY);
        assertThat(queries(second)).hasSize(1);
        assertThat(((Query) MessageCodec.decode(second.get(second.size() - 1))).text()).isEqualTo("ocean liner");

        box.pressAndReleaseKeys(KeyEvent.VK_ENTER);
        box.enterText(" x");
        advance(SearchPanel.TYPING_PAUSE_MILLIS);
        waitFor("Enter kept the tab; the new words open another", () -> tabCount() == 2);
    }

    private void advance(long millis) {
        onEdt(() -> {
            timer.advance(millis);
            return null;
        });
    }

    private int tabCount() {
        return onEdt(() -> ((JTabbedPane) find(app.frame, "searchTabs")).getTabCount());
    }

    private static boolean isStop(Frame f, Guid query) throws Exception {
        return f.header().type() == MessageType.VENDOR && f.header().guid().equals(query)
                && QueryStatus.kept((VendorMessage) MessageCodec.decode(f)) == QueryStatus.STOP;
    }

    private static List<Frame> queries(List<Frame> frames) {
        return frames.stream().filter(f -> f.header().type() == MessageType.QUERY).toList();
    }

    private interface FrameCheck {
        boolean test(Frame f) throws Exception;
    }

    /** Frames the node sends our raw ultrapeer, up to and with the first that passes {@code last}. */
    private List<Frame> framesUntil(FrameCheck last) throws Exception {
        List<Frame> seen = new ArrayList<>();
        while (true) {
            Frame f = ultrapeer.readFrame();
            seen.add(f);
            if (last.test(f)) {
                return seen;
            }
        }
    }
}
