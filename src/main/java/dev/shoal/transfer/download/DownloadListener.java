package dev.shoal.transfer.download;

/** Download events, called from the download's coordinating thread; keep them quick. */
public interface DownloadListener {
    DownloadListener NONE = new DownloadListener() {
    };

    /** Periodic progress (about 4 times a second) and every state change. */
    default void onProgress(DownloadProgress progress) {
    }

    /** A source was shown to send data that does not match the URN and will not be used again. */
    default void onSourceBanned(Source source, String reason) {
    }
}
