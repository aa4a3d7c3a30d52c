package dev.shoal.node;

import dev.shoal.net.ConnectionManager;
import dev.shoal.net.DatagramListener;
import dev.shoal.net.HostCache;
import dev.shoal.node.api.BootstrapStatus;
import dev.shoal.node.api.BuildInfo;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.bootstrap.BootstrapPlan;
import dev.shoal.node.bootstrap.Bootstrapper;
import dev.shoal.node.bootstrap.GWebCacheClient;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Pong;
import dev.shoal.time.Clock;
import dev.shoal.time.Scheduler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How one servent finds the network: its UDP port ({@link UdpService}: pings answered, pongs to
 * our pings taken) and its {@link Bootstrapper}, wired to the host cache and the dialler of its
 * {@link ConnectionManager}. Made once the node is bound.
 */
final class NetworkFinder implements Bootstrapper.Network, AutoCloseable {
    private final ConnectionManager network;
    private final HostCache hosts;
    private final Clock clock;
    private final UdpService udp;
    private final GWebCacheClient web = new GWebCacheClient(BuildInfo.userAgent());
    private final Bootstrapper bootstrapper;
    /** The UDP host cache each address we pinged stands for (names are looked up before pinging). */
    private final Map<InetSocketAddress, InetSocketAddress> askedAs = new ConcurrentHashMap<>();

    /**
     * {@code connectBackPing}: whether a UDP Ping answers our UDP connect-back request (see
     * {@link UdpService}); {@code others}: datagrams other than pings and pongs (out-of-band hits and
     * their vendor messages).
     */
    NetworkFinder(NodeConfig config, ConnectionManager network, Scheduler scheduler, Supplier<Pong> ownPong,
            Predicate<Guid> connectBackPing, DatagramListener others, Consumer<NodeEvent> publish) {
        this.network = network;
        this.hosts = network.hostCache();
        this.clock = scheduler.clock();
        this.udp = new UdpService(network.udp(), hosts, clock, ownPong, this::uhcAnswered, connectBackPing, others);
        network.udp().setListener(udp);
        this.bootstrapper = new Bootstrapper(BootstrapPlan.of(config.bootstrap()), this, clock, OwnHits.VENDOR,
                BuildInfo.version(), s -> publish.accept(new NodeEvent.BootstrapProgress(s)));
    }

    void start(Scheduler scheduler) {
        bootstrapper.start(scheduler);
    }

    BootstrapStatus status() {
        return bootstrapper.status();
    }

    BootstrapPlan plan() {
        return bootstrapper.plan();
    }

    @Override
    public void close() {
        bootstrapper.stop();
        web.close();
    }

    // --- Bootstrapper.Network

    @Override
    public int links() {
        return network.connections().size();
    }

    @Override
    public int linksWanted() {
        return Math.max(1, network.linksWanted());
    }

    @Override
    public boolean hasHostsToDial() {
        return network.hasHostsToDial();
    }

    @Override
    public void askUhc(InetSocketAddress cache) {
        if (!cache.isUnresolved()) {
            ping(cache, cache);
            return;
        }
        web.run(() -> {
            InetSocketAddress resolved = new InetSocketAddress(cache.getHostString(), cache.getPort());
            if (!resolved.isUnresolved()) {
                ping(resolved, cache);
            }
        });
    }

    private void ping(InetSocketAddress address, InetSocketAddress cache) {
        askedAs.put(address, cache);
        udp.askForHosts(address);
    }

    @Override
    public CompletableFuture<String> get(URI request) {
        return web.get(request);
    }

    @Override
    public int addHosts(List<InetSocketAddress> found, boolean cacheOnLoopback) {
        long now = clock.currentTimeMillis();
        int taken = 0;
        for (InetSocketAddress a : found) {
            if ((cacheOnLoopback || !a.getAddress().isLoopbackAddress()) && hosts.addUltrapeer(a, now)) {
                taken++;
            }
        }
        if (taken > 0) {
            network.dialSoon();
        }
        return taken;
    }

    private void uhcAnswered(InetSocketAddress from, int learned) {
        if (learned > 0) {
            network.dialSoon();
        }
        bootstrapper.uhcAnswered(askedAs.getOrDefault(from, from), learned);
    }
}
