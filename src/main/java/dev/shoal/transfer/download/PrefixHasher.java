package dev.shoal.transfer.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-1 of a file that is being written, computed as it grows: the caller says how far the file
 * is complete from its start (the done chunks before the first gap) and the hasher digests the
 * bytes up to there, so that verifying a finished download only has to hash what is left, which
 * is nothing when the chunks came in order. Bytes after a gap wait until the gap is filled. Bytes
 * already digested must not change until {@link #finish}, which starts over for the next round.
 * Not thread-safe: one thread owns it.
 */
final class PrefixHasher {
    /** Where the bytes come from: a positional read, like {@code FileChannel.read(dst, position)}. */
    interface Source {
        int read(ByteBuffer dst, long position) throws IOException;
    }

    private static final int BUFFER = 1024 * 1024;

    private final MessageDigest sha1;
    /** Direct: the file is read into it without a copy through the heap (a few percent faster). */
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
    private long hashed;

    PrefixHasher() {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-1", e);
        }
    }

    /** Bytes from the start of the file digested so far. */
    long hashed() {
        return hashed;
    }

    /**
     * Digests the bytes from {@link #hashed()} up to {@code complete} (exclusive), at most
     * {@code maxBytes} of them, and returns how many it digested.
     */
    long advance(Source source, long complete, long maxBytes) throws IOException {
        long end = complete - hashed > maxBytes ? hashed + maxBytes : complete;
        long start = hashed;
        while (hashed < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - hashed));
            int n = source.read(buffer, hashed);
            if (n < 0) {
                throw new IOException("file ended at " + hashed + " before " + end);
            }
            sha1.update(buffer.flip());
            hashed += n;
        }
        return hashed - start;
    }

    /** Forgets what was digested: bytes in it changed (a chunk found bad and fetched again). */
    void restart() {
        sha1.reset();
        hashed = 0;
    }

    /** Digests the rest of a complete file of {@code size} bytes, returns its SHA-1 and starts over. */
    byte[] finish(Source source, long size) throws IOException {
        advance(source, size, Long.MAX_VALUE);
        if (hashed != size) {
            throw new IllegalStateException("hashed " + hashed + " bytes of a " + size + "-byte file");
        }
        hashed = 0;
        return sha1.digest();
    }
}
