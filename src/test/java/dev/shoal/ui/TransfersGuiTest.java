package dev.shoal.ui;

import static dev.shoal.ui.GuiChecks.find;
import static dev.shoal.ui.GuiChecks.lastNotice;
import static dev.shoal.ui.GuiChecks.modelValue;
import static dev.shoal.ui.GuiChecks.onEdt;
import static dev.shoal.ui.GuiChecks.rows;
import static dev.shoal.ui.GuiChecks.value;
import static dev.shoal.ui.GuiChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.demo.DemoNetwork;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import dev.shoal.node.api.PieceRun;
import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.swing.JLabel;
import javax.swing.JTable;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's promise, in the window: the large file comes from four throttled peers and the
 * Transfers tab shows what each one sent and which pieces came from whom; search results mark what
 * the user already has.
 */
@Tag("gui")
@NeedsDisplay
class TransfersGuiTest {
    /** Twelve pieces from four nodes at 512 KiB/s each: about three seconds, long enough to watch it move. */
    private static final DemoNetwork.Spec SLOW = new DemoNetwork.Spec(6L << 20, 512L * 1024);
    /** About six seconds: time to pause it half-way however busy the machine is. */
    private static final DemoNetwork.Spec SLOWER = new DemoNetwork.Spec(6L << 20, 256L * 1024);

    private GuiHarness app;
    private FrameFixture window;

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

    private void open(DemoNetwork.Spec spec) throws Exception {
        app = GuiHarness.start(Theme.LIGHT, null, spec, c -> c, n -> n);
        window = new FrameFixture(BasicRobot.robotWithCurrentAwtHierarchy(), app.frame);
        window.show();
    }

    @Test
    void theLargeFileComesFromFourPeersAndTheSourcesTabShowsWhoSentWhichPieces() throws Exception {
        open(SLOW);
        String name = app.network.bigFileName();
        window.textBox("searchField").enterText("shoal").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        JTableFixture results = window.table("resultsTable");
        waitFor("four sources for the large file", () -> rows(results.target()) == 1
                && Integer.valueOf(4).equals(value(results.target(), 0, SearchResultsModel.SOURCES)));
        assertThat(value(results.target(), 0, SearchResultsModel.HOPS)).isEqualTo(0);
        assertThat(value(results.target(), 0, SearchResultsModel.VENDOR)).isEqualTo("Shoal");
        assertThat(value(results.target(), 0, SearchResultsModel.FIREWALLED)).isEqualTo("");
        assertThat(value(results.target(), 0, SearchResultsModel.HAVE)).isEqualTo("");

        GuiChecks.doubleClickRow(results.target(), 0);
        onEdt(() -> {
            app.frame.showTab(MainFrame.TRANSFERS);
            return null;
        });
        JTable sources = (JTable) find(app.frame, "sourcesTable");
        PieceMap map = (PieceMap) find(app.frame, "pieceMap");
        // While it moves: the map is partly filled, and the peers sending show a speed.
        waitFor("a source downloading with a speed", () -> anyRow(sources, r -> "Downloading".equals(
                modelValue(sources, r, SourcesModel.STATE)) && (Long) modelValue(sources, r, SourcesModel.SPEED) > 0));
        waitFor("pieces missing and pieces in", () -> {
            List<PieceRun> runs = onEdt(map::runs);
            return runs.stream().anyMatch(p -> p.source() == PieceRun.MISSING)
                    && runs.stream().anyMatch(p -> p.source() >= 0);
        });
        assertThat(lastNotice(app.frame)).isEqualTo("Downloading " + name + " from 4 sources");

        JTable downloads = (JTable) find(app.frame, "downloadsTable");
        waitFor("the download to finish", () -> "Done".equals(value(downloads, 0, DownloadsModel.STATE)));
        waitFor("every source finished", () -> rows(sources) == 4 && allRows(sources,
                r -> "Finished".equals(modelValue(sources, r, SourcesModel.STATE))));
        long total = 0;
        for (int r = 0; r < 4; r++) {
            long bytes = (Long) modelValue(sources, r, SourcesModel.BYTES);
            assertThat(bytes).as("bytes from %s", modelValue(sources, r, SourcesModel.ADDRESS)).isPositive();
            assertThat(String.valueOf(modelValue(sources, r, SourcesModel.ADDRESS))).matches("127\\.0\\.0\\.1:\\d+");
            total += bytes;
        }
        assertThat(total).isEqualTo(SLOW.bigFileBytes());
        List<PieceRun> runs = onEdt(map::runs);
        assertThat(runs.stream().mapToInt(PieceRun::chunks).sum()).isEqualTo(12);
        Set<Integer> owners = new HashSet<>();
        runs.forEach(r -> owners.add(r.source()));
        assertThat(owners).containsExactlyInAnyOrder(0, 1, 2, 3);
        JLabel title = (JLabel) find(app.frame, "detailsTitle");
        assertThat(GuiChecks.text(title)).isEqualTo(name + ": 12 of 12 pieces from 4 sources (4 known)");

        // The status bar says it is over, and the search result now says the user has the file.
        Path file = app.config.downloadsDir().resolve(name);
        waitFor("the end announced", () -> ("Downloaded " + name + " (verified): " + file.toAbsolutePath())
                .equals(lastNotice(app.frame)));
        assertThat(Files.size(file)).isEqualTo(SLOW.bigFileBytes());
        waitFor("the result marked", () -> "Downloaded".equals(value(results.target(), 0, SearchResultsModel.HAVE)));
    }

