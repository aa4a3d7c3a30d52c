package dev.shoal.node.api;

/**
 * One source of a download as a progress display shows it, with what explains a slow one.
 *
 * @param address {@code host:port}; a firewalled host reached by Push is marked {@code (push)}
 * @param bytes bytes of whole chunks it delivered in this run of the download
 * @param bytesPerSecond its recent speed
 * @param busy its last answer was "503 busy": no upload slot free for us
 * @param queuePosition our place in its upload queue, as its busy answer said ({@code X-Queue}), or 0
 * @param retryInSeconds how long until it is asked again while {@link SourceState#WAITING}, else -1
 * @param push it is reached by Push (it cannot accept connections, so it must connect to us,
 *     through the peers that relayed its hit)
 * @param slow it is sending, but at less than a quarter of the download's fastest source
 */
public record SourceProgress(String address, long bytes, long bytesPerSecond, SourceState state, boolean busy,
        int queuePosition, long retryInSeconds, boolean push, boolean slow) {

    /** A source with nothing known about why it waits. */
    public SourceProgress(String address, long bytes, long bytesPerSecond, SourceState state) {
        this(address, bytes, bytesPerSecond, state, false, 0, -1, false, false);
    }

    /** What the source is doing and, when it holds the download back, why; for tool tips and the network map. */
    public String why() {
        String retry = retryInSeconds >= 0 ? ", asked again in " + retryInSeconds + " s" : "";
        return switch (state) {
            case DOWNLOADING -> (slow ? "slow source: " : "sending at ") + rate();
            case CONNECTING -> push ? "firewalled: asked by Push to connect to us" : "connecting";
            case WAITING -> queuePosition > 0 ? "queued at position " + queuePosition + retry
                    : busy ? "busy (503: no free upload slot)" + retry : "failed" + retry;
            case IDLE -> "not needed now";
            case GAVE_UP -> "gave up: failed too often or cannot serve this file";
            case BANNED -> "banned: sent data that did not match the file's hash";
        };
    }

    private String rate() {
        return bytesPerSecond >= 10 * 1024 ? bytesPerSecond / 1024 + " KB/s" : bytesPerSecond + " B/s";
    }
}
