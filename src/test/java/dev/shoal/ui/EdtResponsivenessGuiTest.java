package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shares a 1 GiB file through the Library tab and checks that the window never waits on the node
 * while it hashes: no call into the node is made on the event thread (each would be a place where
 * a slow disk freezes the window). How long the event thread took to answer probes is printed, as
 * a figure only: the machine's speed is not something a test asserts.
 */
@Tag("gui")
@NeedsDisplay
class EdtResponsivenessGuiTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path home;

    @Test
    void edtAnswersWhileAGibibyteIsHashed() throws Exception {
        Path share = Files.createDirectories(home.resolve("share"));
        writeSparseIshFile(share.resolve("big-recording.bin"));
        try (GuiHarness app = GuiHarness.solo(home)) {
            GuiHarness.onEdt(() -> {
                app.frame.setVisible(true);
                app.frame.showTab(MainFrame.LIBRARY);
            });
            JProgressBar indexing = GuiHarness.onEdt(
                    () -> (JProgressBar) Screenshots.find(app.frame, "indexingProgress"));
            AtomicBoolean progressShown = new AtomicBoolean();
            List<Long> latencies = new ArrayList<>();
            long started = System.nanoTime();
            GuiHarness.onEdt(() -> app.frame.library().addFolder(share));
            while (!shared(app) && System.nanoTime() - started < 180_000_000_000L) {
                long t0 = System.nanoTime();
                SwingUtilities.invokeAndWait(() -> progressShown.compareAndSet(false, indexing.isVisible()));
                latencies.add((System.nanoTime() - t0) / 1_000_000);
                Thread.sleep(20);
            }
            assertThat(shared(app)).as("the big file was indexed").isTrue();
            Collections.sort(latencies);
            System.out.printf("EDT probes while hashing 1 GiB: %d, median %d ms, max %d ms, indexing took %d ms%n",
                    latencies.size(), latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1),
                    (System.nanoTime() - started) / 1_000_000);
            assertThat(latencies).as("probes taken while indexing ran").hasSizeGreaterThan(5);
            assertThat(progressShown).as("the Library tab showed indexing progress").isTrue();
            assertThat(app.edtCalls.onEdt).as("calls into the node made on the event thread").isEmpty();
        }
    }

    private static boolean shared(GuiHarness app) {
        return app.node.sharedFiles().stream().anyMatch(f -> f.name().equals("big-recording.bin"));
    }

    /** A 1 GiB file that costs almost no disk: holes, with a few random blocks so the hash is not trivial. */
    private static void writeSparseIshFile(Path file) throws Exception {
        Random random = new Random(42);
        byte[] block = new byte[64 * 1024];
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(GIB);
            for (long at = 0; at < GIB; at += 64L << 20) {
                random.nextBytes(block);
                f.seek(at);
                f.write(block);
            }
        }
    }
}
