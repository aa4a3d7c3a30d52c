package dev.shoal.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFoldersTest {
    @TempDir
    Path temp;

    @Test
    void theRootOfTheDiskIsRefused() {
        Path home = temp.resolve("home");
        assertThat(SafeFolders.refusal(temp.getRoot(), home)).hasValueSatisfying(why -> assertThat(why)
                .startsWith("will not share " + temp.getRoot() + ": it is the whole disk"));
    }

    @Test
    void theHomeFolderAndFoldersHoldingItAreRefused() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home").resolve("ann"));
        Path real = home.toRealPath();
        assertThat(SafeFolders.refusal(home, home)).hasValueSatisfying(why -> assertThat(why)
                .startsWith("will not share your whole home folder " + real));
        assertThat(SafeFolders.refusal(home.resolve("Music").resolve(".."), home)).as("spelt another way").isPresent();
        assertThat(SafeFolders.refusal(temp.resolve("home"), home)).hasValueSatisfying(why -> assertThat(why)
                .contains("it holds your home folder"));
        Path link = Files.createSymbolicLink(temp.resolve("link-to-home"), home);
        assertThat(SafeFolders.refusal(link, home)).as("a link to home").isPresent();
    }

    @Test
    void foldersInsideHomeOrElsewhereMayBeShared() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        assertThat(SafeFolders.refusal(Files.createDirectories(home.resolve("Music")), home)).isEmpty();
        assertThat(SafeFolders.refusal(Files.createDirectories(temp.resolve("srv")), home)).isEmpty();
        assertThat(SafeFolders.refusal(temp.resolve("not-yet-there"), home)).isEmpty();
    }
}
