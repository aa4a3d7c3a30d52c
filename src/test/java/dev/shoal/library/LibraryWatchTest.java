package dev.shoal.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes made while the library runs reach searches without a restart. */
class LibraryWatchTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;
    private LibraryFixture files;
    private final RecordingListener listener = new RecordingListener();
    private Library library;

    @BeforeEach
    void start() throws Exception {
        files = new LibraryFixture(tmp);
        files.write("existing.txt", "existing");
        files.write("folder/inside.txt", "inside");
        library = LibraryFixture.watching(files.open(listener));
    }

    @AfterEach
    void close() throws Exception {
        library.close();
    }

    private List<String> names(String query) {
        return LibraryFixture.names(library, query);
    }

    @Test
    void aNewFileIsIndexed() throws Exception {
        files.write("Fresh_Arrival.txt", "fresh");

        await().atMost(WAIT).untilAsserted(() -> assertThat(names("fresh arrival")).containsExactly("Fresh_Arrival.txt"));
        assertThat(library.fileCount()).isEqualTo(3);
        assertThat(library.keywords()).contains("fresh", "arrival");
        assertThat(listener.changes).last().isEqualTo(new RecordingListener.Change(3, 8 + 6 + 5));
    }

    @Test
    void aDeletedFileIsDropped() throws Exception {
        SharedFile existing = library.search("existing", 1).get(0);

        Files.delete(existing.path());

        await().atMost(WAIT).untilAsserted(() -> assertThat(names("existing")).isEmpty());
        assertThat(library.byIndex(existing.index())).isEmpty();
        assertThat(library.byUrn(existing.urn())).isEmpty();
        assertThat(library.keywords()).doesNotContain("existing");
    }

    @Test
    void aRenamedFileKeepsItsContentUnderTheNewName() throws Exception {
        SharedFile before = library.search("existing", 1).get(0);

        Files.move(before.path(), files.share.resolve("renamed.txt"));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(names("existing")).isEmpty();
            assertThat(names("renamed")).containsExactly("renamed.txt");
        });
        assertThat(library.byUrn(before.urn())).get().extracting(SharedFile::name).isEqualTo("renamed.txt");
        assertThat(library.fileCount()).isEqualTo(2);
    }

    @Test
    void aModifiedFileIsRehashedUnderTheSameIndex() throws Exception {
        SharedFile before = library.search("existing", 1).get(0);

        files.write("existing.txt", "existing, now longer");

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(library.search("existing", 1).get(0).size()).isEqualTo(20));
        SharedFile after = library.search("existing", 1).get(0);
        assertThat(after.index()).isEqualTo(before.index());
        assertThat(after.urn()).isEqualTo(FileHasher.hash("existing, now longer".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void filesInANewSubfolderAreIndexedAndTheFolderIsWatched() throws Exception {
        files.write("new/deeper/first.txt", "first");

        await().atMost(WAIT).untilAsserted(() -> assertThat(names("first")).containsExactly("first.txt"));

        files.write("new/deeper/second.txt", "second");
        files.write("new/deeper/even/deeper/third.txt", "third");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(names("second")).containsExactly("second.txt");
            assertThat(names("third")).containsExactly("third.txt");
        });
    }

    @Test
    void aFolderMovedInIsIndexedAndAFolderMovedOutIsDropped() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside/album"));
        Files.writeString(outside.resolve("track one.ogg"), "one");
        Files.writeString(outside.resolve("track two.ogg"), "two");

        Files.move(outside, files.share.resolve("album"), StandardCopyOption.ATOMIC_MOVE);

        await().atMost(WAIT).untilAsserted(() -> assertThat(names("track")).hasSize(2));

        Files.move(files.share.resolve("folder"), tmp.resolve("outside/folder"), StandardCopyOption.ATOMIC_MOVE);

        await().atMost(WAIT).untilAsserted(() -> assertThat(names("inside")).isEmpty());
        // The moved-out folder is no longer watched: changes there must not come back.
        Files.writeString(tmp.resolve("outside/folder/ghost.txt"), "ghost");
        files.write("marker.txt", "marker");
        await().atMost(WAIT).untilAsserted(() -> assertThat(names("marker")).hasSize(1));
        assertThat(names("ghost")).isEmpty();
    }

    @Test
    void aDeletedFolderTakesItsFilesAlong() throws Exception {
        Files.delete(files.share.resolve("folder/inside.txt"));
        Files.delete(files.share.resolve("folder"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(library.fileCount()).isEqualTo(1));
        assertThat(names("inside")).isEmpty();
    }

    @Test
    void aFileWrittenSlowlyIsIndexedWithItsFinalContent() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        Path file = files.share.resolve("slow.bin");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 8; i++) {
                out.write(chunk);
                out.flush();
                Thread.sleep(60);
            }
        }
        byte[] whole = Files.readAllBytes(file);

        await().atMost(WAIT).untilAsserted(() -> assertThat(library.search("slow", 1)).singleElement()
                .satisfies(f -> assertThat(f.urn()).isEqualTo(FileHasher.hash(whole))));
        assertThat(library.search("slow", 1).get(0).size()).isEqualTo(8L * chunk.length);
    }

    @Test
    void searchesFromManyThreadsWhileFilesArrive() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> searchers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        assertThat(library.search("batch", 100)).allSatisfy(f -> assertThat(f.name()).startsWith("batch"));
                        library.keywords();
                        library.all();
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            thread.start();
            searchers.add(thread);
        }
        for (int i = 0; i < 50; i++) {
            files.write("batch/batch-" + i + ".txt", "content " + i);
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(library.search("batch txt", 100)).hasSize(50));
        stop.set(true);
        for (Thread thread : searchers) {
            thread.join(5000);
        }
        assertThat(failure.get()).isNull();
        assertThat(library.all()).extracting(SharedFile::index).doesNotHaveDuplicates();
    }

    @Test
    void hiddenFilesAndFoldersAreIgnored() throws Exception {
        files.write(".hidden.txt", "secret");
        files.write(".git/config", "secret");
        files.write("visible.txt", "visible");

        await().atMost(WAIT).untilAsserted(() -> assertThat(names("visible")).hasSize(1));
        assertThat(names("hidden")).isEmpty();
        assertThat(names("config")).isEmpty();
        assertThat(library.fileCount()).isEqualTo(3);
    }
}
