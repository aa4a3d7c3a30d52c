package dev.shoal.transfer.upload;

import dev.shoal.protocol.Urn;
import java.nio.file.Path;
import java.util.Objects;

/** A file the node shares, as the upload side sees it. Only these paths are ever opened. */
public record ServedFile(long index, String name, Path path, long size, Urn urn) {
    public ServedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(urn, "urn");
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }
}
