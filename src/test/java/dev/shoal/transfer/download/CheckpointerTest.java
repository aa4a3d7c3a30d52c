package dev.shoal.transfer.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Urn;
import dev.shoal.transfer.TestFiles;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointerTest {
    private static final int CHUNK = 1024;
    private static final int SIZE = 4 * CHUNK;
    private final byte[] data = TestFiles.random(SIZE, 3);
    private final Urn urn = TestFiles.urnOf(data);
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @TempDir
    Path tmp;

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static BitSet bits(int... set) {
        BitSet b = new BitSet();
        for (int i : set) {
            b.set(i);
        }
        return b;
    }

    private BitSet recorded() throws Exception {
        try (PartFile reopened = PartFile.open(tmp, urn, SIZE, "f.bin", CHUNK)) {
            return reopened.resumedChunks();
        }
    }

    @Test
    void backgroundRequestsRecordTheNewestSetAndNowWaitsForThem() throws Exception {
        try (PartFile part = PartFile.open(tmp, urn, SIZE, "f.bin", CHUNK)) {
            part.write(0, ByteBuffer.wrap(data));
            Checkpointer c = new Checkpointer(part, executor, new BitSet());
            c.request(bits(0));
            c.request(bits(0, 1));
            c.request(bits(0, 1, 2));
            c.now(bits(0, 1, 2, 3));
            assertThat(recorded()).isEqualTo(bits(0, 1, 2, 3));
            c.close();
        }
    }

    /**
     * Regression (a node closed mid-download resumed from further back than it had reported): the
     * newest set was requested and waited behind a flush; the forced checkpoint at cancel skipped
     * it as already requested, and closing dropped the request.
     */
    @Test
    void aForcedCheckpointRecordsTheSetARequestLeftWaitingAndCloseLosesNothing() throws Exception {
        List<Runnable> held = new ArrayList<>();
        try (PartFile part = PartFile.open(tmp, urn, SIZE, "f.bin", CHUNK)) {
            part.write(0, ByteBuffer.wrap(data));
            Checkpointer c = new Checkpointer(part, held::add, new BitSet());
            c.request(bits(0));
            c.request(bits(0, 1, 2));
            assertThat(held).as("one background flush, still to run").hasSize(1);
            CompletableFuture<Void> forced = CompletableFuture.runAsync(() -> {
                try {
                    c.now(bits(0, 1, 2));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, executor);
            // The flush runs on this thread, before or while the forced checkpoint waits for it:
            // either way the newest set ends on disk.
            held.get(0).run();
            forced.get(10, TimeUnit.SECONDS);
            c.close();
            assertThat(recorded()).isEqualTo(bits(0, 1, 2));
        }
    }

    @Test
    void aSetAlreadyRecordedIsNotWrittenAgain() throws Exception {
        List<Runnable> held = new ArrayList<>();
        try (PartFile part = PartFile.open(tmp, urn, SIZE, "f.bin", CHUNK)) {
            part.write(0, ByteBuffer.wrap(data));
            Checkpointer c = new Checkpointer(part, held::add, bits(0, 1));
            c.request(bits(0, 1));
            assertThat(held).as("the resumed set is on disk already").isEmpty();
            c.now(bits(0, 1));
            assertThat(part.statePath()).as("nothing written").doesNotExist();
            c.close();
        }
    }

    @Test
    void nothingIsRecordedOnceTheStateIsDeleted() throws Exception {
        try (PartFile part = PartFile.open(tmp, urn, SIZE, "f.bin", CHUNK)) {
            part.write(0, ByteBuffer.wrap(data));
            Checkpointer c = new Checkpointer(part, executor, new BitSet());
            c.now(bits(0));
            part.deleteState();
            c.request(bits(0, 1));
            c.now(bits(0, 1, 2));
            assertThat(part.statePath()).doesNotExist();
            c.close();
            c.request(bits(0, 1, 2, 3));
            assertThat(part.statePath()).doesNotExist();
        }
    }
}
