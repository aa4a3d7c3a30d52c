package dev.shoal.node.api;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A running, paused or finished download. All methods return at once. */
public interface Download {
    String id();

    DownloadInfo info();

    /** Completes with the verified file in the downloads folder, or fails with the reason. */
    CompletableFuture<Path> completion();

    /** Adds a host that offers the same file. */
    void addSource(DownloadSource source);

    /** Stops transferring and keeps what was fetched. */
    void pause();

    /** Continues a paused download, fetching only what is missing. */
    void resume();

    /** Stops and deletes the partial data. */
    void cancel();

    /**
     * A file holding the start of this download as far as it is verified (see
     * {@link DownloadInfo#verifiedBytes()}), and never a byte more: to hand to a player while the
     * rest comes. From now on the download fetches the file's start first. Each call brings the
     * file up to date; a finished download's preview is the downloaded file itself. Empty while no
     * byte is verified yet: ask again when {@code verifiedBytes} grows. Copies the bytes on the
     * calling thread: call it off the event thread.
     */
    Optional<Path> preview();
}
