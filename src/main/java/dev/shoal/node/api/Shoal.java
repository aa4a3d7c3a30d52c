package dev.shoal.node.api;

import dev.shoal.node.LibraryIndexer;
import dev.shoal.node.ServentNode;
import java.nio.file.Path;
import java.util.List;

/** Entry points for clients: start a servent, or index a folder without joining any network. */
public final class Shoal {
    private Shoal() {
    }

    public static ShoalNode start(NodeConfig config) {
        return ServentNode.start(config);
    }

    /** Hashes and indexes {@code folder} (reusing hashes cached in {@code dataDir}) and lists its files. */
    public static List<SharedFileInfo> index(Path folder, Path dataDir, NodeListener progress) {
        return LibraryIndexer.index(folder, dataDir, progress);
    }
}
