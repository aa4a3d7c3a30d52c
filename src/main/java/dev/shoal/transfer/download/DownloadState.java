package dev.shoal.transfer.download;

/** Life cycle of a download. */
public enum DownloadState {
    /** Waiting: not started, or every source is busy and will be retried. */
    QUEUED,
    DOWNLOADING,
    /** Hashing the whole file, or re-fetching chunks to find who sent bad data. */
    VERIFYING,
    /** Verified and moved to the downloads directory. */
    DONE,
    /** Stopped for good; {@link DownloadProgress#reason()} says why. */
    FAILED
}
