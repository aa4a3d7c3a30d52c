package dev.shoal.transfer.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Urn;
import dev.shoal.transfer.TestFiles;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkWriterTest {
    private static final int CHUNK = 1024;
    private static final int SIZE = 2 * CHUNK;
    private final Source primary = Source.of(new InetSocketAddress("127.0.0.1", 1));
    private final Source helper = Source.of(new InetSocketAddress("127.0.0.1", 2));
    private final byte[] good = TestFiles.random(SIZE, 1);
    private final Urn urn = TestFiles.urnOf(good);

    @TempDir
    Path tmp;

    private static ByteBuffer bytes(byte[] b, int from, int to) {
        return ByteBuffer.wrap(Arrays.copyOfRange(b, from, to));
    }

    @Test
    void aClaimedChunkKeepsTheWinnersWholeCopy() throws Exception {
        byte[] other = TestFiles.random(SIZE, 2);
        try (PartFile part = PartFile.open(tmp, urn, SIZE, "f", CHUNK)) {
            ChunkScheduler s = new ChunkScheduler(SIZE, CHUNK, new BitSet());
            ChunkWriter w = new ChunkWriter(part, s);
            // The primary writes half of chunk 0, then a duplicate's whole copy wins it.
            assertThat(w.writePiece(0, 0, bytes(other, 0, 512))).isTrue();
            assertThat(w.store(0, helper, bytes(good, 0, CHUNK))).isTrue();
            assertThat(w.writePiece(0, 512, bytes(other, 512, CHUNK))).isFalse();
            assertThat(w.complete(0, primary)).isFalse();
            // Chunk 1 the primary completes; a late duplicate is dropped.
            assertThat(w.writePiece(1, CHUNK, bytes(good, CHUNK, SIZE))).isTrue();
            assertThat(w.complete(1, primary)).isTrue();
            assertThat(w.store(1, helper, bytes(other, CHUNK, SIZE))).isFalse();

            assertThat(s.allDone()).isTrue();
            assertThat(s.chunksByProvider()).containsEntry(helper, java.util.List.of(0))
                    .containsEntry(primary, java.util.List.of(1));
        }
        assertThat(Files.readAllBytes(tmp.resolve(urn.base32() + ".part"))).isEqualTo(good);
    }
}
