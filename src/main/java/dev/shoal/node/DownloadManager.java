package dev.shoal.node;

import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadSource;
import dev.shoal.node.api.DownloadState;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.ShoalException;
import dev.shoal.protocol.TigerRoot;
import dev.shoal.protocol.Urn;
import dev.shoal.net.Connection;
import dev.shoal.transfer.download.DownloadRequest;
import dev.shoal.transfer.download.IncompleteDownloads;
import dev.shoal.transfer.download.Magnet;
import dev.shoal.transfer.download.Source;
import dev.shoal.transfer.download.SwarmSetup;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's downloads by URN: starts them from hits or links, looks up sources with hash queries,
 * and resumes the unfinished ones found in {@code <data>/incomplete} at start-up.
 *
 * <p>A download's query goes to the links up when it starts, and to each link that comes up while
 * it runs, once: never again, by itself, to a link that had it. We tell peers so in the handshake
 * ({@code X-Requeries: False}), and gtk-gnutella drops a leaf's repeat of a query within half an
 * hour anyway. The user asks again by fetching the link again.
 */
final class DownloadManager implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DownloadManager.class);
    static final int SOURCE_QUERY_TTL = 4;

    /** How the manager asks the network for sources: a hash query whose hits come back here. */
    interface SourceFinder {
        /** Asks {@code link} alone, or every link when it is null. */
        void find(Urn urn, int ttl, Connection link, Consumer<SearchHit> hits);
    }

    private final SwarmSetup setup;
    private final SourceFinder finder;
    private final DirectSources direct;
    private final Consumer<NodeEvent> events;
    private final Map<String, ManagedDownload> downloads = new ConcurrentHashMap<>();

    DownloadManager(SwarmSetup setup, SourceFinder finder, DirectSources direct, Consumer<NodeEvent> events) {
        this.setup = setup;
        this.finder = finder;
        this.direct = direct;
        this.events = events;
    }

    /** Picks up what a previous run left unfinished; sources are looked up again. */
    void resumeUnfinished() {
        for (DownloadRequest r : IncompleteDownloads.list(setup.incompleteDir())) {
            log.info("resuming download of {} ({} bytes)", r.name(), r.size());
            ManagedDownload d = create(r.urn(), r.name(), r.size(), null);
            findSources(d, SOURCE_QUERY_TTL);
        }
    }

    Download download(String urnText, String name, long size, List<DownloadSource> sources) {
        Urn urn = Links.parseUrn(urnText);
        if (size < 0) {
            throw new ShoalException("a download needs the file size");
        }
        ManagedDownload d = create(urn, name, size, Links.tigerRoot(urnText));
        sources.forEach(d::addSource);
        d.learn(name, size);
        return d;
    }

    /** {@code hosts} are asked directly too (see {@link DirectSources}), while the hash query goes out. */
    Download fetch(String urnOrMagnet, int ttl, List<InetSocketAddress> hosts) {
        Magnet magnet = Links.parse(urnOrMagnet);
        ManagedDownload d = create(magnet.urn(), magnet.displayName(), magnet.size().orElse(-1),
                Links.tigerRoot(urnOrMagnet));
        for (Source s : magnet.sources()) {
            d.addSource(new DownloadSource(s.address().getHostString(), s.address().getPort(), s.index(), s.name()));
        }
        d.learn(magnet.displayName(), magnet.size().orElse(-1));
        direct.ask(d, hosts);
        findSources(d, ttl);
        return d;
    }

    /** The running or done download of this URN, or a new one (replacing a failed or cancelled one). */
    private ManagedDownload create(Urn urn, String name, long size, TigerRoot givenRoot) {
        return downloads.compute(urn.base32(), (id, existing) -> existing != null && !givenUp(existing) ? existing
                : new ManagedDownload(urn, name, size, givenRoot, setup,
                        info -> events.accept(new NodeEvent.DownloadChanged(info))));
    }

    private static boolean givenUp(ManagedDownload d) {
        DownloadState s = d.info().state();
        return s == DownloadState.FAILED || s == DownloadState.CANCELLED;
    }

    private void findSources(ManagedDownload d, int ttl) {
        findSources(d, ttl, null);
    }

    private void findSources(ManagedDownload d, int ttl, Connection link) {
        finder.find(d.urn(), ttl, link, hit -> {
            if (hit.urn().equals(d.urn().toString())) {
                d.learn(hit.name(), hit.size());
                d.addSource(DownloadSource.of(hit));
            }
        });
    }

    /** A link came up: every download still running asks it, since none has yet. */
    void linkUp(Connection link) {
        for (ManagedDownload d : downloads.values()) {
            if (!d.info().state().isFinished()) {
                findSources(d, SOURCE_QUERY_TTL, link);
            }
        }
    }

    /** Whether this content was downloaded and verified by this node. */
    boolean finished(Urn urn) {
        ManagedDownload d = downloads.get(urn.base32());
        return d != null && d.info().state() == DownloadState.DONE;
    }

    List<Download> all() {
        return new ArrayList<>(downloads.values());
    }

    void remove(String id) {
        ManagedDownload d = downloads.get(id);
        if (d == null) {
            return;
        }
        if (!d.info().state().isFinished()) {
            throw new ShoalException("download " + d.info().name() + " is still running: cancel it first");
        }
        downloads.remove(id);
    }

    long rate() {
        return downloads.values().stream().mapToLong(d -> d.info().bytesPerSecond()).sum();
    }

    @Override
    public void close() {
        direct.close();
        downloads.values().forEach(ManagedDownload::stop);
    }
}
