package dev.shoal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BigFileTest {
    @TempDir
    Path tmp;

    @Test
    void theSameSizeGivesTheSameBytesSoTheDemoFileKeepsItsUrn() throws Exception {
        long size = 3L * 1024 * 1024 + 5;
        Path a = BigFile.generate(tmp.resolve("a/big.bin"), size);
        Path b = BigFile.generate(tmp.resolve("b/big.bin"), size);
        assertThat(Files.size(a)).isEqualTo(size);
        assertThat(Files.mismatch(a, b)).isEqualTo(-1);
        assertThat(Sha1Urn.of(a)).isEqualTo(Sha1Urn.of(b));
        // Not a run of zeros or a repeated block: the first and second MiB differ.
        byte[] all = Files.readAllBytes(a);
        assertThat(java.util.Arrays.equals(all, 0, 1 << 20, all, 1 << 20, 2 << 20)).isFalse();
    }

    @Test
    void placingPutsTheSameBytesIntoEachShare() throws Exception {
        Path big = BigFile.generate(tmp.resolve("gen/big.bin"), 100_000);
        Path share = tmp.resolve("node-1/share/big.bin");
        BigFile.place(big, share);
        assertThat(Files.mismatch(big, share)).isEqualTo(-1);
    }
}
