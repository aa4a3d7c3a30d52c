package dev.shoal.node;

import dev.shoal.library.IndexingProgress;
import dev.shoal.library.Library;
import dev.shoal.library.LibraryListener;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.NodeListener;
import dev.shoal.node.api.SharedFileInfo;
import dev.shoal.node.api.ShoalException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Backs {@code shoal index}: one pass over a folder with the same index a node uses. */
public final class LibraryIndexer {
    private LibraryIndexer() {
    }

    public static List<SharedFileInfo> index(Path folder, Path dataDir, NodeListener progress) {
        SafeShares.check(List.of(folder));
        LibraryListener listener = new LibraryListener() {
            @Override
            public void indexingProgress(IndexingProgress p) {
                progress.onEvent(new NodeEvent.IndexingProgress(p.filesDone(), p.filesTotal(), p.bytesDone(),
                        p.bytesTotal()));
            }

            @Override
            public void leftOut(int count, Path listFile, Path anywayFile) {
                progress.onEvent(new NodeEvent.PrivateFilesLeftOut(count, listFile, anywayFile));
            }
        };
        try {
            return Library.indexOnce(dataDir, List.of(folder), listener).stream()
                    .map(f -> new SharedFileInfo(f.index(), f.path().toString(), f.name(), f.size(),
                            f.urn().toString()))
                    .toList();
        } catch (IOException e) {
            throw new ShoalException("cannot index " + folder + ": " + e.getMessage(), e);
        }
    }
}
