package dev.shoal.transfer.upload;

import dev.shoal.protocol.Urn;
import java.util.Optional;

/** The shared files the upload handler may serve; the node adapts its library to this. */
public interface SharedFileLookup {
    Optional<ServedFile> byUrn(Urn urn);

    Optional<ServedFile> byIndex(long index);
}
