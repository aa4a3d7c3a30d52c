package dev.shoal.transfer.download;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Puts fetched bytes into the part file so that every done chunk holds one source's copy, whole.
 * A source that writes a chunk as it arrives must not mix its bytes into a copy another source has
 * claimed, so a piece is written only while its chunk is unclaimed, and claiming waits for a piece
 * being written. Thread-safe; chunk i shares lock i % {@link #LOCKS} with a few others.
 */
final class ChunkWriter {
    private static final int LOCKS = 64;

    private final PartFile part;
    private final ChunkScheduler scheduler;
    private final Object[] locks = new Object[LOCKS];

    ChunkWriter(PartFile part, ChunkScheduler scheduler) {
        this.part = part;
        this.scheduler = scheduler;
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Object();
        }
    }

    /** Writes bytes of {@code chunk} at {@code position}; false (nothing written) once another source claimed it. */
    boolean writePiece(int chunk, long position, ByteBuffer bytes) throws IOException {
        synchronized (locks[chunk % LOCKS]) {
            if (scheduler.isClaimed(chunk)) {
                return false;
            }
            part.write(position, bytes);
            return true;
        }
    }

    /** {@code source} wrote every byte of the chunk piece by piece: it is done, unless another source won. */
    boolean complete(int chunk, Source source) {
        synchronized (locks[chunk % LOCKS]) {
            if (!scheduler.claim(chunk, source)) {
                return false;
            }
        }
        scheduler.written(chunk);
        return true;
    }

    /** A whole copy of the chunk kept apart (a duplicate): written and done if no other source claimed it first. */
    boolean store(int chunk, Source source, ByteBuffer data) throws IOException {
        synchronized (locks[chunk % LOCKS]) {
            if (!scheduler.claim(chunk, source)) {
                return false;
            }
            part.write(scheduler.range(chunk).first(), data);
        }
        scheduler.written(chunk);
        return true;
    }
}
