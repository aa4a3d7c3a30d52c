package dev.shoal.node;

import dev.shoal.library.IndexingProgress;
import dev.shoal.library.Library;
import dev.shoal.library.LibraryListener;
import dev.shoal.library.SharedFile;
import dev.shoal.net.Connection;
import dev.shoal.net.ConnectionManager;
import dev.shoal.net.DropReason;
import dev.shoal.net.UdpEndpoint;
import dev.shoal.node.api.Browse;
import dev.shoal.node.api.BootstrapStatus;
import dev.shoal.node.api.BuildInfo;
import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadSource;
import dev.shoal.node.api.LeftOutFile;
import dev.shoal.node.api.NetworkMap;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.NodeListener;
import dev.shoal.node.api.NodeStats;
import dev.shoal.node.api.PeerInfo;
import dev.shoal.node.api.Reach;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SearchListener;
import dev.shoal.node.api.SharedFileInfo;
import dev.shoal.node.api.ShoalException;
import dev.shoal.node.api.ShoalNode;
import dev.shoal.node.api.SpamList;
import dev.shoal.node.api.Traffic;
import dev.shoal.node.api.UdpTraffic;
import dev.shoal.node.portmap.PortMapper;
import dev.shoal.node.api.UploadInfo;
import dev.shoal.protocol.BadMessageException;
import dev.shoal.node.bootstrap.BootstrapPlan;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.Pong;
import dev.shoal.protocol.Push;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.Urn;
import dev.shoal.protocol.VendorMessage;
import dev.shoal.routing.DynamicQueryConfig;
import dev.shoal.routing.RouterConfig;
import dev.shoal.routing.TtlPolicy;
import dev.shoal.time.Clock;
import dev.shoal.time.ExecutorScheduler;
import dev.shoal.time.Scheduler;
import dev.shoal.transfer.AltLocs;
import dev.shoal.transfer.download.SourceProbe;
import dev.shoal.transfer.download.SwarmSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One servent: the library, the router and the connections wired together behind
 * {@link ShoalNode}. Start it with {@link #start(NodeConfig)}; {@link #close()} says Bye to every
 * peer and closes the index. Its timers run on one {@link Scheduler}, whose clock is the node's
 * only clock for networking and routing.
 */
public final class ServentNode implements ShoalNode, MessageHandler.NodeHooks {
    private static final Logger log = LoggerFactory.getLogger(ServentNode.class);

    private volatile NodeConfig config;
    private final Guid serventId = Guid.random();
    private final Clock clock;
    private final List<NodeListener> listeners = new CopyOnWriteArrayList<>();
    private final SearchRegistry searches = new SearchRegistry();
    private volatile Library library;
    private final QrpPublisher qrp;
    private final AnswerPool answers = new AnswerPool();
    private final MessageHandler handler;
    private final OobService oob;
    private final ConnectionManager network;
    private final TwoTier tiers;
    private final OwnSearches own;
    private final UploadService uploads;
    private final DownloadManager downloads;
    private final PushUploader pushUploads;
    private final PushDownloads pushDownloads;
    private final Reachability reach;
    private final ConnectBackAnswerer connectBacks;
    private final UdpConnectBackAnswerer udpConnectBacks;
    private final PushProxyServer pushProxies;
    private final ReachVendors reachVendors;
    private final PortMapper portMapper;
    private final ResultJudge judge;
    private final DropReport drops;
    private final BrowseClient browses;
    private final NeighbourBook neighbours = new NeighbourBook();
    private final RateMeter uploadMeter = new RateMeter();
    private final AtomicLong closedLinkBytesIn = new AtomicLong();
    private final AtomicLong closedLinkBytesOut = new AtomicLong();
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** The timer thread this node made for itself, or null when the caller lent a scheduler. */
    private final ExecutorScheduler ownTimers;
    private final Scheduler.Cancellable metering;
    private volatile InetSocketAddress bound;
    private volatile NetworkFinder finder;

    private ServentNode(NodeConfig config, Scheduler scheduler, RandomGenerator random, ExecutorScheduler ownTimers,
            MessageTrace trace) throws IOException {
        this.config = config;
        this.ownTimers = ownTimers;
        this.clock = scheduler.clock();
        this.library = Library.open(config.dataDir(), config.shares(), new LibraryEvents());
        TtlPolicy ttl = new TtlPolicy(config.maxTtl(), config.maxTtl(), TtlPolicy.defaults().hardLimit());
        NodeRouter<Connection> routes = new NodeRouter<>(RouterConfig.defaults().withTtl(ttl), serventId, clock);
        this.qrp = new QrpPublisher(() -> library, routes);
        // Lambdas, not values: the network and the tiers are made below and read only once running.
        this.reach = new Reachability(this::incomingSeen, serventId,
                () -> this.bound.getPort(), () -> role() == Role.LEAF, this::send);
        this.connectBacks = new ConnectBackAnswerer(clock);
        this.portMapper = new PortMapper(config.mapsPort(), Optional.ofNullable(config.tuning().upnpGateway()));
        this.pushProxies = new PushProxyServer(() -> role() == Role.ULTRAPEER, this::advertisedAddress, this::send);
        this.udpConnectBacks = new UdpConnectBackAnswerer(clock, this::sendDatagram);
        this.reachVendors = new ReachVendors(reach, connectBacks, udpConnectBacks, pushProxies,
                () -> role() == Role.ULTRAPEER);
        DynamicQueries dynamic = !config.tuning().dynamicQuerying() ? null
                : new DynamicQueries(routes, scheduler, this::links, DynamicQueryConfig.defaults()
                        .withMaxTtl(config.maxTtl()).withTarget(config.tuning().dynamicQueryTarget()), random,
                        this::send, trace);
        LocalResponder local = new LocalResponder(() -> library, serventId, () -> this.config.browseHost(), reach);
        this.handler = new MessageHandler(routes, qrp, local::answer, answers, searches, dynamic, this, trace);
        this.network = new ConnectionManager(ConfigViews.net(config), handler, scheduler);
        this.oob = new OobService(this::sendDatagram, clock, new SecureRandom(), searches,
                () -> this.config.tuning().dynamicQueryTarget(), this::asksOutOfBand, reach::firewalled,
                this::selfAddress, (from, h, hit) -> handler.deliverOwn(null, h, hit), trace);
        handler.outOfBand(oob);
        this.tiers = new TwoTier(config, network, routes, dynamic, scheduler, this::send, this::traffic, this::publish);
        AltLocs mesh = new AltLocs();
        this.uploads = new UploadService(() -> library, config.uploadSlots(), config.uploadLimitBytesPerSecond(), mesh,
                BuildInfo.userAgent(), scheduler, this::publish, new ShareListing(() -> library, serventId, () -> bound),
                () -> this.config.browseHost());
        this.pushUploads = new PushUploader(serventId,
                index -> library.byIndex(index).map(f -> f.name()).orElse(null), uploads::serve);
        this.pushDownloads = new PushDownloads(handler::sendPush, PushProxyClient::ask, this::selfAddress);
        this.drops = new DropReport(network::stats, handler.drops(), uploads::refusedForAddress);
        this.network.setHttpGateway(new HttpRoutes(pushDownloads, pushProxies, uploads, drops::stats));
        SwarmSetup swarms = new SwarmSetup(config.dataDir().resolve("incomplete"), config.downloadsDir(),
                ConfigViews.swarm(config), mesh, pushDownloads, scheduler);
        SourceProbe probe = new SourceProbe(BuildInfo.userAgent(), config.tuning().connectTimeout());
        this.downloads = new DownloadManager(swarms,
                (urn, queryTtl, link, hits) -> sourcesOf(urn, queryTtl, link, hits::accept),
                new DirectSources(probe::ask),
                this::publish);
        this.judge = new ResultJudge(config.dataDir(), () -> library, downloads::finished);
        NodeConfig.Tuning t = config.tuning();
        this.own = new OwnSearches(handler, judge, t.queryLifetime(), new SearchPacer(clock, t.searchInterval()));
        this.browses = new BrowseClient(new BrowseClient.Settings(t.connectTimeout(), t.readTimeout(), t.pushTimeout(),
                BrowseClient.DEADLINE, config.maxPayload(), BuildInfo.userAgent()), pushDownloads, scheduler,
                judge::resultsForBrowse);
        this.metering = scheduler.every(Duration.ofSeconds(1), () -> {
            uploadMeter.sample(uploads.bytesSent(), clock.millis());
            drops.tick(clock.millis());
        });
    }

    /** Opens the library, starts listening and dials the configured peers; timers on a thread of its own. */
    public static ServentNode start(NodeConfig config) {
        ExecutorScheduler timers = new ExecutorScheduler("shoal-node-timer");
        try {
            return start(config, timers, new SplittableRandom(), timers, MessageTrace.NONE);
        } catch (RuntimeException e) {
            timers.close();
            throw e;
        }
    }

    /**
     * A node whose timers run on {@code scheduler} (a {@link dev.shoal.time.VirtualTime} in tests and
     * the simulator; the node does not close it), whose choices of links draw on {@code random}, and
     * whose message loop reports to {@code trace}.
     */
    static ServentNode start(NodeConfig config, Scheduler scheduler, RandomGenerator random, MessageTrace trace) {
        return start(config, scheduler, random, null, trace);
    }

    private static ServentNode start(NodeConfig config, Scheduler scheduler, RandomGenerator random,
            ExecutorScheduler ownTimers, MessageTrace trace) {
        SafeShares.check(config.shares());
        ServentNode node;
        try {
            node = new ServentNode(config, scheduler, random, ownTimers, trace);
        } catch (IOException e) {
            throw new ShoalException("cannot open the library in " + config.dataDir() + ": " + e.getMessage(), e);
        }
        try {
            node.bound = node.network.bind();
        } catch (IOException e) {
            node.close();
            throw new ShoalException("cannot listen on " + config.listen().getHostString() + ":"
                    + config.listen().getPort() + ": " + rootMessage(e), e);
        }
        if (config.portMapping() && !config.mapsPort()) {
            log.info("port mapping: off until the public Gnutella network is joined");
        }
        node.portMapper.map(node.bound.getPort());
        node.finder = new NetworkFinder(config, node.network, scheduler, node::udpPong, node.reach::udpConnectBackArrived,
                node.oob, node::publish);
        node.tiers.start(scheduler);
        node.finder.start(scheduler);
        node.library.start();
        node.downloads.resumeUnfinished();
        node.library.ready().thenRun(() -> {
            node.qrp.rebuild();
            node.qrp.sendToAll(node.network.connections());
        });
        for (InetSocketAddress peer : config.peers()) {
            node.connect(peer).exceptionally(e -> {
                log.warn("{}", (e instanceof CompletionException && e.getCause() != null ? e.getCause() : e)
                        .getMessage());
                return null;
            });
        }
        log.info("servent {} listening on {}", node.serventId, node.bound);
        return node;
    }

    @Override
    public InetSocketAddress listenAddress() {
        return bound;
    }

    @Override
    public String serventId() {
        return serventId.toHex();
    }

    @Override
    public Search search(String text, int ttl, SearchListener listener) {
        return own.start(text, ttl, listener);
    }

    /** A download's hash query, to {@code link} alone or, when it is null, as any search goes. */
    private Search sourcesOf(Urn urn, int ttl, Connection link, SearchListener listener) {
        return own.start(urn.toString(), ttl, listener, link);
    }

    @Override
    public CompletableFuture<List<SharedFileInfo>> searchLibrary(String text, int max) {
        Library now = library;
        // Lucene answers from memory in a millisecond or so; the common pool keeps it off the caller's thread.
        return CompletableFuture.supplyAsync(() -> now.searchAsTyped(text, max).stream().map(ServentNode::info).toList());
    }

    @Override
    public Role role() {
        return tiers.role();
    }

    @Override
    public Reach reach() {
        return new Reach(reach.firewalled(), reach.udpReachable(), reach.externalAddress().map(HostPort::formatAddress),
                reach.pushProxies().stream().map(HostPort::format).toList(), portMapper.status());
    }

    /** Pushes this node sent through push proxies, and routed through the network, as a downloader. */
    long pushesThroughProxies() {
        return pushDownloads.proxiedPushes();
    }

    long pushesRouted() {
        return pushDownloads.routedPushes();
    }

    /** As an ultrapeer: Pushes forwarded to our leaves for downloaders, and connect-backs we set out to make. */
    long pushesForwardedAsProxy() {
        return pushProxies.forwarded();
    }

    /** What this node did out of band (hits by UDP), as querier and as answerer. */
    OobService.Stats outOfBand() {
        return oob.stats();
    }

    long connectBacksGranted() {
        return connectBacks.granted();
    }

    long udpConnectBacksSent() {
        return udpConnectBacks.sent();
    }

    @Override
    public String magnetLink(String urn, String name, long size) {
        return MagnetLinks.of(urn, name, size, library, bound, network.connections());
    }

    @Override
    public SpamList spamList() {
        return judge.spamList();
    }

    @Override
    public Browse browse(InetSocketAddress address, SearchListener listener) {
        return browses.direct(address, listener);
    }

    @Override
    public Browse browse(SearchHit hit, SearchListener listener) {
        InetSocketAddress address = new InetSocketAddress(hit.host(), hit.port());
        if (hit.firewalled()) {
            try {
                return browses.pushed(address, Guid.fromHex(hit.serventId()), listener);
            } catch (IllegalArgumentException e) {
                throw new ShoalException("cannot browse " + hit.host() + ": it is firewalled and its servent id '"
                        + hit.serventId() + "' is not one a Push can carry");
            }
        }
        return browses.direct(address, listener);
    }

    @Override
    public void setBrowseHost(boolean allowed) {
        config = config.withBrowseHost(allowed);
    }

    @Override
    public CompletableFuture<PeerInfo> connect(InetSocketAddress peer) {
        return network.connect(peer)
                .thenApply(PeerViews::peer)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(new ShoalException(
                        "cannot connect to " + HostPort.display(peer) + ": "
                                + rootMessage(e), e)));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public List<PeerInfo> peers() {
        return network.connections().stream().map(PeerViews::peer).toList();
    }

    @Override
    public NetworkMap networkMap() {
        return PeerViews.map(bound, role(), network.connections(), neighbours);
    }

    @Override
    public List<SharedFileInfo> sharedFiles() {
        return library.all().stream().map(ServentNode::info).toList();
    }

    private static SharedFileInfo info(SharedFile f) {
        return new SharedFileInfo(f.index(), f.path().toString(), f.name(), f.size(), f.urn().toString());
    }

    @Override
    public List<LeftOutFile> leftOut() {
        return library.leftOut().stream().map(l -> new LeftOutFile(l.path().toString(), l.family().label())).toList();
    }

    @Override
    public synchronized void shareAnyway(List<Path> paths) {
        try {
            library.shareAnyway(paths);
        } catch (IOException e) {
            throw new ShoalException("cannot share " + paths + " anyway: " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<Void> libraryReady() {
        return library.ready();
    }

    @Override
    public Download download(String urn, String name, long size, List<DownloadSource> sources) {
        return downloads.download(urn, name, size, sources);
    }

    @Override
    public Download fetch(String urnOrMagnet, int ttl, List<InetSocketAddress> hosts) {
        return downloads.fetch(urnOrMagnet, ttl, hosts);
    }

    @Override
    public List<Download> downloads() {
        return downloads.all();
    }

    @Override
    public void removeDownload(String id) {
        downloads.remove(id);
    }

    @Override
    public List<UploadInfo> uploads() {
        return uploads.uploads();
    }

    @Override
    public long uploadRate() {
        return uploadMeter.rate();
    }

    @Override
    public long downloadRate() {
        return downloads.rate();
    }

    @Override
    public NodeConfig config() {
        return config;
    }

    @Override
    public synchronized void setSharedFolders(List<Path> folders) {
        SafeShares.check(folders);
        Library old = library;
        Library fresh;
        try {
            old.close();
            fresh = Library.open(config.dataDir(), folders, new LibraryEvents());
        } catch (IOException e) {
            throw new ShoalException("cannot share " + folders + ": " + e.getMessage(), e);
        }
        config = config.withShares(folders);
        library = fresh;
        fresh.start();
        fresh.ready().thenRun(() -> {
            qrp.rebuild();
            qrp.sendToAll(network.connections());
            publish(new NodeEvent.LibraryChanged(fresh.fileCount(), fresh.totalBytes()));
        });
    }

    @Override
    public Traffic traffic() {
        long in = closedLinkBytesIn.get();
        long out = closedLinkBytesOut.get() + uploads.bytesSent();
        for (Connection c : network.connections()) {
            in += c.stats().wireBytesIn();
            out += c.stats().wireBytesOut();
        }
        for (Download d : downloads.all()) {
            in += d.info().bytesDone();
        }
        return new Traffic(in, out);
    }

    @Override
    public NodeStats stats() {
        return drops.stats();
    }

    @Override
    public UdpTraffic udpTraffic() {
        UdpEndpoint udp = network.udp();
        return new UdpTraffic(udp.received(), udp.sent(), drops.stats().total(DropReason.Group.DATAGRAM.label()));
    }

    @Override
    public BootstrapStatus bootstrapStatus() {
        NetworkFinder f = finder;
        return f == null ? BootstrapStatus.OFF : f.status();
    }

    /** The caches this node may ask for hosts, as decided from its config. */
    BootstrapPlan bootstrapPlan() {
        return finder.plan();
    }

    @Override
    public void addListener(NodeListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(NodeListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        stop(true);
    }

    /**
     * Stops as if the process were killed: links and transfers cut without Bye, the host cache left
     * as last saved, partial downloads left on disk; threads, sockets and the index lock are
     * released so that a node can start again on the same data folder in this JVM.
     */
    public void halt() {
        stop(false);
    }

    private void stop(boolean graceful) {
        if (stopped.getAndSet(true)) {
            return;
        }
        metering.cancel();
        portMapper.close();
        if (finder != null) {
            finder.close();
        }
        tiers.stop();
        browses.close();
        downloads.close();
        pushUploads.close();
        pushDownloads.close();
        connectBacks.close();
        if (graceful) {
            network.shutdown();
        } else {
            network.halt();
        }
        answers.close();
        if (ownTimers != null) {
            ownTimers.close();
        }
        closeLibrary();
        log.info("servent {} stopped", serventId);
    }

    private void closeLibrary() {
        try {
            library.close();
        } catch (IOException e) {
            log.warn("closing the library: {}", e.getMessage());
        }
    }

    private List<Connection> links() {
        return network.connections();
    }

    private boolean send(Connection to, Frame frame) {
        return handler.send(to, frame);
    }

    private boolean sendDatagram(InetSocketAddress to, Frame frame) {
        return network.udp().send(to, frame);
    }

    private boolean asksOutOfBand() {
        return switch (config.tuning().outOfBand()) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> !reach.firewalled() || reach.udpReachable();
        };
    }

    @Override
    public boolean firewalled() {
        return reach.firewalled();
    }

    private void publish(NodeEvent event) {
        for (NodeListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("node listener failed on {}", event, e);
            }
        }
    }

    // --- MessageHandler.NodeHooks

    @Override
    public void pinged(Connection from, Header ping) {
        tiers.pinged(from, ping, new Pong(advertisedAddress(from), library.fileCount(), library.totalBytes() / 1024,
                Ggep.EMPTY));
    }

    @Override
    public void ponged(Connection from, Header h, Pong pong) {
        tiers.ponged(h, pong);
        neighbours.ponged(from, h, pong);
    }

    /**
     * Our pong as sent over UDP: the address a peer reported seeing us at when we are bound to
     * every interface (no handshake tells a UDP pinger's view), 0.0.0.0 when nobody did yet.
     */
    private Pong udpPong() {
        Optional<String> seen = network.connections().stream().map(c -> c.peerHeaders().get("Remote-IP"))
                .flatMap(Optional::stream).findFirst();
        InetSocketAddress us = AdvertisedAddress.known(bound, seen)
                .orElse(new InetSocketAddress("0.0.0.0", bound.getPort()));
        return new Pong(us, library.fileCount(), library.totalBytes() / 1024, Ggep.EMPTY);
    }

    @Override
    public InetSocketAddress advertisedAddress(Connection to) {
        return AdvertisedAddress.of(bound, to.peerHeaders().get("Remote-IP"));
    }

    /** The links of this node, for tests that act on the network layer (a firewall, say). */
    ConnectionManager network() {
        return network;
    }

    private long incomingSeen() {
        return network.roles().incomingSeen();
    }

    /** Where others reach us, as far as we can tell: for a downloader's {@code X-Node}. */
    private Optional<InetSocketAddress> selfAddress() {
        return AdvertisedAddress.known(bound, reach.externalAddress().map(InetAddress::getHostAddress));
    }

    @Override
    public void connected(Connection c) {
        reach.connected(c);
        qrp.sendTo(c);
        neighbours.connected(c);
        downloads.linkUp(c);
        publish(new NodeEvent.PeerConnected(PeerViews.peer(c)));
    }

    @Override
    public void disconnected(Connection c, String reason) {
        closedLinkBytesIn.addAndGet(c.stats().wireBytesIn());
        closedLinkBytesOut.addAndGet(c.stats().wireBytesOut());
        reachVendors.disconnected(c);
        neighbours.disconnected(c);
        publish(new NodeEvent.PeerDisconnected(PeerViews.peer(c), reason));
    }

    @Override
    public void hostLearned(InetSocketAddress address) {
        network.hostCache().add(address, clock.currentTimeMillis());
    }

    @Override
    public void pushForUs(Push push) {
        pushUploads.onPush(push).ifPresent(handler.drops()::count);
    }

    @Override
    public void pushProxiesLearned(Guid servent, List<InetSocketAddress> proxies) {
        pushDownloads.proxiesLearned(servent, proxies);
    }

    @Override
    public boolean vendorMessage(Connection from, Header h, VendorMessage v) throws BadMessageException {
        return reachVendors.handle(from, h, v);
    }

    @Override
    public void queryAnswered(Query query, int hops, int results) {
        String text = query.urns().isEmpty() ? query.text() : query.urns().get(0).toString();
        publish(new NodeEvent.QueryReceived(text, hops, results));
    }

    private final class LibraryEvents implements LibraryListener {
        @Override
        public void indexingProgress(IndexingProgress p) {
            publish(new NodeEvent.IndexingProgress(p.filesDone(), p.filesTotal(), p.bytesDone(), p.bytesTotal()));
        }

        @Override
        public void leftOut(int count, Path listFile, Path anywayFile) {
            publish(new NodeEvent.PrivateFilesLeftOut(count, listFile, anywayFile));
        }

        @Override
        public void libraryChanged(int files, long bytes) {
            publish(new NodeEvent.LibraryChanged(files, bytes));
            if (library.ready().isDone() && !library.ready().isCompletedExceptionally()) {
                qrp.rebuild();
                qrp.sendToAll(network.connections());
            }
        }
    }
}
