package dev.shoal.library;

import dev.shoal.protocol.Urn;
import dev.shoal.thex.HashTree;
import java.util.Objects;

/** What hashing a file gives: its SHA-1 urn and its Tiger tree, both from one read of the bytes. */
public record FileHashes(Urn urn, HashTree tree) {
    public FileHashes {
        Objects.requireNonNull(urn, "urn");
        Objects.requireNonNull(tree, "tree");
    }
}
