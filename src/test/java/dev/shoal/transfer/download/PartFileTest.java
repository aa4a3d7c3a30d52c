package dev.shoal.transfer.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Urn;
import dev.shoal.transfer.TestFiles;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartFileTest {
    @TempDir
    Path tmp;

    @Test
    void aWriteLongerThanASliceLandsWholeAtItsPositionAndConsumesTheBuffer() throws Exception {
        int size = 5 * PartFile.WRITE_SLICE + 777;
        int split = PartFile.WRITE_SLICE / 2 + 3;
        byte[] data = TestFiles.random(size, 5);
        Urn urn = TestFiles.urnOf(data);
        // Like a worker's: direct, and the bytes to write sit between other bytes.
        ByteBuffer rest = ByteBuffer.allocateDirect(size - split + 20);
        rest.position(10).put(data, split, size - split).flip().position(10);
        try (PartFile part = PartFile.open(tmp, urn, size, "f.bin", SwarmConfig.MIN_CHUNK)) {
            part.write(0, ByteBuffer.wrap(data, 0, split));
            part.write(split, rest);
        }
        assertThat(rest.position()).isEqualTo(10 + size - split);
        assertThat(rest.limit()).isEqualTo(10 + size - split);
        assertThat(Files.readAllBytes(tmp.resolve(urn.base32() + ".part"))).isEqualTo(data);
    }
}
