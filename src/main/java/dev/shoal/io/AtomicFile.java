package dev.shoal.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way Shoal replaces a small file whole (settings, host cache, lists, a download's
 * state): the new content goes to {@code NAME.tmp} beside it, is forced to the disk, and is renamed
 * over the file, whose folder is then forced too. A kill, a crash or a power cut at any moment
 * leaves the old content or the new, never an empty or half-written file; a {@code .tmp} left by
 * one is overwritten by the next write.
 */
public final class AtomicFile {
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Logger log = LoggerFactory.getLogger(AtomicFile.class);

    private AtomicFile() {
    }

    /** Replaces {@code file}'s content with {@code text} in UTF-8, creating missing folders. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code file}'s content with {@code content}, creating missing folders. */
    public static void write(Path file, byte[] content) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            // Without this a power cut after the rename can leave the new name on empty blocks.
            out.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncFolder(folder);
    }

    /** Makes the rename itself durable, where the platform can (Windows cannot open a folder). */
    private static void syncFolder(Path folder) {
        try (FileChannel d = FileChannel.open(folder, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The rename is atomic all the same; only its durability waits for the file system.
            log.debug("cannot force folder {} to disk: {}", folder, e.toString());
        }
    }
}
