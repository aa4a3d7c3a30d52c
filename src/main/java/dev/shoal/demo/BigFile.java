package dev.shoal.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * The demo's one large file: pseudo-random bytes from a fixed seed, written at start into the
 * demo's temporary folder (never kept in the repository), so that a throttled multi-source download
 * lasts long enough to watch. The same size always gives the same bytes, hence the same URN.
 */
final class BigFile {
    static final String NAME = "shoal-demo-bigfile.bin";
    private static final long SEED = 6346;
    private static final int BLOCK = 1 << 20;

    private BigFile() {
    }

    static Path generate(Path file, long size) {
        SplittableRandom random = new SplittableRandom(SEED);
        byte[] block = new byte[BLOCK];
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                for (long left = size; left > 0; left -= BLOCK) {
                    random.nextBytes(block);
                    ByteBuffer b = ByteBuffer.wrap(block, 0, (int) Math.min(BLOCK, left));
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Puts the file into a node's share: a hard link where the file system allows, else a copy. */
    static void place(Path file, Path into) {
        try {
            Files.createDirectories(into.getParent());
            try {
                Files.createLink(into, file);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(file, into, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
