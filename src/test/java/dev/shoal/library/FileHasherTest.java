package dev.shoal.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.protocol.Urn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHasherTest {
    @TempDir
    Path dir;

    @Test
    void sha1OfAbcIsTheKnownVector() throws Exception {
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);

        Urn urn = new FileHasher().hash(file).urn();

        // FIPS 180 test vector: SHA-1("abc") = a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d
        assertThat(urn.digest()).isEqualTo(HexFormat.of().parseHex("a9993e364706816aba3e25717850c26c9cd0d89d"));
        assertThat(urn).hasToString("urn:sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
    }

    @Test
    void emptyFileHasTheWellKnownUrn() throws Exception {
        Path file = Files.write(dir.resolve("empty"), new byte[0]);

        assertThat(new FileHasher().hash(file).urn()).hasToString("urn:sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
    }

    @Test
    void fileLargerThanTheBufferMatchesADigestOfTheWholeAndReportsEveryByte() throws Exception {
        byte[] content = new byte[3 * 4096 + 123];
        new Random(42).nextBytes(content);
        Path file = Files.write(dir.resolve("data.bin"), content);
        AtomicLong reported = new AtomicLong();

        Urn urn = new FileHasher(4096).hash(file, reported::addAndGet).urn();

        assertThat(urn).isEqualTo(Urn.sha1(MessageDigest.getInstance("SHA-1").digest(content)));
        assertThat(urn).isEqualTo(FileHasher.hash(content));
        assertThat(reported).hasValue(content.length);
    }

    @Test
    void missingFileIsAnIoError() {
        assertThatThrownBy(() -> new FileHasher().hash(dir.resolve("gone")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void tinyBuffersAreRefused() {
        assertThatThrownBy(() -> new FileHasher(16)).isInstanceOf(IllegalArgumentException.class);
    }
}
