package dev.shoal.node.api;

/** Bytes moved since the node started; sample it twice to get a rate. */
public record Traffic(long bytesIn, long bytesOut) {
}
