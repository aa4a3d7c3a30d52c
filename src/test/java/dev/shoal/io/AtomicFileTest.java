package dev.shoal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void writesANewFileInFoldersItCreates() throws IOException {
        Path file = dir.resolve("a/b/settings.properties");

        AtomicFile.writeString(file, "port=6346\nnamé=ü\n");

        assertThat(file).hasContent("port=6346\nnamé=ü\n");
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void replacesTheWholeContentAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("hosts.txt");
        Files.writeString(file, "a much longer old content than the new one\n");

        AtomicFile.write(file, new byte[] {1, 2, 3});

        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void aTemporaryFileLeftByACrashIsOverwritten() throws IOException {
        Path file = dir.resolve("spam.txt");
        Files.writeString(file, "old\n");
        Files.writeString(dir.resolve("spam.txt.tmp"), "half of a write that was killed, and more than the new");

        AtomicFile.writeString(file, "new\n");

        assertThat(file).hasContent("new\n");
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void aWriteThatCannotHappenLeavesTheOldContent() throws IOException {
        Path file = dir.resolve("state.properties");
        Files.writeString(file, "old\n");
        // A folder where the temporary file would go: the write fails before the rename.
        Files.createDirectory(dir.resolve("state.properties.tmp"));

        assertThatThrownBy(() -> AtomicFile.writeString(file, "new\n")).isInstanceOf(IOException.class);

        assertThat(file).hasContent("old\n");
    }
}
