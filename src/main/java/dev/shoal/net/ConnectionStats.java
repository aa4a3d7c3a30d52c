package dev.shoal.net;

/**
 * Counters of one link. Frame bytes are counted before compression; wire bytes are what crossed
 * the socket (compressed when deflate is on, handshake included).
 */
public record ConnectionStats(long framesIn, long framesOut, long frameBytesIn, long frameBytesOut,
        long wireBytesIn, long wireBytesOut, long framesDropped, int queuedBytes) {
}
