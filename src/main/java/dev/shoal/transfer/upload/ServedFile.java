package dev.shoal.transfer.upload;

import dev.shoal.protocol.TigerRoot;
import dev.shoal.protocol.Urn;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file the node shares, as the upload side sees it. Only these paths are ever opened.
 *
 * @param tigerRoot the root of its Tiger tree, or null when not known (yet): then no tree is offered
 */
public record ServedFile(long index, String name, Path path, long size, Urn urn, TigerRoot tigerRoot) {
    public ServedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(urn, "urn");
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }

    /** A file whose Tiger tree is not known. */
    public ServedFile(long index, String name, Path path, long size, Urn urn) {
        this(index, name, path, size, urn, null);
    }
}
