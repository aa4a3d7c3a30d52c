package dev.shoal.library;

import dev.shoal.protocol.TigerRoot;
import dev.shoal.protocol.Urn;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One shared file as the library knows it.
 *
 * @param index        small positive number naming the file in QueryHits and {@code /get/<index>/<name>}
 *                     URLs; stable for a path across restarts (it is stored in the index)
 * @param path         absolute, normalised path on disk
 * @param name         file name as shown to peers (last path element)
 * @param size         size in bytes at the time it was hashed
 * @param urn          SHA-1 of the content
 * @param lastModified modification time in epoch milliseconds at the time it was hashed
 * @param tigerRoot    root of the content's Tiger tree; null for a file indexed before Shoal
 *                     computed trees, until it is hashed again
 */
public record SharedFile(long index, Path path, String name, long size, Urn urn, long lastModified,
        TigerRoot tigerRoot) {
    public SharedFile {
        if (index <= 0) {
            throw new IllegalArgumentException("index must be positive: " + index);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(urn, "urn");
    }
}
