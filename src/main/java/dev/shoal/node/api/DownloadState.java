package dev.shoal.node.api;

/** Where a download stands. */
public enum DownloadState {
    /** Waiting for sources (looking them up on the network) or for a free download slot. */
    QUEUED,
    DOWNLOADING,
    /** All bytes are in; the SHA-1 of the whole file is being checked against the URN. */
    VERIFYING,
    /** Verified and moved to the downloads folder. */
    DONE,
    /** Stopped by the user; the bytes fetched so far are kept and it can be resumed. */
    PAUSED,
    /** Stopped for good with a reason (no sources, hash mismatch, ...). */
    FAILED,
    /** Cancelled by the user; its partial data is gone. */
    CANCELLED;

    public boolean isFinished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
