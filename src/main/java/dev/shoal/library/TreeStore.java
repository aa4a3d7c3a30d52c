package dev.shoal.library;

import dev.shoal.io.AtomicFile;
import dev.shoal.protocol.TigerRoot;
import dev.shoal.thex.HashTree;
import dev.shoal.thex.ThexException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tiger trees of shared files, one side file per content in {@code <data>/thex/<root>.tree}
 * holding the rows breadth first, root first: a few KB each, too many to keep in memory or in
 * every index document, read when a peer asks for one. A file that cannot be read back (or whose
 * rows do not hash to its root) counts as missing, and its content is hashed again.
 */
final class TreeStore {
    private static final Logger log = LoggerFactory.getLogger(TreeStore.class);
    private static final String SUFFIX = ".tree";

    private final Path dir;

    TreeStore(Path dataDir) {
        this.dir = dataDir.resolve("thex");
    }

    private Path file(TigerRoot root) {
        return dir.resolve(root.base32() + SUFFIX);
    }

    boolean has(TigerRoot root) {
        return Files.isRegularFile(file(root));
    }

    /** Writes the tree whole ({@link AtomicFile}): a crash never leaves half a tree. */
    void save(HashTree tree) throws IOException {
        AtomicFile.write(file(tree.root()), tree.breadthFirst());
    }

    /** The tree of a {@code size}-byte content with this root, if stored and sound. */
    Optional<HashTree> load(TigerRoot root, long size) {
        try {
            return Optional.of(HashTree.fromBreadthFirst(size, Files.readAllBytes(file(root)), root));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | ThexException e) {
            log.warn("Tiger tree {} is unreadable ({}); its file will be hashed again", root, e.getMessage());
            try {
                Files.deleteIfExists(file(root));
            } catch (IOException ignored) {
                // it will be overwritten when the file is hashed again
            }
            return Optional.empty();
        }
    }

    /** Deletes the trees of contents no longer shared. */
    void keepOnly(Set<TigerRoot> roots) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.endsWith(SUFFIX) || !roots.contains(rootOf(name))) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            log.warn("Cannot prune Tiger trees in {}: {}", dir, e.toString());
        }
    }

    private static TigerRoot rootOf(String name) {
        try {
            return TigerRoot.parse(name.substring(0, name.length() - SUFFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
