package dev.shoal.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The setup every library test shares: a share folder and a data folder under one temp root, files
 * written into the share, and libraries opened over them.
 */
final class LibraryFixture {
    final Path share;
    final Path data;

    LibraryFixture(Path root) throws IOException {
        share = Files.createDirectories(root.resolve("share"));
        data = root.resolve("data");
    }

    /** Writes {@code content} to {@code relative} inside the share, creating folders on the way. */
    Path write(String relative, String content) throws IOException {
        Path file = share.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    Library open(LibraryListener listener) throws IOException {
        return Library.open(data, List.of(share), listener);
    }

    /** Opened, catch-up scan done, no watcher; still open. */
    Library scanned() throws Exception {
        return scanned(open(LibraryListener.NONE));
    }

    static Library scanned(Library library) throws Exception {
        library.start(false);
        library.ready().get(10, TimeUnit.SECONDS);
        return library;
    }

    /** Started with the folder watcher, catch-up scan done. */
    static Library watching(Library library) throws Exception {
        library.start();
        library.ready().get(10, TimeUnit.SECONDS);
        return library;
    }

    static List<String> names(Library library, String query) {
        return library.search(query, 100).stream().map(SharedFile::name).toList();
    }
}
