package dev.shoal.transfer.upload;

import dev.shoal.protocol.Urn;
import dev.shoal.thex.HashTree;
import java.util.Optional;

/** The shared files the upload handler may serve; the node adapts its library to this. */
public interface SharedFileLookup {
    Optional<ServedFile> byUrn(Urn urn);

    Optional<ServedFile> byIndex(long index);

    /** The Tiger tree of a shared file, served at N2X; empty when not known. */
    default Optional<HashTree> tree(Urn urn) {
        return Optional.empty();
    }
}
