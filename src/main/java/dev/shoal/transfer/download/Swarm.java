package dev.shoal.transfer.download;

import dev.shoal.protocol.Urn;
import dev.shoal.transfer.http.XThexUri;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A download as one of its workers sees it. A worker fetches for one source: it takes runs of
 * chunks, writes their bytes as pieces, and says at the end how the source did. The part file,
 * the schedule and the other sources stay on the far side. Thread-safe.
 */
interface Swarm {
    /** The file being fetched. */
    Urn urn();

    ChunkLayout layout();

    /**
     * The next chunks for {@code source} to fetch, about {@code maxBytes} of them (at least one
     * chunk). Waits while there is nothing it could do now; empty once the download needs nothing
     * more from any source. Release the run when done with it.
     */
    Optional<ChunkScheduler.Run> nextRun(Source source, long maxBytes) throws InterruptedException;

    /** {@code source} stops working on the run's chunks (fetched, failed, or beaten to them). */
    void release(ChunkScheduler.Run run, Source source);

    /** False once the download stops or another source has claimed the chunk: its bytes are not needed. */
    boolean wanted(int chunk);

    /** Writes bytes of {@code chunk} at {@code position}; false (nothing written) when no longer wanted. */
    boolean writePiece(int chunk, long position, ByteBuffer bytes) throws LocalIoException;

    /** {@code source} wrote every byte of the chunk piece by piece: true when that made it done. */
    boolean completeChunk(int chunk, Source source);

    /** A whole copy of the chunk kept apart (a duplicate): true when it was written and made it done. */
    boolean storeChunk(int chunk, Source source, ByteBuffer copy) throws LocalIoException;

    /** The request target to ask {@code source} for the file with. */
    String target(Source source);

    /** After a 404 for the target: true when {@code source} should now be asked by index and name instead. */
    boolean askByIndex(Source source);

    /** Other sources worth telling {@code source} about in our X-Alt. */
    List<InetSocketAddress> alternatesFor(Source source);

    /** Locations of the file heard from a source (its X-Alt). */
    void learn(List<InetSocketAddress> locations);

    /** {@code source} said where it serves the file's Tiger tree (its X-Thex-URI). */
    void offersTree(Source source, XThexUri offer);

    /** The request target of the tree if {@code source} should fetch it now; the worker then reports how it went. */
    Optional<String> treeToFetch(Source source);

    /** The body of {@code source}'s answer to the tree's request. */
    void treeArrived(Source source, byte[] body);

    /** {@code source} did not deliver the tree. */
    void treeFailed(Source source);

    /**
     * The worker for {@code source} has ended: {@code why} is null when there was nothing left to
     * do, else what ended it ({@link Busy}, {@link Useless}, {@link LocalIoException}, another
     * I/O error, or a bug).
     */
    void ended(Source source, Exception why);

    /** The source said 503. */
    final class Busy extends IOException {
        private static final long serialVersionUID = 1L;
        /** When the source asked to be tried again; null when it did not say. */
        final Duration retryAfter;
        /** Our place in its upload queue ({@code X-Queue}), or 0 when it gave none. */
        final int queuePosition;

        Busy(Duration retryAfter, int queuePosition) {
            super("busy");
            this.retryAfter = retryAfter;
            this.queuePosition = queuePosition;
        }
    }

    /** The source cannot serve this file at all (404, other file, other size, not HTTP). */
    final class Useless extends IOException {
        private static final long serialVersionUID = 1L;

        Useless(String message) {
            super(message);
        }
    }

    /** A local disk failure seen by a worker: fatal for the download, not the source's fault. */
    final class LocalIoException extends IOException {
        private static final long serialVersionUID = 1L;

        LocalIoException(IOException cause) {
            super(cause);
        }
    }
}
