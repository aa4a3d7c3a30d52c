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
import dev.shoal.time.Scheduler;
import dev.shoal.transfer.download.DownloadRequest;
import dev.shoal.transfer.download.IncompleteDownloads;
import dev.shoal.transfer.download.Magnet;
import dev.shoal.transfer.download.Source;
import dev.shoal.transfer.download.SwarmSetup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's downloads by URN: starts them from hits or links, looks up sources with hash queries
 * (again every {@link #REQUERY_SECONDS} s while a download has none), and resumes the unfinished
 * ones found in {@code <data>/incomplete} at start-up.
 */
final class DownloadManager implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DownloadManager.class);
    static final int REQUERY_SECONDS = 20;
    static final int SOURCE_QUERY_TTL = 4;

    /** How the manager asks the network for sources: a hash query whose hits come back here. */
    interface SourceFinder {
        void find(Urn urn, int ttl, Consumer<SearchHit> hits);
    }

    private final SwarmSetup setup;
    private final SourceFinder finder;
    private final DirectSources direct;
    private final Consumer<NodeEvent> events;
    private final Map<String, ManagedDownload> downloads = new ConcurrentHashMap<>();
    private final Scheduler.Cancellable requery;

    /** Sourceless downloads are queried for again on the setup's scheduler. */
    DownloadManager(SwarmSetup setup, SourceFinder finder, DirectSources direct, Consumer<NodeEvent> events) {
        this.setup = setup;
        this.finder = finder;
        this.direct = direct;
        this.events = events;
        this.requery = setup.scheduler().every(Duration.ofSeconds(REQUERY_SECONDS), this::requerySourceless);
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
        finder.find(d.urn(), ttl, hit -> {
            if (hit.urn().equals(d.urn().toString())) {
                d.learn(hit.name(), hit.size());
                d.addSource(DownloadSource.of(hit));
            }
        });
    }

    private void requerySourceless() {
        for (ManagedDownload d : downloads.values()) {
            DownloadInfo info = d.info();
            if (info.state() == DownloadState.QUEUED && info.knownSources() == 0) {
                findSources(d, SOURCE_QUERY_TTL);
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
        requery.cancel();
        direct.close();
        downloads.values().forEach(ManagedDownload::stop);
    }
}
