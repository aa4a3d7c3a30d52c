package dev.shoal.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.SplittableRandom;

/** Random test files and removal of the bench's temporary folders. */
final class BenchFiles {
    static final long MIB = 1024 * 1024;
    private static final int BLOCK = 4 * 1024 * 1024;

    private BenchFiles() {
    }

    /** Writes {@code bytes} pseudo-random (incompressible) bytes to {@code file}. */
    static Path random(Path file, long bytes, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long left = bytes;
            while (left > 0) {
                block.clear();
                while (block.remaining() >= Long.BYTES) {
                    block.putLong(random.nextLong());
                }
                block.flip().limit((int) Math.min(block.limit(), left));
                left -= block.remaining();
                while (block.hasRemaining()) {
                    out.write(block);
                }
            }
        }
        return file;
    }

    /** Deletes a folder and everything below it; missing is fine. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
