package dev.shoal.node.api;

/**
 * One source of a download as a progress display shows it.
 *
 * @param address {@code host:port}; a firewalled host reached by Push is marked {@code (push)}
 * @param bytes bytes of whole chunks it delivered in this run of the download
 * @param bytesPerSecond its recent speed
 */
public record SourceProgress(String address, long bytes, long bytesPerSecond, SourceState state) {
}
