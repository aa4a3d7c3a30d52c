package dev.shoal.transfer.download;

/**
 * A snapshot of a download. {@code bytesDone} counts verified-on-disk chunks only;
 * {@code reason} is empty unless the state is FAILED (or a source was banned on the way to DONE).
 */
public record DownloadProgress(long bytesDone, long total, long bytesPerSecond, int activeSources,
        SwarmState state, String reason) {
}
