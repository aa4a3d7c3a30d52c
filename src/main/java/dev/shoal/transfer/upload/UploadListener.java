package dev.shoal.transfer.upload;

import dev.shoal.transfer.http.ByteRange;
import java.net.InetSocketAddress;

/** Upload events, called on the connection's thread; keep them quick. */
public interface UploadListener {
    UploadListener NONE = new UploadListener() {
    };

    /** A body is about to be sent. */
    default void uploadStarted(InetSocketAddress remote, ServedFile file, ByteRange range) {
    }

    /** Part of a body is written: {@code bytesSent} of the range so far. Called after each slice. */
    default void uploadProgress(InetSocketAddress remote, ServedFile file, ByteRange range, long bytesSent) {
    }

    /** A body ended; {@code complete} is false when the connection broke during it. */
    default void uploadFinished(InetSocketAddress remote, ServedFile file, ByteRange range,
            long bytesSent, boolean complete) {
    }

    /** A browse of our shared list ended: {@code bytes} went out, listing {@code files} files. */
    default void browseServed(InetSocketAddress remote, long files, long bytes, boolean complete) {
    }

    /** A request was answered with an error or busy status ({@code status} >= 400). */
    default void requestRefused(InetSocketAddress remote, String requestLine, int status) {
    }
}
