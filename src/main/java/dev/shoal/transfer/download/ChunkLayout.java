package dev.shoal.transfer.download;

import dev.shoal.transfer.http.ByteRange;

/**
 * How a file of {@code size} bytes is cut into chunks of {@code chunkSize}: every chunk is full
 * but the last. Chunks are the unit of scheduling, verification and resume.
 */
record ChunkLayout(long size, int chunkSize) {
    ChunkLayout {
        if (size < 0 || chunkSize < 1) {
            throw new IllegalArgumentException("bad chunk layout: " + size + " bytes in chunks of " + chunkSize);
        }
    }

    int count() {
        return (int) ((size + chunkSize - 1) / chunkSize);
    }

    ByteRange range(int chunk) {
        long first = (long) chunk * chunkSize;
        return new ByteRange(first, Math.min(size, first + chunkSize) - 1);
    }

    /** The chunk holding the byte at {@code position}. */
    int chunkAt(long position) {
        return (int) (position / chunkSize);
    }

    /** The bytes of chunks {@code first..last}. */
    ByteRange range(int first, int last) {
        return new ByteRange(range(first).first(), range(last).last());
    }
}
