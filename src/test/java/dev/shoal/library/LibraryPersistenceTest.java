package dev.shoal.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a restart, and what the catch-up scan notices after one. */
class LibraryPersistenceTest {
    @TempDir
    Path tmp;
    private Path share;
    private Path data;

    @BeforeEach
    void files() throws Exception {
        share = Files.createDirectories(tmp.resolve("share"));
        data = tmp.resolve("data");
        write("a.txt", "alpha");
        write("sub/b.txt", "bravo bravo");
        write("sub/deeper/c.bin", "charlie");
    }

    private Path write(String relative, String content) throws IOException {
        Path file = share.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Opens, runs the catch-up scan (no watcher) and returns the library still open. */
    private Library scanned() throws Exception {
        Library library = Library.open(data, List.of(share), LibraryListener.NONE);
        library.start(false);
        library.ready().get(10, TimeUnit.SECONDS);
        return library;
    }

    @Test
    void restartReusesHashesAndIndexNumbers() throws Exception {
        List<SharedFile> first;
        try (Library library = scanned()) {
            first = library.all();
            assertThat(library.filesHashed()).isEqualTo(3);
            assertThat(library.bytesHashed()).isEqualTo(5 + 11 + 7);
        }

        try (Library library = scanned()) {
            assertThat(library.all()).isEqualTo(first);
            assertThat(library.filesHashed()).isZero();
            assertThat(library.bytesHashed()).isZero();
            assertThat(library.search("b txt", 10)).extracting(SharedFile::name).containsExactly("b.txt");
        }
    }

    @Test
    void theIndexAnswersBeforeTheScan() throws Exception {
        try (Library library = scanned()) {
            assertThat(library.fileCount()).isEqualTo(3);
        }
        try (Library library = Library.open(data, List.of(share), LibraryListener.NONE)) {
            assertThat(library.fileCount()).isEqualTo(3);
            assertThat(library.search("charlie bin", 10)).isEmpty();
            assertThat(library.search("c bin", 10)).extracting(SharedFile::name).containsExactly("c.bin");
            assertThat(library.ready()).isNotDone();
        }
    }

    @Test
    void aChangedFileIsRehashedAndKeepsItsIndex() throws Exception {
        SharedFile before;
        try (Library library = scanned()) {
            before = library.search("b txt", 1).get(0);
        }
        Path b = write("sub/b.txt", "bravo changed");
        Files.setLastModifiedTime(b, FileTime.fromMillis(before.lastModified() + 5000));

        try (Library library = scanned()) {
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
        try (Library library = scanned()) {
            assertThat(library.fileCount()).isEqualTo(3);
        }
        Path a = share.resolve("a.txt");
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() - 60_000));

        try (Library library = scanned()) {
            assertThat(library.filesHashed()).isEqualTo(1);
            assertThat(library.bytesHashed()).isEqualTo(5);
        }
    }

    @Test
    void filesAddedAndRemovedWhileStoppedAreCaughtUp() throws Exception {
        List<SharedFile> first;
        try (Library library = scanned()) {
            first = library.all();
        }
        Files.delete(share.resolve("a.txt"));
        write("sub/new file.txt", "delta");

        try (Library library = scanned()) {
            assertThat(library.all()).extracting(SharedFile::name).containsExactlyInAnyOrder("b.txt", "c.bin", "new file.txt");
            assertThat(library.filesHashed()).isEqualTo(1);
            assertThat(library.search("alpha", 10)).isEmpty();
            assertThat(library.search("a txt", 10)).isEmpty();
            assertThat(library.byUrn(first.get(0).urn())).isEmpty();
            SharedFile added = library.search("new file", 1).get(0);
            assertThat(first).extracting(SharedFile::index).doesNotContain(added.index());
            assertThat(added.index()).isPositive().isLessThanOrEqualTo(4);
        }
        try (Library library = scanned()) {
            assertThat(library.fileCount()).isEqualTo(3);
            assertThat(library.filesHashed()).isZero();
        }
    }

    @Test
    void aRootNoLongerSharedIsDropped() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("x.txt"), "x");
        try (Library library = Library.open(data, List.of(share, other), LibraryListener.NONE)) {
            library.start(false);
            library.ready().get(10, TimeUnit.SECONDS);
            assertThat(library.fileCount()).isEqualTo(4);
        }
        try (Library library = scanned()) {
            assertThat(library.fileCount()).isEqualTo(3);
            assertThat(library.search("x", 10)).isEmpty();
        }
    }

    @Test
    void aCorruptIndexIsRebuilt() throws Exception {
        try (Library library = scanned()) {
            assertThat(library.fileCount()).isEqualTo(3);
        }
        try (Stream<Path> files = Files.list(data.resolve("index"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }

        try (Library library = scanned()) {
            assertThat(library.fileCount()).isEqualTo(3);
            assertThat(library.filesHashed()).isEqualTo(3);
        }
    }

    @Test
    void aSecondLibraryOnTheSameDataDirIsRefused() throws Exception {
        try (Library library = Library.open(data, List.of(share), LibraryListener.NONE)) {
            assertThatThrownBy(() -> Library.open(data, List.of(share), LibraryListener.NONE))
                    .isInstanceOf(IOException.class);
            assertThat(library.fileCount()).isZero();
        }
    }

    @Test
    void indexOnceListsEveryFile() throws Exception {
        List<SharedFile> files = Library.indexOnce(data, List.of(share), LibraryListener.NONE);

        assertThat(files).extracting(SharedFile::name).containsExactly("a.txt", "b.txt", "c.bin");
        assertThat(files).extracting(SharedFile::size).containsExactly(5L, 11L, 7L);
        assertThat(files.get(0).urn()).isEqualTo(FileHasher.hash("alpha".getBytes(StandardCharsets.UTF_8)));
        assertThat(Library.indexOnce(data, List.of(share), LibraryListener.NONE)).isEqualTo(files);
    }
}
