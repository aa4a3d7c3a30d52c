package dev.shoal.node;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeFactory;
import dev.shoal.node.api.NodeListener;
import dev.shoal.node.api.SharedFileInfo;
import dev.shoal.node.api.ShoalNode;
import java.nio.file.Path;
import java.util.List;

/** This package as the implementation of {@code node.api}, registered in {@code META-INF/services}. */
public final class ServentNodeFactory implements NodeFactory {
    @Override
    public ShoalNode start(NodeConfig config) {
        return ServentNode.start(config);
    }

    @Override
    public List<SharedFileInfo> index(Path folder, Path dataDir, NodeListener progress) {
        return LibraryIndexer.index(folder, dataDir, progress);
    }

    @Override
    public void checkLink(String urnOrMagnet) {
        Links.parse(urnOrMagnet);
    }
}
