package dev.shoal.net;

import dev.shoal.protocol.Bye;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.handshake.HandshakeHeaders;
import dev.shoal.protocol.handshake.HandshakeMessage;
import dev.shoal.protocol.handshake.HandshakeResponder;
import dev.shoal.protocol.handshake.HandshakeResponse;
import dev.shoal.protocol.handshake.NodeCapacity;
import dev.shoal.protocol.handshake.NodeRole;
import dev.shoal.time.Clock;
import dev.shoal.time.Scheduler;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.service.IoService;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.executor.ExecutorFilter;
import org.apache.mina.filter.executor.OrderedThreadPoolExecutor;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.apache.mina.transport.socket.nio.NioSocketConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Gnutella links of one node: accepts on one port (Gnutella, HTTP and push callbacks share
 * it), dials out, keeps slots by role ({@link LinkRoles}), keep-alives and the host cache.
 *
 * <p>Threads: MINA I/O threads only decode and encode (handshake text, inflate/deflate,
 * framing, each link's budgets). Everything else, including every {@link ConnectionListener}
 * call, runs on an ordered worker pool placed after the codec, so each connection's events stay
 * in order; a link whose frames pile up there is no longer read until they drain
 * ({@link ReadThrottle}). Accepted sockets pass the {@link Gatekeeper} (bans, each address's
 * share), which also counts every drop. A periodic task on the {@link Scheduler} it is given
 * reaps what waited too long ({@link SessionReaper}), dials the host cache and saves it; every
 * time it reads comes from that scheduler's clock, so under {@link dev.shoal.time.VirtualTime}
 * all of that happens only when the test moves time. {@link HttpGateway}s run on threads of their
 * own.
 */
public final class ConnectionManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionManager.class);
    private static final long BYE_GRACE_MILLIS = 2_000;
    /** Free TCP ports whose UDP twin turned out taken, tried before giving up (port 0 only). */
    private static final int UDP_BIND_ATTEMPTS = 5;

    private final NetConfig config;
    private final ConnectionListener listener;
    private final HandshakeResponder responder;
    private final LinkRoles roles;
    private final HostCache hostCache;
    private final NioSocketAcceptor acceptor = new NioSocketAcceptor(2);
    private final NioSocketConnector connector = new NioSocketConnector(2);
    private final OrderedThreadPoolExecutor workers;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Scheduler.Cancellable ticking;
    private final HttpSessions http;
    private final Gatekeeper gate;
    private final SessionReaper reaper;
    private final Map<Long, PeerConnection> established = new ConcurrentHashMap<>();
    private final Dialler dialler;
    private volatile InetSocketAddress bound;
    private volatile UdpEndpoint udp;
    private volatile boolean shuttingDown;
    private volatile boolean behindFirewall;
    /** Slots held for handshakes under way: outgoing ones and accepted ultrapeers, and accepted leaves. */
    private int reservedUltrapeers;
    private int reservedLeaves;

    /** {@code scheduler} runs the timers and gives the clock; the manager does not close it. */
    public ConnectionManager(NetConfig config, ConnectionListener listener, Scheduler scheduler) {
        this.config = config;
        this.listener = listener;
        this.clock = scheduler.clock();
        this.scheduler = scheduler;
        this.responder = new HandshakeResponder(config.userAgent(), config.maxTtl(), config.maxConnections());
        this.roles = new LinkRoles(config);
        this.hostCache = new HostCache(config.dataDir().resolve(HostCache.FILE_NAME), config.hostCacheSize());
        try {
            hostCache.load();
        } catch (IOException e) {
            LOG.warn("could not read the host cache: {}", e.toString());
        }
        this.dialler = new Dialler(hostCache, clock, this::connect);
        this.workers = new OrderedThreadPoolExecutor(0, 16, 30, TimeUnit.SECONDS, DaemonThreads.named("shoal-net-worker"),
                new ReadThrottle());
        this.http = new HttpSessions(clock, DaemonThreads.named("shoal-http"));
        this.gate = new Gatekeeper(config.peerLimits(), clock, new DropCounters());
        this.reaper = new SessionReaper(config);
        ProtocolCodecFilter codec = new ProtocolCodecFilter(new GnutellaEncoder(),
                new GnutellaDecoder(config.maxPayload(), config.peerLimits().budgets(), clock, gate.drops()));
        ExecutorFilter executor = new ExecutorFilter(workers);
        GnutellaIoHandler handler = new GnutellaIoHandler(this);
        for (IoService service : List.<IoService>of(acceptor, connector)) {
            service.getFilterChain().addLast("codec", codec);
            service.getFilterChain().addLast("executor", executor);
            service.setHandler(handler);
        }
        acceptor.setReuseAddress(true);
        connector.setConnectTimeoutMillis(config.handshakeTimeout().toMillis());
        this.ticking = scheduler.every(tickPeriod(config), this::tick);
    }

    /** A quarter of the shortest timeout, so each fires at most a quarter late; 20 ms to 1 s. */
    static Duration tickPeriod(NetConfig config) {
        long shortest = Math.min(config.keepAliveInterval().toMillis(),
                Math.min(config.idleTimeout().toMillis(), config.handshakeTimeout().toMillis()));
        return Duration.ofMillis(Math.max(20, Math.min(1000, shortest / 4)));
    }

    /**
     * Starts accepting, and receiving datagrams on the same address and port number; returns the
     * address really bound. With port 0, a port free for both TCP and UDP is looked for.
     */
    public synchronized InetSocketAddress bind() throws IOException {
        if (bound != null) {
            return bound;
        }
        for (int attempt = 1; udp == null; attempt++) {
            acceptor.bind(config.listenAddress());
            InetSocketAddress tcp = acceptor.getLocalAddress();
            try {
                udp = UdpEndpoint.bind(tcp, clock, gate.drops());
            } catch (BindException e) {
                acceptor.unbind();
                if (config.listenAddress().getPort() != 0 || attempt == UDP_BIND_ATTEMPTS) {
                    throw new BindException("UDP port " + tcp.getPort() + " is already in use");
                }
            }
        }
        bound = acceptor.getLocalAddress();
        hostCache.setSelf(a -> LocalAddresses.isSelf(a, bound));
        LOG.info("listening on {}", bound);
        return bound;
    }

    /** Our UDP port, once {@link #bind() bound}. */
    public UdpEndpoint udp() {
        if (udp == null) {
            throw new IllegalStateException("not bound yet");
        }
        return udp;
    }

    public Optional<InetSocketAddress> localAddress() {
        return Optional.ofNullable(bound);
    }

    public NetConfig config() {
        return config;
    }

    public HostCache hostCache() {
        return hostCache;
    }

    /** Our role as the links see it; the node changes it there. */
    public LinkRoles roles() {
        return roles;
    }

    /** Installs the handler for HTTP and {@code GIV} connections on our port. */
    public void setHttpGateway(HttpGateway gateway) {
        http.setGateway(gateway);
    }

    /** The established links, in no particular order. */
    public List<Connection> connections() {
        return List.copyOf(established.values());
    }

    /**
     * Dials a servent and runs the handshake. Completes with the link, or fails with a
     * {@link HandshakeRefusedException} (its headers may suggest other hosts) or an IOException.
     */
    public CompletableFuture<Connection> connect(InetSocketAddress address) {
        CompletableFuture<Connection> result = new CompletableFuture<>();
        if (shuttingDown) {
            result.completeExceptionally(new IOException("shutting down"));
            return result;
        }
        SessionContext ctx = new SessionContext(true, clock.millis(), result);
        synchronized (this) {
            if (freeUltrapeerSlots() <= 0) {
                result.completeExceptionally(new IOException("no free ultrapeer slot"));
                return result;
            }
            ctx.reserved = true;
            reservedUltrapeers++;
        }
        ConnectFuture cf = connector.connect(address, (session, future) -> ctx.attach(session));
        cf.addListener(f -> {
            if (!cf.isConnected()) {
                release(ctx);
                Throwable e = cf.getException();
                result.completeExceptionally(e instanceof IOException ? e : new IOException("connect to " + address + " failed", e));
            }
        });
        return result;
    }

    /**
     * Says Bye 200 to every peer, waits briefly for the Byes to go out, then stops everything.
     * Must not be called from a {@link ConnectionListener} callback (it waits for those threads).
     */
    public void shutdown() {
        stop(true);
    }

    /**
     * Stops as a killed process would: every socket closed at once, no Bye, the host cache left as
     * last saved. Threads and sockets are released all the same (churn benches kill and restart
     * nodes in one JVM). Same caveat as {@link #shutdown()}.
     */
    public void halt() {
        stop(false);
    }

    private void stop(boolean graceful) {
        if (shuttingDown) {
            return;
        }
        shuttingDown = true;
        ticking.cancel();
        if (graceful) {
            sayBye();
        } else {
            sessions().forEach(IoSession::closeNow);
        }
        acceptor.unbind();
        acceptor.dispose(true);
        if (udp != null) {
            udp.close();
        }
        connector.dispose(true);
        workers.shutdown();
        http.shutdown();
        if (graceful) {
            try {
                hostCache.save();
            } catch (IOException e) {
                LOG.warn("could not save the host cache: {}", e.toString());
            }
        }
        LOG.info("network stopped");
    }

    private void sayBye() {
        List<PeerConnection> open = List.copyOf(established.values());
        CountDownLatch closed = new CountDownLatch(open.size());
        for (PeerConnection c : open) {
            c.session().getCloseFuture().addListener(f -> closed.countDown());
            c.close(new Bye(Bye.SHUTDOWN, "Servent shutdown"));
        }
        try {
            // Real time, not the clock's: this waits for sockets to flush, which no clock can hurry.
            closed.await(BYE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown();
    }

    /** Sockets, sessions and bans now, and what was dropped so far by reason. */
    public NetStats stats() {
        return new NetStats(established.size(), handshaking(), http.active(), gate.bans().banned(),
                gate.drops().snapshot());
    }

    /** Sockets open and still in the handshake (neither a link yet nor HTTP). */

    int handshaking() {
        int n = 0;
        for (IoSession s : sessions()) {
            SessionContext ctx = SessionContext.of(s);
            if (ctx != null && ctx.isHandshaking() && !s.isClosing()) {
                n++;
            }
        }
        return n;
    }

    /** Sockets open and not being closed: after the timer ran, those it chose to reap are gone from here. */
    int openSockets() {
        return (int) sessions().stream().filter(s -> !s.isClosing()).count();
    }

    /** Links the node keeps by dialling: its ultrapeers as a leaf, its outgoing links as an ultrapeer. */
    public int linksWanted() {
        return roles.dialTarget();
    }

    /** The host cache holds a host the dialler may try now, or a dial is under way. */
    public boolean hasHostsToDial() {
        if (dialler.inFlight() > 0) {
            return true;
        }
        List<InetSocketAddress> exclude = new ArrayList<>();
        for (PeerConnection c : established.values()) {
            exclude.add(c.remoteAddress());
            c.listenAddress().ifPresent(exclude::add);
        }
        return !hostCache.dialCandidates(1, clock.currentTimeMillis(), exclude).isEmpty();
    }

    /** Dials the host cache on the timer's thread now rather than at the next tick (new hosts came). */
    public void dialSoon() {
        if (!shuttingDown) {
            scheduler.schedule(Duration.ZERO, this::tick);
        }
    }

    /** Dials the maintenance loop has started since this manager was made. */
    long dialsStarted() {
        return dialler.started();
    }

    // ---- called by the handler (ordered worker threads) ----

    HandshakeResponder responder() {
        return responder;
    }

    /** Monotonic milliseconds, for timeouts. */
    long now() {
        return clock.millis();
    }

    /** Lets an accepted socket in, or records why it must be closed at once (I/O thread). */
    boolean admit(IoSession session, SessionContext ctx) {
        if (behindFirewall) {
            ctx.closeReason(null, "dropped: the node stands behind a firewall");
            return false;
        }
        return gate.admit(session, ctx);
    }

    /**
     * Drops every connection that comes to our port the moment it is accepted, before a byte is
     * read, as a firewall or a NAT without port forwarding in front of the node would: how tests
     * on one machine, where loopback reaches everything, make a node that cannot be reached.
     */
    public void standBehindFirewall(boolean on) {
        behindFirewall = on;
    }

    /**
     * Our side of the slot count at this instant, as the handshake policy sees it: for a peer that
     * connected to us, no more than its address's share of links and leaf slots.
     */
    synchronized NodeCapacity capacity(IoSession session) {
        int ultrapeers = ultrapeerLinks();
        int leaves = reservedLeaves + established.size() - (ultrapeers - reservedUltrapeers);
        InetSocketAddress remote = (InetSocketAddress) session.getRemoteAddress();
        int free = roles.freeUltrapeerSlots(ultrapeers);
        int freeLeaves = roles.freeLeafSlots(leaves);
        SessionContext ctx = SessionContext.of(session);
        if (ctx != null && !ctx.outgoing && remote != null) {
            int room = gate.linkRoom(remote.getAddress());
            free = Math.min(free, room);
            freeLeaves = Math.min(freeLeaves, Math.min(room, gate.leafRoom(remote.getAddress())));
        }
        return new NodeCapacity(roles.role(), free, freeLeaves,
                LocalAddresses.listenAddressSeenBy(session, bound), remote == null ? null : remote.getAddress(),
                hostCache.ultrapeers(HandshakeResponder.MAX_TRY_HOSTS + 2, clock.currentTimeMillis()),
                config.deflate(), roles.ultrapeersNeeded(ultrapeers), roles.takesGuidance(leaves));
    }

    /** Answers a request and, if we accept, holds a slot for the peer until it confirms. */
    synchronized HandshakeResponse answerIncoming(SessionContext ctx, HandshakeMessage request, IoSession session) {
        roles.noteIncoming();
        HandshakeResponse r = responder.respond(request, false, capacity(session));
        boolean leaf = !request.headers().isTrue("X-Ultrapeer");
        if (r.accepted() && !shuttingDown) {
            ctx.reserved = true;
            ctx.reservedAsLeaf = leaf;
            if (ctx.reservedAsLeaf) {
                reservedLeaves++;
            } else {
                reservedUltrapeers++;
            }
            gate.toLink(ctx, leaf);
        } else if (!r.accepted()) {
            ctx.closeReason(gate.refusal(r, session, leaf), r.outcome() == HandshakeResponse.Outcome.CLOSE
                    ? "closed silently: " + r.reason() : "refused: " + r.status().code() + " " + r.reason());
        }
        return r;
    }

    void establish(IoSession session, SessionContext ctx, HandshakeHeaders peer, boolean compressedIn, boolean compressedOut) {
        PeerConnection c = new PeerConnection(session, peer, ctx.outgoing, compressedIn, compressedOut,
                config.sendQueueBytes(), clock, gate.drops());
        ctx.connection = c;
        // Registered before the reservation goes, so the slot count never dips in between.
        established.put(c.id(), c);
        release(ctx);
        LOG.info("{} established ({} {}), deflate in={} out={}", c, peer.get("User-Agent").orElse("?"),
                ctx.outgoing ? "dialled" : "accepted", compressedIn, compressedOut);
        c.listenAddress().ifPresent(a -> {
            if (c.isUltrapeer()) {
                hostCache.succeeded(a, clock.currentTimeMillis());
            }
        });
        try {
            listener.onConnected(c);
        } catch (RuntimeException e) {
            LOG.warn("listener failed in onConnected for {}", c, e);
        }
        if (ctx.future != null) {
            ctx.future.complete(c);
        }
    }

    void deliver(PeerConnection c, Frame frame) {
        try {
            listener.onFrame(c, frame);
        } catch (RuntimeException e) {
            LOG.warn("listener failed on {} from {}", frame, c, e);
        }
    }

    void closed(IoSession session, SessionContext ctx) {
        release(ctx);
        gate.closed(ctx);
        String reason = ctx.closeReason == null ? "closed by peer" : ctx.closeReason;
        if (ctx.future != null && !ctx.future.isDone()) {
            ctx.future.completeExceptionally(new IOException("closed during handshake: " + reason));
        }
        if (ctx.http != null) {
            ctx.http.endOfInput();
        }
        PeerConnection c = ctx.connection;
        if (c != null && established.remove(c.id()) != null) {
            LOG.info("{} closed: {}", c, reason);
            if (c.isUltrapeer() && !c.endedByUs() && !shuttingDown) {
                // It went away: dial others first for a while (HostSelector rests it).
                c.listenAddress().ifPresent(a -> hostCache.failed(a, clock.currentTimeMillis()));
            }
            try {
                listener.onDisconnected(c, reason);
            } catch (RuntimeException e) {
                LOG.warn("listener failed in onDisconnected for {}", c, e);
            }
        }
    }

    /** Remembers the hosts a peer told us about in a handshake step. */
    void learn(HandshakeHeaders headers, IoSession session) {
        InetSocketAddress remote = (InetSocketAddress) session.getRemoteAddress();
        boolean onLoopback = remote != null && remote.getAddress().isLoopbackAddress();
        hostCache.learn(headers, onLoopback, clock.currentTimeMillis());
    }

    /** A connect-back probe came in: someone reached our port, so we are not firewalled. */
    void connectBackReceived(IoSession session, SessionContext ctx) {
        roles.noteIncoming();
        LOG.info("{} connected back to us: we take incoming connections", session.getRemoteAddress());
        ctx.closeReason(null, "connect-back probe");
        session.closeNow();
    }

    void startHttp(IoSession session, SessionContext ctx, String firstLine) {
        http.start(session, ctx, firstLine, gate.toHttp(ctx));
    }

    // ---- slots ----

    /** Ultrapeer links up or reserved. Caller holds the lock. */
    private int ultrapeerLinks() {
        int n = reservedUltrapeers;
        for (PeerConnection c : established.values()) {
            if (c.isUltrapeer()) {
                n++;
            }
        }
        return n;
    }

    private synchronized int freeUltrapeerSlots() {
        return roles.freeUltrapeerSlots(ultrapeerLinks());
    }

    private synchronized void release(SessionContext ctx) {
        if (ctx.reserved) {
            ctx.reserved = false;
            if (ctx.reservedAsLeaf) {
                reservedLeaves--;
            } else {
                reservedUltrapeers--;
            }
        }
    }

    // ---- timer ----

    private void tick() {
        try {
            reaper.sweep(now(), sessions(), established.values());
            if (!shuttingDown && bound != null) {
                dialler.dial(established.values(), roles.dialTarget(), roles.role() == NodeRole.LEAF,
                        freeUltrapeerSlots());
            }
            dialler.saveIfDue();
        } catch (IOException | RuntimeException e) {
            LOG.warn("network timer task failed", e);
        }
    }

    private List<IoSession> sessions() {
        List<IoSession> sessions = new ArrayList<>(acceptor.getManagedSessions().values());
        sessions.addAll(connector.getManagedSessions().values());
        return sessions;
    }
}
