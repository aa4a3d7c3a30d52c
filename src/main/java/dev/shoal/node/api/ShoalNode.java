package dev.shoal.node.api;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one door into a running servent for the CLI and the UI. Methods never block on the network;
 * results arrive through futures and listeners on node threads. {@link #listenAddress()},
 * {@link #serventId()}, {@link #config()}, {@link #libraryReady()}, {@link #searchLibrary},
 * {@link #networkMap()} and the listener methods return at once; the others may wait on the disk or
 * a lock, so a user interface calls them off its event thread.
 */
public interface ShoalNode extends AutoCloseable {
    /** The address actually bound, with the real port when 0 was asked for. */
    InetSocketAddress listenAddress();

    /**
     * Whether this node runs as a leaf or an ultrapeer now (never {@link Role#AUTO}); changes are
     * announced with {@link NodeEvent.RoleChanged}.
     */
    Role role();

    /** Whether others can reach us: firewalled or not, our external address, push proxies, port mapping. */
    Reach reach();

    /** This servent's id (hex), as sent in its query hits. */
    String serventId();

    /**
     * Sends a query to the network. {@code text} is keywords, or a {@code urn:sha1:} to find sources
     * of one file. TTL counts from this node: 1 reaches only its direct peers. A leaf hands the query
     * to its ultrapeers, which run it step by step for it (never further than the TTL); an ultrapeer
     * runs its own the same way. Closing the search tells them to stop.
     *
     * @throws SearchTooSoonException when the last search by keywords went out less than a few seconds
     *                                ago (network etiquette, whoever the client); hash searches are not counted
     */
    Search search(String text, int ttl, SearchListener listener);

    /**
     * Our own shared files whose names hold every word of {@code text}, the last one possibly
     * unfinished ("ocean wa" finds "Ocean Waves.mp3"), best match first, at most {@code max}: what a
     * search as you type shows at once. Returns at once; the future completes on
     * a node thread (an empty list when nothing matches or the text has no words).
     */
    CompletableFuture<List<SharedFileInfo>> searchLibrary(String text, int max);

    /**
     * A magnet link for a file: {@code xt=urn:sha1:}, {@code dn} and {@code xl}, and when we share
     * the file an {@code xs} pointing at us ({@code http://host:port/uri-res/N2R?urn:sha1:...}) so
     * whoever opens it can fetch from us at once.
     */
    String magnetLink(String urn, String name, long size);

    /** The user's list of known fakes, whose URNs are hidden from search results. */
    SpamList spamList();

    /**
     * Lists everything the host at {@code address} shares (browse host), over a connection of its
     * own; files arrive through {@code listener} and {@link Browse#results()}. Returns at once.
     */
    Browse browse(InetSocketAddress address, SearchListener listener);

    /**
     * Browses the host that sent {@code hit}: dialled at its address, or, when it is firewalled,
     * asked by Push to connect to us (through the peer its hits came by).
     */
    Browse browse(SearchHit hit, SearchListener listener);

    /** Lets others browse our shared files, or refuses them ({@code 403}) from now on. */
    void setBrowseHost(boolean allowed);

    /** Opens a Gnutella connection to a host; fails with a {@link ShoalException} saying why. */
    CompletableFuture<PeerInfo> connect(InetSocketAddress peer);

    List<PeerInfo> peers();

    /**
     * Our node, our links with their traffic, and the hosts our peers told us about, from memory;
     * returns at once.
     */
    NetworkMap networkMap();

    /**
     * Downloads a file from the given sources (all offering the same URN), swarming across them.
     * Returns the existing download when this URN is already being fetched (or is done); one that
     * failed or was cancelled is replaced by a fresh one, which resumes from what is on disk.
     */
    Download download(String urn, String name, long size, List<DownloadSource> sources);

    /**
     * Downloads a {@code urn:sha1:} or {@code magnet:?xt=urn:sha1:...} link: sources are looked up
     * with a hash query of the given TTL and added as they answer; the download starts with the
     * first and takes in the others while it runs. The query goes to the links up now and, while
     * the download runs, to each link that comes up later, once. Called again for a download that
     * is running, it asks every link again.
     */
    default Download fetch(String urnOrMagnet, int ttl) {
        return fetch(urnOrMagnet, ttl, List.of());
    }

    /**
     * {@link #fetch(String, int)}, asking {@code hosts} directly as well, while the hash query goes
     * out: each that holds the file joins as a source at once, and when it also says the file's
     * name (a Shoal servent does) or the link named it, the download starts from it without
     * waiting for a hit. For hosts a user named, such as {@code shoal get --peer}.
     */
    Download fetch(String urnOrMagnet, int ttl, List<InetSocketAddress> hosts);

    List<Download> downloads();

    /** Forgets a finished, failed or cancelled download. */
    void removeDownload(String id);

    List<UploadInfo> uploads();

    /** Total bytes per second currently sent to peers (uploads) and received (downloads). */
    long uploadRate();

    long downloadRate();

    List<SharedFileInfo> sharedFiles();

    /** The configuration this node runs with, shared folders as currently set. */
    NodeConfig config();

    /**
     * Shares a new set of folders. Files already hashed are not hashed again; indexing progress
     * and the new totals arrive as events. Files that look private are left out (see
     * {@link #leftOut()}).
     *
     * @throws UnsafeShareException for the root of a disk, the home folder or a folder holding it;
     *                              nothing is changed then
     */
    void setSharedFolders(List<Path> folders);

    /**
     * Files and folders in the shared folders that look private (keys, wallets, password and mail
     * stores, browser profiles, passports, tax returns, bank statements) and so are not shared.
     * Announced with {@link NodeEvent.PrivateFilesLeftOut} when it changes.
     */
    List<LeftOutFile> leftOut();

    /**
     * Shares these left-out files or folders after all; the choice is kept in the data folder. They
     * are searchable once the next {@link NodeEvent.LibraryChanged} comes.
     */
    void shareAnyway(List<Path> paths);

    /** All bytes received from and sent to peers: Gnutella links and file transfers. */
    Traffic traffic();

    /** What the node has dropped, refused and closed so far, by reason, and its sockets now. */
    NodeStats stats();

    /** Datagrams through our UDP port since start: in, out, and refused. */
    UdpTraffic udpTraffic();

    /** How far finding the network has come (see {@link NodeConfig.Bootstrap}). */
    BootstrapStatus bootstrapStatus();

    /** Completes when the start-up scan of the shared folders is done. */
    CompletableFuture<Void> libraryReady();

    void addListener(NodeListener listener);

    /** Stops sending events to {@code listener}; does nothing if it was not added. */
    void removeListener(NodeListener listener);

    /** Says Bye to every peer, stops listening and closes the index. */
    @Override
    void close();
}
