package dev.shoal.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node killed while it hashes: what its data folder holds at that moment (copied while the
 * worker is held inside a hash) must open clean and spare the files hashed long enough before.
 */
class LibraryKilledTest {
    @TempDir
    Path tmp;

    @Test
    void aLibraryKilledMidScanKeepsWhatItHashedBeforeTheLastCommitPoint() throws Exception {
        LibraryFixture files = new LibraryFixture(tmp);
        for (String name : List.of("a.bin", "b.bin", "c.bin", "d.bin")) {
            files.write(name, "content of " + name);
        }
        CountDownLatch inFourth = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        // Each file reads as big as a commit's worth of bytes: as if the files were large.
        Library.Hasher big = (file, bytesRead) -> {
            if (started.incrementAndGet() == 4) {
                inFourth.countDown();
                await(release);
            }
            FileHashes h = new FileHasher().hash(file, n -> { });
            bytesRead.accept(Indexer.COMMIT_BYTES);
            return h;
        };
        Path killed = tmp.resolve("killed");
        try (Library library = Library.open(files.data, List.of(files.share), LibraryListener.NONE, big)) {
            library.start(false);
            assertThat(inFourth.await(10, TimeUnit.SECONDS)).isTrue();
            copy(files.data, killed);
            release.countDown();
            library.ready().get(10, TimeUnit.SECONDS);
        }

        try (Library restarted = LibraryFixture.scanned(Library.open(killed, List.of(files.share),
                LibraryListener.NONE))) {
            assertThat(restarted.indexRebuilt()).isFalse();
            assertThat(restarted.filesHashed()).isEqualTo(1);
            assertThat(restarted.fileCount()).isEqualTo(4);
        }
    }

    @Test
    void anIndexThatOpensCleanIsNotCalledRebuilt() throws Exception {
        LibraryFixture files = new LibraryFixture(tmp);
        files.write("a.txt", "alpha");
        try (Library library = files.scanned()) {
            assertThat(library.indexRebuilt()).isFalse();
        }
        try (Library library = files.scanned()) {
            assertThat(library.indexRebuilt()).isFalse();
            assertThat(library.filesHashed()).isZero();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies a folder as it is on disk now, what SIGKILL would leave of it. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                try {
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (NoSuchFileException gone) {
                    // Deleted meanwhile: a killed process would not have left it either.
                }
            }
        }
    }
}
