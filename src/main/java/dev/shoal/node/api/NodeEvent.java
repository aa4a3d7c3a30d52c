package dev.shoal.node.api;

import java.nio.file.Path;

/** Things that happen in a node, for status displays and logs. */
public sealed interface NodeEvent {
    record PeerConnected(PeerInfo peer) implements NodeEvent {
    }

    record PeerDisconnected(PeerInfo peer, String reason) implements NodeEvent {
    }

    /** The node now runs as a leaf or an ultrapeer (never {@link Role#AUTO}). */
    record RoleChanged(Role role) implements NodeEvent {
    }

    /** A query reached this node for the first time and was answered with {@code results} files. */
    record QueryReceived(String text, int hops, int results) implements NodeEvent {
    }

    record IndexingProgress(int filesDone, int filesTotal, long bytesDone, long bytesTotal) implements NodeEvent {
    }

    record LibraryChanged(int files, long bytes) implements NodeEvent {
    }

    /**
     * What was left out of the share because it looks private changed: {@code count} files or
     * folders, listed in {@code listFile} (and by {@link ShoalNode#leftOut()}); paths the user lists
     * in {@code anywayFile} are shared all the same.
     */
    record PrivateFilesLeftOut(int count, Path listFile, Path anywayFile) implements NodeEvent {
    }

    /** Sent about 4 times a second while a download moves, and on every change of state. */
    record DownloadChanged(DownloadInfo download) implements NodeEvent {
    }

    record UploadChanged(UploadInfo upload) implements NodeEvent {
    }

    /** Finding the network moved on: a cache was asked, hosts came, a link came up or went. */
    record BootstrapProgress(BootstrapStatus status) implements NodeEvent {
    }
}
