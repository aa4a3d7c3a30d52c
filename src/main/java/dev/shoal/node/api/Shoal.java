package dev.shoal.node.api;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/** Entry points for clients: start a servent, or index a folder without joining any network. */
public final class Shoal {
    private Shoal() {
    }

    /** @throws UnsafeShareException when a shared folder is the root of a disk or the home folder (or holds it) */
    public static ShoalNode start(NodeConfig config) {
        return Implementation.FACTORY.start(config);
    }

    /**
     * Checks a {@code urn:sha1:} or magnet link the way {@link ShoalNode#fetch} reads it, before
     * anything is started; a {@link ShoalException} says what is wrong with it.
     *
     * @return the file's {@code urn:sha1:}, as its {@link DownloadInfo#urn()} will say it
     */
    public static String checkLink(String urnOrMagnet) {
        return Implementation.FACTORY.checkLink(urnOrMagnet);
    }

    /**
     * Hashes and indexes {@code folder} (reusing hashes cached in {@code dataDir}) and lists its files;
     * files that look private are left out and announced to {@code progress} with
     * {@link NodeEvent.PrivateFilesLeftOut}. Refuses what {@link ShoalNode#setSharedFolders} refuses.
     */
    public static List<SharedFileInfo> index(Path folder, Path dataDir, NodeListener progress) {
        return Implementation.FACTORY.index(folder, dataDir, progress);
    }

    /**
     * Asks the node running at {@code node} (on this machine: it answers loopback clients only)
     * for its {@link NodeStats}; a {@link ShoalException} says why it could not.
     */
    public static NodeStats stats(InetSocketAddress node) {
        return Implementation.FACTORY.stats(node);
    }

    /** Looked up once, on first use. */
    private static final class Implementation {
        static final NodeFactory FACTORY = ServiceLoader.load(NodeFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + NodeFactory.class.getName()
                        + " on the class path: the jar is incomplete"));
    }
}