    @Test
    void aFileTheUserAlreadySharesIsMarkedAndNotDownloadedAgain() throws Exception {
        open(GuiHarness.SMALL_DEMO);
        onEdt(() -> {
            app.frame.library().addFolder(Path.of("samples/library"));
            return null;
        });
        waitFor("the samples shared", () -> app.node.sharedFiles().size() == 12);
        waitFor("the library listed", () -> rows((JTable) find(app.frame, "sharedFilesTable")) == 12);
        window.textBox("searchField").enterText("ocean").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        JTableFixture results = window.table("resultsTable");
        waitFor("the ocean file, marked", () -> rows(results.target()) == 1
                && "In library".equals(value(results.target(), 0, SearchResultsModel.HAVE)));
        GuiChecks.doubleClickRow(results.target(), 0);
        waitFor("the refusal", () -> String.valueOf(lastNotice(app.frame))
                .equals("You already share ocean-waves-30s.wav (see the Library tab): not downloaded again"));
        assertThat(app.node.downloads()).isEmpty();
    }

    @Test
    void pausedAndResumedTheStatusBarSaysSoAndPiecesFromBeforeThePauseShowGrey() throws Exception {
        open(SLOWER);
        String name = app.network.bigFileName();
        // Every step on the event thread, each waiting for what the last one caused: a robot's typing,
        // double-click or row click could be lost on a busy machine (once in CI the download never
        // started, and the wait for its pieces ran out).
        javax.swing.text.JTextComponent field = (javax.swing.text.JTextComponent) find(app.frame, "searchField");
        onEdt(() -> {
            field.setText("shoal");
            ((javax.swing.JButton) find(app.frame, "searchButton")).doClick();
            return null;
        });
        JTable results = (JTable) find(app.frame, "resultsTable");
        waitFor("the large file", () -> rows(results) == 1);
        onEdt(() -> {
            results.setRowSelectionInterval(0, 0);
            ((javax.swing.JButton) find(app.frame, "downloadButton")).doClick();
            app.frame.showTab(MainFrame.TRANSFERS);
            return null;
        });
        JTable downloads = (JTable) find(app.frame, "downloadsTable");
        waitFor("the download listed", () -> rows(downloads) == 1);
        PieceMap map = (PieceMap) find(app.frame, "pieceMap");
        waitFor("some pieces in", () -> onEdt(map::runs).stream().anyMatch(p -> p.source() >= 0));
        javax.swing.JButton pause = (javax.swing.JButton) find(app.frame, "pauseButton");
        onEdt(() -> {
            downloads.setRowSelectionInterval(0, 0);
            return null;
        });
        waitFor("Pause enabled", () -> onEdt(pause::isEnabled));
        onEdt(() -> {
            pause.doClick();
            return null;
        });
        waitFor("paused", () -> "Paused".equals(value(downloads, 0, DownloadsModel.STATE)));
        waitFor("the status bar saying so", () -> ("Paused " + name).equals(lastNotice(app.frame)));

        javax.swing.JButton resume = (javax.swing.JButton) find(app.frame, "resumeButton");
        waitFor("Resume enabled", () -> onEdt(resume::isEnabled));
        onEdt(() -> {
            resume.doClick();
            return null;
        });
        waitFor("the download to finish", () -> "Done".equals(value(downloads, 0, DownloadsModel.STATE)));
        waitFor("the end announced", () -> String.valueOf(lastNotice(app.frame)).startsWith("Downloaded " + name));
        List<PieceRun> runs = onEdt(map::runs);
        assertThat(runs).extracting(PieceRun::source).contains(PieceRun.EARLIER).doesNotContain(PieceRun.MISSING);
        assertThat(runs.stream().mapToInt(PieceRun::chunks).sum()).isEqualTo(12);
        assertThat(Files.size(app.config.downloadsDir().resolve(name))).isEqualTo(SLOWER.bigFileBytes());
    }

