package dev.shoal.node.api;

import java.nio.file.Path;
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
}
