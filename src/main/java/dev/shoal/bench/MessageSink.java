package dev.shoal.bench;

/**
 * Per-message work under measurement. {@code wire} is one whole frame (23-byte header and
 * payload) as it arrived on connection number {@code link}. The result is folded into a checksum
 * that is kept, so the JIT cannot drop the work as unused.
 */
interface MessageSink {
    long accept(byte[] wire, int link);
}
