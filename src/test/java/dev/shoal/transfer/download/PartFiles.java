package dev.shoal.transfer.download;

import dev.shoal.protocol.Urn;
import java.io.IOException;
import java.nio.file.Path;

/** What a part file's state records, for tests outside this package. */
public final class PartFiles {
    private PartFiles() {
    }

    /** Bytes of the chunks the state beside the part file records as done (the last chunk may be short). */
    public static long bytesRecorded(Path incompleteDir, Urn urn, long size, int chunkSize) throws IOException {
        try (PartFile part = PartFile.open(incompleteDir, urn, size, "", chunkSize)) {
            return new ChunkScheduler(size, part.chunkSize(), part.resumedChunks()).bytesDone();
        }
    }
}
