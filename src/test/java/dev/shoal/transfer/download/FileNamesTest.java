package dev.shoal.transfer.download;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shoal.protocol.Urn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNamesTest {
    private static final Urn URN = Urn.parse("urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ");
    private static final byte[] CONTENT = "the whole verified download".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @Test
    void aCopyOntoAnotherFileSystemStoppedHalfWayLeavesNoFileUnderTheName() throws Exception {
        Path part = Files.write(tmp.resolve("X.part"), CONTENT);
        Path downloads = tmp.resolve("downloads");
        FileNames.Copier dies = (from, to) -> {
            Files.write(to, Arrays.copyOf(CONTENT, CONTENT.length / 2));
            throw new IOException("killed half-way through the copy");
        };

        assertThatThrownBy(() -> FileNames.placeAcross(part, downloads, "song.mp3", sha1(CONTENT), dies))
                .hasMessageContaining("killed");

        assertThat(downloads.resolve("song.mp3")).doesNotExist();
        assertThat(part).hasBinaryContent(CONTENT);
        Path placed = FileNames.placeAcross(part, downloads, "song.mp3", sha1(CONTENT),
                (from, to) -> Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
        assertThat(placed).isEqualTo(downloads.resolve("song.mp3")).hasBinaryContent(CONTENT);
        assertThat(part).doesNotExist();
        try (Stream<Path> left = Files.list(downloads)) {
            assertThat(left).containsExactly(placed);
        }
    }

    @Test
    void placingOntoAnotherFileSystemCopiesThroughAHiddenName() throws Exception {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && !Files.getFileStore(shm).equals(Files.getFileStore(tmp)), "no second file system to place onto");
        Path downloads = Files.createTempDirectory(shm, "shoal-filenames");
        try {
            Path part = Files.write(tmp.resolve("X.part"), CONTENT);
            Path placed = FileNames.place(part, downloads, "song.mp3", sha1(CONTENT));
            assertThat(placed).hasBinaryContent(CONTENT);
            assertThat(part).doesNotExist();
            try (Stream<Path> left = Files.list(downloads)) {
                assertThat(left).containsExactly(placed);
            }
        } finally {
            try (Stream<Path> left = Files.list(downloads)) {
                for (Path p : left.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(downloads);
        }
    }

    private static byte[] sha1(byte[] content) throws Exception {
        return java.security.MessageDigest.getInstance("SHA-1").digest(content);
    }

    @Test
    void networkNamesBecomeSafeFileNames() {
        assertThat(FileNames.sanitize("../../etc/passwd", URN)).isEqualTo("_.._etc_passwd");
        assertThat(FileNames.sanitize("..", URN)).isEqualTo(URN.base32());
        assertThat(FileNames.sanitize("a\0b\nc:d\\e.txt", URN)).isEqualTo("a_b_c_d_e.txt");
        assertThat(FileNames.sanitize("Café Récif – été.txt", URN)).isEqualTo("Café Récif – été.txt");
        assertThat(FileNames.sanitize("x".repeat(500), URN)).hasSize(200);
        assertThat(FileNames.numbered("song.mp3", 1)).isEqualTo("song (1).mp3");
        assertThat(FileNames.numbered("README", 2)).isEqualTo("README (2)");
        assertThat(FileNames.numbered(".hidden", 1)).isEqualTo(".hidden (1)");
    }
}
