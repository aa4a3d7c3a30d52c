package dev.shoal.transfer.download;

import dev.shoal.protocol.Urn;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The preview of a download: {@code <incomplete>/preview/<BASE32>-<name>}, holding the start of the
 * part file up to where it is verified and never further, so a player handed it plays only bytes
 * that passed the Tiger tree. Each update appends the bytes verified since the last one; the bytes
 * already there never change (a verified chunk is never written again). Keeps the file's name, so
 * that the player knows the format by its extension.
 */
public final class PreviewFile {
    private static final int COPY = 1 << 20;

    private PreviewFile() {
    }

    public static Path path(Path incompleteDir, Urn urn, String name) {
        return incompleteDir.resolve("preview").resolve(urn.base32() + "-" + FileNames.sanitize(name, urn));
    }

    /**
     * Brings the preview up to {@code verified} bytes, read from the part file, and returns it.
     *
     * @throws IOException when the part file is gone (the download finished or was cancelled) or
     *     shorter than {@code verified}
     */
    public static Path update(Path incompleteDir, Urn urn, String name, long verified) throws IOException {
        Path preview = path(incompleteDir, urn, name);
        Files.createDirectories(preview.getParent());
        Path part = incompleteDir.resolve(urn.base32() + ".part");
        try (FileChannel from = FileChannel.open(part, StandardOpenOption.READ);
                FileChannel to = FileChannel.open(preview, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (to.size() > verified) {
                // Only when a tree later proved false took back what it had vouched for.
                to.truncate(verified);
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(COPY, Math.max(1, verified - to.size())));
            for (long at = to.size(); at < verified; ) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), verified - at));
                int n = from.read(buffer, at);
                if (n < 0) {
                    throw new IOException("part file ends at " + at + " before " + verified + " verified bytes");
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    at += to.write(buffer, at);
                }
            }
        }
        return preview;
    }

    /** Deletes the preview, if any, and the previews' folder once it is empty. */
    public static void discard(Path incompleteDir, Urn urn, String name) throws IOException {
        Path preview = path(incompleteDir, urn, name);
        Files.deleteIfExists(preview);
        try (var left = Files.list(preview.getParent())) {
            if (left.findAny().isEmpty()) {
                Files.deleteIfExists(preview.getParent());
            }
        } catch (java.nio.file.NoSuchFileException | java.nio.file.DirectoryNotEmptyException e) {
            // no previews at all, or another one appeared meanwhile
        }
    }
}
