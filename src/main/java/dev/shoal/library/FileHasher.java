package dev.shoal.library;

import dev.shoal.protocol.Urn;
import dev.shoal.thex.TigerTree;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongConsumer;

/**
 * Streams a file once through SHA-1 (its {@code urn:sha1:}) and its Tiger tree (THEX), keeping the
 * tree's rows down to the depth servents exchange. The tree, several times slower than the SHA-1,
 * digests each buffer on another core while the caller reads the next one and digests it with
 * SHA-1 (two buffers take turns). Stateless and thread-safe: every call uses its own buffers and
 * digests.
 */
public final class FileHasher {
    /** Large enough that the per-read overhead vanishes next to the digests. */
    public static final int DEFAULT_BUFFER_SIZE = 1 << 20;
    private static final int MIN_BUFFER_SIZE = 4096;
    /** Where trees are hashed beside the reading thread; daemon threads, so it never holds the JVM. */
    private static final Executor TREE_EXECUTOR = ForkJoinPool.commonPool();

    private final int bufferSize;

    public FileHasher() {
        this(DEFAULT_BUFFER_SIZE);
    }

    public FileHasher(int bufferSize) {
        if (bufferSize < MIN_BUFFER_SIZE) {
            throw new IllegalArgumentException("buffer too small: " + bufferSize);
        }
        this.bufferSize = bufferSize;
    }

    /**
     * Hashes the content of {@code file}: the bytes up to the size it had when opened. A file
     * that changes meanwhile gets hashes that match no version of it; callers compare its size
     * and time before and after, as {@code Indexer} does, and hash it again.
     *
     * @param bytesRead told the number of bytes of each chunk just digested (deltas, not totals),
     *                  so callers can add them up across many files
     * @throws IOException when the file vanishes or cannot be read; an interrupt closes the
     *                     channel and surfaces as {@link java.nio.channels.ClosedByInterruptException}
     */
    public FileHashes hash(Path file, LongConsumer bytesRead) throws IOException {
        MessageDigest sha1 = newSha1();
        TigerTree tree;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // Small files get a small buffer: a share of many tiny files must not churn 1 MiB arrays.
            long size = channel.size();
            tree = TigerTree.forFile(size);
            int length = (int) Math.max(MIN_BUFFER_SIZE, Math.min(bufferSize, size + 1));
            byte[][] buffers = {new byte[length], new byte[length]};
            CompletableFuture<Void> treeDone = CompletableFuture.completedFuture(null);
            long left = size;
            int n;
            for (int turn = 0; left > 0; turn ^= 1) {
                byte[] buffer = buffers[turn];
                // The tree is still on the other buffer, never on this one: it finished with it last turn.
                n = channel.read(ByteBuffer.wrap(buffer, 0, (int) Math.min(length, left)));
                if (n < 0) {
                    break;
                }
                join(treeDone);
                sha1.update(buffer, 0, n);
                int count = n;
                TigerTree t = tree;
                treeDone = CompletableFuture.runAsync(() -> t.update(buffer, 0, count), TREE_EXECUTOR);
                left -= n;
                bytesRead.accept(n);
            }
            join(treeDone);
            // Shrunk while read: the tree wants every announced byte, and these hashes are thrown away.
            for (; left > 0; left -= Math.min(length, left)) {
                tree.update(new byte[(int) Math.min(length, left)], 0, (int) Math.min(length, left));
            }
        }
        return new FileHashes(Urn.sha1(sha1.digest()), tree.finish());
    }

    private static void join(CompletableFuture<Void> step) throws IOException {
        try {
            step.join();
        } catch (CompletionException e) {
            throw new IOException("hashing the Tiger tree failed", e.getCause());
        }
    }

    public FileHashes hash(Path file) throws IOException {
        return hash(file, n -> { });
    }

    /** SHA-1 urn of bytes in memory. */
    public static Urn hash(byte[] content) {
        return Urn.sha1(newSha1().digest(content));
    }

    private static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 (MessageDigest javadoc).
            throw new IllegalStateException("SHA-1 missing from this JDK", e);
        }
    }
}
