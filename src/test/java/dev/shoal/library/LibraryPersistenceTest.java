package dev.shoal.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a restart, and what the catch-up scan notices after one. */
class LibraryPersistenceTest {
    @TempDir
    Path tmp;
    private LibraryFixture files;

    @BeforeEach
    void files() throws Exception {
        files = new LibraryFixture(tmp);
        files.write("a.txt", "alpha");
        files.write("sub/b.txt", "bravo bravo");
        files.write("sub/deeper/c.bin", "charlie");
    }

    @Test
    void restartReusesHashesAndIndexNumbers() throws Exception {
        List<SharedFile> first;
        try (Library library = files.scanned()) {
            first = library.all();
            assertThat(library.filesHashed()).isEqualTo(3);
            assertThat(library.bytesHashed()).isEqualTo(5 + 11 + 7);
        }

        try (Library library = files.scanned()) {
            assertThat(library.all()).isEqualTo(first);
            assertThat(library.filesHashed()).isZero();
            assertThat(library.bytesHashed()).isZero();
            assertThat(library.search("b txt", 10)).extracting(SharedFile::name).containsExactly("b.txt");
        }
    }

    @Test
    void theIndexAnswersBeforeTheScan() throws Exception {
        try (Library library = files.scanned()) {
            assertThat(library.fileCount()).isEqualTo(3);
        }
        try (Library library = files.open(LibraryListener.NONE)) {
            assertThat(library.fileCount()).isEqualTo(3);
            assertThat(library.search("charlie bin", 10)).isEmpty();
            assertThat(library.search("c bin", 10)).extracting(SharedFile::name).containsExactly("c.bin");
            assertThat(library.ready()).isNotDone();
        }
    }

    @Test
    void aChangedFileIsRehashedAndKeepsItsIndex() throws Exception {
        SharedFile before;
        try (Library library = files.scanned()) {
            before = library.search("b txt", 1).get(0);
        }
        Path b = files.write("sub/b.txt", "bravo changed");
        Files.setLastModifiedTime(b, FileTime.fromMillis(before.lastModified() + 5000));

        try (Library library = files.scanned()) {
            SharedFile after = library.search("b txt", 1).get(0);
            assertThat(library.filesHashed()).isEqualTo(1);
            assertThat(library.bytesHashed()).isEqualTo(13);
            assertThat(after.index()).isEqualTo(before.index());
            assertThat(after.urn()).isEqualTo(FileHasher.hash("bravo changed".getBytes(StandardCharsets.UTF_8)));
            assertThat(library.byUrn(before.urn())).isEmpty();
        }
    }

    @Test
    void onlyTheTimeChangedIsEnoughToRehash() throws Exception {
        try (Library library = files.scanned()) {
            assertThat(library.fileCount()).isEqualTo(3);
        }
        Path a = files.share.resolve("a.txt");
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() - 60_000));

        try (Library library = files.scanned()) {
            assertThat(library.filesHashed()).isEqualTo(1);
            assertThat(library.bytesHashed()).isEqualTo(5);
        }
    }

    @Test
    void filesAddedAndRemovedWhileStoppedAreCaughtUp() throws Exception {
        List<SharedFile> first;
        try (Library library = files.scanned()) {
            first = library.all();
        }
        Files.delete(files.share.resolve("a.txt"));
        files.write("sub/new file.txt", "delta");

        try (Library library = files.scanned()) {
            assertThat(library.all()).extracting(SharedFile::name).containsExactlyInAnyOrder("b.txt", "c.bin", "new file.txt");
            assertThat(library.filesHashed()).isEqualTo(1);
            assertThat(library.search("alpha", 10)).isEmpty();
            assertThat(library.search("a txt", 10)).isEmpty();
            assertThat(library.byUrn(first.get(0).urn())).isEmpty();
            SharedFile added = library.search("new file", 1).get(0);
            assertThat(first).extracting(SharedFile::index).doesNotContain(added.index());
            assertThat(added.index()).isPositive().isLessThanOrEqualTo(4);
        }
        try (Library library = files.scanned()) {
            assertThat(library.fileCount()).isEqualTo(3);
            assertThat(library.filesHashed()).isZero();
        }
    }

    @Test
    void aRootNoLongerSharedIsDropped() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("x.txt"), "x");
        try (Library library = LibraryFixture.scanned(
                Library.open(files.data, List.of(files.share, other), LibraryListener.NONE))) {
            assertThat(library.fileCount()).isEqualTo(4);
        }
        try (Library library = files.scanned()) {
            assertThat(library.fileCount()).isEqualTo(3);
            assertThat(library.search("x", 10)).isEmpty();
        }
    }

    @Test
    void aCorruptIndexIsRebuilt() throws Exception {
        try (Library library = files.scanned()) {
            assertThat(library.fileCount()).isEqualTo(3);
        }
        try (Stream<Path> index = Files.list(files.data.resolve("index"))) {
            for (Path f : index.filter(p -> p.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }

        try (Library library = files.scanned()) {
            assertThat(library.indexRebuilt()).isTrue();
            assertThat(library.fileCount()).isEqualTo(3);
            assertThat(library.filesHashed()).isEqualTo(3);
        }
    }

    @Test
    void aSecondLibraryOnTheSameDataDirIsRefused() throws Exception {
        try (Library library = files.open(LibraryListener.NONE)) {
            assertThatThrownBy(() -> files.open(LibraryListener.NONE))
                    .isInstanceOf(IOException.class);
            assertThat(library.fileCount()).isZero();
        }
    }

    @Test
    void indexOnceListsEveryFile() throws Exception {
        List<SharedFile> listed = Library.indexOnce(files.data, List.of(files.share), LibraryListener.NONE);

        assertThat(listed).extracting(SharedFile::name).containsExactly("a.txt", "b.txt", "c.bin");
        assertThat(listed).extracting(SharedFile::size).containsExactly(5L, 11L, 7L);
        assertThat(listed.get(0).urn()).isEqualTo(FileHasher.hash("alpha".getBytes(StandardCharsets.UTF_8)));
        assertThat(Library.indexOnce(files.data, List.of(files.share), LibraryListener.NONE)).isEqualTo(listed);
    }
}
