package dev.shoal.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.shoal.time.VirtualTime;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that misbehave, listeners that throw, closing at awkward moments. */
class LibraryRobustnessTest {
    @TempDir
    Path tmp;
    private LibraryFixture files;
    private final FileHasher realHasher = new FileHasher();

    @BeforeEach
    void files() throws IOException {
        files = new LibraryFixture(tmp);
        files.write("good one.txt", "good");
        files.write("good two.txt", "also good");
    }

    @Test
    void aFileThatVanishesBeforeItIsHashedIsSkipped() throws Exception {
        files.write("vanishing.txt", "soon gone");
        Library.Hasher deleteFirst = (file, bytesRead) -> {
            if (file.getFileName().toString().equals("vanishing.txt")) {
                Files.delete(file);
            }
            return realHasher.hash(file, bytesRead);
        };

        try (Library library = LibraryFixture.scanned(Library.open(files.data, List.of(files.share), LibraryListener.NONE, deleteFirst))) {
            assertThat(library.all()).extracting(SharedFile::name).containsExactly("good one.txt", "good two.txt");
            assertThat(library.search("vanishing", 10)).isEmpty();
        }
    }

    @Test
    void anUnreadableFileIsSkipped() throws Exception {
        files.write("locked.txt", "no entry");
        Library.Hasher denied = (file, bytesRead) -> {
            if (file.getFileName().toString().equals("locked.txt")) {
                throw new AccessDeniedException(file.toString());
            }
            return realHasher.hash(file, bytesRead);
        };

        try (Library library = LibraryFixture.scanned(Library.open(files.data, List.of(files.share), LibraryListener.NONE, denied))) {
            assertThat(library.all()).extracting(SharedFile::name).containsExactly("good one.txt", "good two.txt");
        }
    }

    @Test
    void aFileWithoutReadPermissionIsSkipped() throws Exception {
        // root reads everything, so this only proves something for ordinary users.
        assumeThat(System.getProperty("user.name")).isNotEqualTo("root");
        Path locked = files.write("locked.txt", "no entry");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

        try (Library library = files.scanned()) {
            assertThat(library.all()).extracting(SharedFile::name).containsExactly("good one.txt", "good two.txt");
        }
    }

    @Test
    void aPreviouslySharedFileThatBecomesUnreadableIsDropped() throws Exception {
        try (Library library = files.scanned()) {
            assertThat(library.fileCount()).isEqualTo(2);
        }
        files.write("good two.txt", "changed and now unreadable");
        Library.Hasher denied = (file, bytesRead) -> {
            throw new AccessDeniedException(file.toString());
        };

        try (Library library = LibraryFixture.scanned(Library.open(files.data, List.of(files.share), LibraryListener.NONE, denied))) {
            assertThat(library.all()).extracting(SharedFile::name).containsExactly("good one.txt");
        }
    }

    @Test
    void theDataFolderInsideAShareIsNotShared() throws Exception {
        Path inside = files.share.resolve("shoal-data");

        try (Library library = LibraryFixture.scanned(Library.open(inside, List.of(files.share), LibraryListener.NONE))) {
            assertThat(inside.resolve("index")).isNotEmptyDirectory();
            assertThat(library.all()).extracting(SharedFile::name).containsExactly("good one.txt", "good two.txt");
        }
        try (Library library = LibraryFixture.scanned(Library.open(inside, List.of(files.share), LibraryListener.NONE))) {
            assertThat(library.fileCount()).isEqualTo(2);
            assertThat(library.filesHashed()).isZero();
        }
    }

    @Test
    void symbolicLinksAreNotFollowed() throws Exception {
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "private");
        Files.createSymbolicLink(files.share.resolve("link.txt"), outside);

        try (Library library = files.scanned()) {
            assertThat(library.all()).extracting(SharedFile::name).containsExactly("good one.txt", "good two.txt");
        }
    }

    @Test
    void aMissingShareFolderIsNotAnError() throws Exception {
        try (Library library = LibraryFixture.scanned(Library.open(files.data, List.of(files.share, tmp.resolve("absent")), LibraryListener.NONE))) {
            assertThat(library.fileCount()).isEqualTo(2);
        }
    }

    @Test
    void progressCoversEveryByteAndEnds() throws Exception {
        RecordingListener listener = new RecordingListener();

        try (Library library = LibraryFixture.scanned(files.open(listener))) {
            assertThat(listener.progress).isNotEmpty();
            assertThat(listener.progress.get(0)).isEqualTo(new IndexingProgress(0, 2, 0, 13));
            assertThat(listener.progress).last().isEqualTo(new IndexingProgress(2, 2, 13, 13));
            assertThat(listener.progress.get(listener.progress.size() - 1).done()).isTrue();
            assertThat(listener.changes).containsExactly(new RecordingListener.Change(2, 13));
            assertThat(library.totalBytes()).isEqualTo(13);
        }
    }

    /**
     * Progress is told every 250 ms of the library's clock, not the machine's: here each read takes
     * 250 ms of virtual time, so each is told, however fast the machine hashes.
     */
    @Test
    void progressIsToldAsTheInjectedClockPasses() throws Exception {
        RecordingListener listener = new RecordingListener();
        VirtualTime time = new VirtualTime();
        Library.Hasher slowReads = (file, bytesRead) -> realHasher.hash(file, n -> {
            time.advance(Duration.ofMillis(250));
            bytesRead.accept(n);
        });

        try (Library library = LibraryFixture.scanned(
                Library.open(files.data, List.of(files.share), listener, slowReads, time))) {
            assertThat(listener.progress).containsExactly(new IndexingProgress(0, 2, 0, 13),
                    new IndexingProgress(0, 2, 4, 13), new IndexingProgress(1, 2, 13, 13),
                    new IndexingProgress(2, 2, 13, 13));
        }
    }

    @Test
    void aThrowingListenerDoesNotStopIndexing() throws Exception {
        LibraryListener rude = new LibraryListener() {
            @Override
            public void indexingProgress(IndexingProgress progress) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void libraryChanged(int files, long bytes) {
                throw new IllegalStateException("listener bug");
            }
        };

        try (Library library = LibraryFixture.scanned(files.open(rude))) {
            assertThat(library.fileCount()).isEqualTo(2);
        }
    }

    @Test
    void closingAbandonsAFileBeingHashed() throws Exception {
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch leftTheFile = new CountDownLatch(1);
        // Pretends to read an endless file; only the library's cancellation can end it.
        Library.Hasher endless = (file, bytesRead) -> {
            hashing.countDown();
            try {
                while (true) {
                    bytesRead.accept(1);
                    Thread.onSpinWait();
                }
            } finally {
                leftTheFile.countDown();
            }
        };
        Library library = Library.open(files.data, List.of(files.share), LibraryListener.NONE, endless);
        library.start();
        CompletableFuture<Void> ready = library.ready();
        assertThat(hashing.await(10, TimeUnit.SECONDS)).isTrue();

        library.close();

        // close() returns once the worker has stopped, or gives up on it: the hash must be over by then.
        assertThat(leftTheFile.getCount()).as("the endless hash was abandoned before close returned").isZero();
        assertThatThrownBy(() -> ready.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(library.search("good", 10)).isEmpty();
        // The index was released: it opens again.
        try (Library again = files.scanned()) {
            assertThat(again.fileCount()).isEqualTo(2);
        }
    }

    @Test
    void startTwiceIsRefused() throws Exception {
        try (Library library = files.open(LibraryListener.NONE)) {
            library.start(false);
            assertThatThrownBy(library::start).isInstanceOf(IllegalStateException.class);
        }
    }
}
