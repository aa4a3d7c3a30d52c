package dev.shoal.node.api;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one door into a running servent for the CLI and the UI. Methods never block on the network;
 * results arrive through futures and listeners on node threads.
 */
public interface ShoalNode extends AutoCloseable {
    /** The address actually bound, with the real port when 0 was asked for. */
    InetSocketAddress listenAddress();

    /** This servent's id (hex), as sent in its query hits. */
    String serventId();

    /**
     * Floods a query to the connected peers. {@code text} is keywords, or a {@code urn:sha1:} to
     * find sources of one file. TTL counts from this node: 1 reaches only its direct peers.
     */
    Search search(String text, int ttl, SearchListener listener);

    /** Opens a Gnutella connection to a host; fails with a {@link ShoalException} saying why. */
    CompletableFuture<PeerInfo> connect(InetSocketAddress peer);

    List<PeerInfo> peers();

    List<SharedFileInfo> sharedFiles();

    /** Completes when the start-up scan of the shared folders is done. */
    CompletableFuture<Void> libraryReady();

    void addListener(NodeListener listener);

    /** Says Bye to every peer, stops listening and closes the index. */
    @Override
    void close();
}
