package dev.shoal.library;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the shareable files below a folder and holds the rules of what is shared: never hidden
 * files or folders (name starting with a dot, or the DOS hidden flag), never symbolic links (they
 * could lead outside the shared folders), never the data folder (it may sit inside a share), and
 * nothing that looks private unless the user chose to share it anyway ({@link PrivateGuard}): those
 * are noted as left out.
 */
final class ShareWalker {
    private static final Logger log = LoggerFactory.getLogger(ShareWalker.class);

    /** A regular file seen on disk, with the size and time that decide whether to rehash it. */
    record Candidate(Path path, long size, long modified) {
    }

    private final Path dataDir;
    private final PrivateGuard guard;

    ShareWalker(Path dataDir, PrivateGuard guard) {
        this.dataDir = dataDir;
        this.guard = guard;
    }

    /**
     * Adds every shareable file below {@code start} to {@code found}, what looks private to
     * {@code leftOut}, and tells {@code onFolder} about each folder entered (to watch it).
     * Unreadable entries are logged and skipped.
     */
    void walk(Path start, Map<Path, Candidate> found, Map<Path, PrivateFiles.Family> leftOut, Consumer<Path> onFolder)
            throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (isExcluded(dir) || (!dir.equals(start) && isHidden(dir, attrs))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Optional<PrivateFiles.Family> privately = guard.folder(dir);
                if (privately.isPresent()) {
                    leftOut.put(dir, privately.get());
                    return FileVisitResult.SKIP_SUBTREE;
                }
                onFolder.accept(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                // Without FOLLOW_LINKS a link is reported with its own attributes: not a regular file.
                if (attrs.isRegularFile() && !isHidden(file, attrs) && !isExcluded(file)) {
                    Optional<PrivateFiles.Family> privately = guard.file(file);
                    if (privately.isPresent()) {
                        leftOut.put(file, privately.get());
                    } else {
                        found.put(file, new Candidate(file, attrs.size(), attrs.lastModifiedTime().toMillis()));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                log.warn("Skipping {}: {}", file, e.toString());
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The data folder and everything in it. */
    boolean isExcluded(Path path) {
        return path.startsWith(dataDir);
    }

    static boolean isHiddenName(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static boolean isHidden(Path path, BasicFileAttributes attrs) {
        return isHiddenName(path) || (attrs instanceof DosFileAttributes dos && dos.isHidden());
    }
}
