package dev.shoal.node.api;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * What an implementation of this API provides; {@link Shoal} finds it with the JDK's
 * {@link java.util.ServiceLoader}, so the API depends on no implementation (as JDBC drivers work).
 */
public interface NodeFactory {
    ShoalNode start(NodeConfig config);

    List<SharedFileInfo> index(Path folder, Path dataDir, NodeListener progress);

    /** See {@link Shoal#checkLink}. */
    String checkLink(String urnOrMagnet);

    /** See {@link Shoal#stats}. */
    NodeStats stats(InetSocketAddress node);
}
