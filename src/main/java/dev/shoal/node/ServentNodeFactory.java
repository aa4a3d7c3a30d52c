package dev.shoal.node;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeFactory;
import dev.shoal.node.api.NodeListener;
import dev.shoal.node.api.NodeStats;
import dev.shoal.node.api.SharedFileInfo;
import dev.shoal.node.api.ShoalNode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** This package as the implementation of {@code node.api}, registered in {@code META-INF/services}. */
public final class ServentNodeFactory implements NodeFactory {
    private static final Duration STATS_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public ShoalNode start(NodeConfig config) {
        return ServentNode.start(config);
    }

    @Override
    public List<SharedFileInfo> index(Path folder, Path dataDir, NodeListener progress) {
        return LibraryIndexer.index(folder, dataDir, progress);
    }

    @Override
    public String checkLink(String urnOrMagnet) {
        return Links.parse(urnOrMagnet).urn().toString();
    }

    @Override
    public NodeStats stats(InetSocketAddress node) {
        return StatsEndpoint.fetch(node, STATS_TIMEOUT);
    }
}