    /**
     * Preview hands the player a copy of the download's verified start: recorded here instead of
     * opened, it holds the first bytes of the shared clip and nothing past what the node had
     * verified against the clip's Tiger tree (the part file's unfetched holes would read as zeros),
     * while the rest is still coming.
     */
    @Test
    void previewHandsThePlayerOnlyTheVerifiedStartOfAVideo(@TempDir Path home) throws Exception {
        // One holder sending a 3 MiB clip at 512 KiB/s: six pieces, one a second.
        byte[] clip = new byte[3 << 20];
        new java.util.Random(8).nextBytes(clip);
        Path share = Files.createDirectories(home.resolve("holder").resolve("share"));
        Files.write(share.resolve("harbour-timelapse.ogv"), clip);
        try (ShoalNode holder = Shoal.start(NodeConfig.defaults(home.resolve("holder").resolve("data")).toBuilder()
                .listen(new InetSocketAddress("127.0.0.1", 0)).shares(List.of(share)).role(Role.ULTRAPEER)
                .uploadLimitBytesPerSecond(512L * 1024).build())) {
            holder.libraryReady().get(20, TimeUnit.SECONDS);
            app = GuiHarness.solo(home.resolve("gui"));
            app.node.connect(holder.listenAddress()).get(10, TimeUnit.SECONDS);
            window = new FrameFixture(BasicRobot.robotWithCurrentAwtHierarchy(), app.frame);
            window.show();
            List<Path> opened = new CopyOnWriteArrayList<>();
            List<Long> verifiedWhenOpened = new CopyOnWriteArrayList<>();
            onEdt(() -> {
                app.frame.context().setPreviewOpener(file -> {
                    verifiedWhenOpened.add(app.node.downloads().get(0).info().verifiedBytes());
                    opened.add(file);
                });
                return null;
            });
            window.textBox("searchField").enterText("harbour").pressAndReleaseKeys(KeyEvent.VK_ENTER);
            JTableFixture results = window.table("resultsTable");
            waitFor("the clip found", () -> rows(results.target()) == 1);
            GuiChecks.doubleClickRow(results.target(), 0);
            onEdt(() -> {
                app.frame.showTab(MainFrame.TRANSFERS);
                return null;
            });
            JTable downloads = (JTable) find(app.frame, "downloadsTable");
            waitFor("the download listed", () -> rows(downloads) == 1);
            window.table("downloadsTable").selectRows(0);
            javax.swing.JButton preview = window.button("previewButton").target();
            waitFor("Preview enabled", () -> onEdt(preview::isEnabled));
            javax.swing.SwingUtilities.invokeLater(preview::doClick);

            waitFor("the preview handed to the player", () -> !opened.isEmpty());
            byte[] shown = Files.readAllBytes(opened.get(0));
            assertThat(opened.get(0).getFileName().toString()).endsWith("harbour-timelapse.ogv");
            assertThat(shown.length).isPositive().isLessThan(clip.length)
                    .isLessThanOrEqualTo(verifiedWhenOpened.get(0).intValue());
            assertThat(shown).isEqualTo(Arrays.copyOf(clip, shown.length));
            waitFor("the notice", () -> String.valueOf(lastNotice(app.frame))
                    .equals("Previewing harbour-timelapse.ogv: its verified start, in your player"));

            waitFor("the download to finish", () -> "Done".equals(value(downloads, 0, DownloadsModel.STATE)));
            assertThat(Files.readAllBytes(app.config.downloadsDir().resolve("harbour-timelapse.ogv"))).isEqualTo(clip);
            app.close();
            app = null;
        }
    }

    private static boolean anyRow(JTable table, java.util.function.IntPredicate test) {
        for (int r = 0; r < rows(table); r++) {
            if (test.test(r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allRows(JTable table, java.util.function.IntPredicate test) {
        return !anyRow(table, r -> !test.test(r));
    }
}
