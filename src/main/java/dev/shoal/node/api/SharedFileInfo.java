package dev.shoal.node.api;

/** A file in the shared library. */
public record SharedFileInfo(long index, String path, String name, long size, String urn) {
}
