package dev.shoal.transfer.download;

/** Life cycle of one swarm: what the downloader itself is doing (the node adds paused and cancelled for users). */
public enum SwarmState {
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
