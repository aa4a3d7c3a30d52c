package dev.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.ShoalProcess;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shoal index} as a process: what is left on the terminal when it is stopped half-way. */
class IndexCommandProcessTest {
    @TempDir
    Path temp;

    @Test
    void stoppedWhileHashingItLeavesNoStatusLineBehind() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("library"));
        // Sparse: nothing on disk, and far too long to hash before the signal comes, even on a fast
        // idle machine (2 GiB could be done in a second, before a loaded test thread sent it).
        try (RandomAccessFile big = new RandomAccessFile(folder.resolve("zeros.bin").toFile(), "rw")) {
            big.setLength(64L << 30);
        }
        Path log = temp.resolve("index.log");
        try (ShoalProcess index = ShoalProcess.start(log, "index", folder.toString(), "--data",
                temp.resolve("data").toString())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("hashing 0/1 file, "));
            assertThat(index.terminate()).isEqualTo(143);
        }
        assertThat(TerminalScreen.render(Files.readString(log))).isEmpty();
    }
}
