package dev.shoal.node.api;

/** What one source of a download is doing. */
public enum SourceState {
    /** Being dialled (or asked by Push), or sending its first chunk. */
    CONNECTING,
    DOWNLOADING,
    /** Failed or answered busy lately; it will be tried again. */
    WAITING,
    /** Not in use: the download has enough sources at once, or is not running. */
    IDLE,
    /** Failed too often or cannot serve this file; not tried again. */
    GAVE_UP,
    /** Sent data that does not match the file's hash; never used again. */
    BANNED
}
