package dev.shoal.node.api;

/** One upload served to a peer (a request for a whole file or a range of it). */
public record UploadInfo(long id, String peer, String file, long bytesSent, long bytesRequested, boolean finished) {
    public double fraction() {
        return bytesRequested <= 0 ? 1.0 : Math.min(1.0, (double) bytesSent / bytesRequested);
    }
}
