package dev.shoal.transfer.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Urn;
import org.junit.jupiter.api.Test;

class FileNamesTest {
    private static final Urn URN = Urn.parse("urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ");

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
