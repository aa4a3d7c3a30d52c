package dev.shoal.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library of no folders, what a servent that only downloads has: empty, opening no index, yet
 * keeping its data folder to itself like any other library.
 */
class NothingSharedTest {
    @TempDir
    Path tmp;
    private LibraryFixture files;

    @BeforeEach
    void files() throws Exception {
        files = new LibraryFixture(tmp);
        files.write("a.txt", "alpha");
    }

    @Test
    void itIsEmptyReadyOnceStartedAndOpensNoIndex() throws Exception {
        try (Library library = Library.open(files.data, List.of(), LibraryListener.NONE)) {
            assertThat(library.ready()).isNotDone();
            library.start();
            library.ready().get(10, TimeUnit.SECONDS);

            assertThat(library.all()).isEmpty();
            assertThat(library.fileCount()).isZero();
            assertThat(library.search("alpha", 10)).isEmpty();
            assertThat(library.search("urn:sha1:" + "A".repeat(32), 10)).isEmpty();
            assertThat(library.keywords()).isEmpty();
            assertThat(library.shareRoots()).isEmpty();
            try (Stream<Path> index = Files.list(files.data.resolve("index"))) {
                assertThat(index.map(p -> p.getFileName().toString())).containsExactly("write.lock");
            }
        }
    }

    @Test
    void itKeepsOtherLibrariesOffItsDataFolderAndTheyKeepItOff() throws Exception {
        try (Library nothing = Library.open(files.data, List.of(), LibraryListener.NONE)) {
            assertThatThrownBy(() -> files.open(LibraryListener.NONE)).isInstanceOf(IOException.class)
                    .hasMessage("another running Shoal uses this data folder (each needs its own)");
            assertThatThrownBy(() -> Library.open(files.data, List.of(), LibraryListener.NONE))
                    .isInstanceOf(IOException.class);
        }
        try (Library sharing = files.open(LibraryListener.NONE)) {
            assertThatThrownBy(() -> Library.open(files.data, List.of(), LibraryListener.NONE))
                    .isInstanceOf(IOException.class)
                    .hasMessage("another running Shoal uses this data folder (each needs its own)");
        }
    }

    @Test
    void anIndexLeftByAnEarlierRunIsKeptForTheNextOneThatShares() throws Exception {
        try (Library library = files.scanned()) {
            assertThat(library.fileCount()).isEqualTo(1);
        }
        try (Library nothing = LibraryFixture.scanned(Library.open(files.data, List.of(), LibraryListener.NONE))) {
            assertThat(nothing.all()).isEmpty();
        }
        try (Library again = files.scanned()) {
            assertThat(again.all()).extracting(SharedFile::name).containsExactly("a.txt");
            assertThat(again.filesHashed()).as("nothing rehashed").isZero();
        }
    }

    @Test
    void closedBeforeItStartedItIsNeverReady() throws Exception {
        Library library = Library.open(files.data, List.of(), LibraryListener.NONE);
        library.close();
        assertThat(library.ready()).isCompletedExceptionally();
    }
}
