package dev.shoal.node.bootstrap;

import dev.shoal.node.api.BootstrapStatus;
import dev.shoal.protocol.GWebCache;
import dev.shoal.protocol.HostPort;
import dev.shoal.time.Clock;
import dev.shoal.time.Scheduler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds hosts when the node has too few links and nothing left in its host cache to dial: first
 * the UDP host caches of its {@link BootstrapPlan} (a ping asking for hosts, one cache a second),
 * then, when they gave nothing within {@link #UHC_WAIT}, its GWebCaches (one request at a time,
 * {@link #GWEBCACHE_GAP} apart; the v1 {@code hostfile} when a cache does not answer v2). Each cache
 * is paced by a {@link CachePacing}. Hosts go to the host cache, which the network layer dials. It
 * looks once a second, on the node's scheduler, so every time it reads is the injected clock's.
 * Thread safe.
 */
public final class Bootstrapper {
    private static final Logger LOG = LoggerFactory.getLogger(Bootstrapper.class);
    static final Duration TICK = Duration.ofSeconds(1);
    /** How long UDP host caches get to answer before the GWebCaches are asked. */
    static final Duration UHC_WAIT = Duration.ofSeconds(5);
    /** Between two GWebCache requests, whatever the cache. */
    static final Duration GWEBCACHE_GAP = Duration.ofSeconds(5);
    /** A UDP host cache rests this long after a ping; twice as long each time it gave nothing. */
    static final Duration UHC_REST = Duration.ofMinutes(5);
    /** A GWebCache rests this long after a request; twice as long each time it gave nothing. */
    static final Duration GWEBCACHE_REST = Duration.ofMinutes(30);
    static final Duration LONGEST_REST = Duration.ofHours(24);
    /** Caches learnt from caches, kept (and asked only on the public network). */
    static final int LEARNT_CACHES = 20;

    /** What the bootstrapper sees of the node and does through it. */
    public interface Network {
        /** Links up now. */
        int links();

        /** Links the node wants; while it has fewer, it looks for hosts. */
        int linksWanted();

        /** The host cache holds a host that may be dialled now, or a dial is under way. */
        boolean hasHostsToDial();

        /** Sends a ping asking for hosts to a UDP host cache (whose name may still need looking up). */
        void askUhc(InetSocketAddress cache);

        /** Fetches a GWebCache answer: the body text, or a failure. */
        CompletableFuture<String> get(URI request);

        /** Takes hosts a cache gave; loopback ones only when the cache is on loopback. Returns those taken. */
        int addHosts(List<InetSocketAddress> hosts, boolean cacheOnLoopback);
    }

    private final BootstrapPlan plan;
    private final Network network;
    private final Clock clock;
    private final String client;
    private final String version;
    private final Consumer<BootstrapStatus> progress;
    private final CachePacing<InetSocketAddress> uhcPacing =
            new CachePacing<>(UHC_REST.toMillis(), LONGEST_REST.toMillis());
    private final CachePacing<URI> gwcPacing = new CachePacing<>(GWEBCACHE_REST.toMillis(), LONGEST_REST.toMillis());
    private final List<URI> learnt = new ArrayList<>();
    private Scheduler.Cancellable ticking = () -> {
    };
    private long lastUhcMillis = Long.MIN_VALUE / 2;
    private long lastGwcMillis = Long.MIN_VALUE / 2;
    private boolean gwcInFlight;
    private int cachesAsked;
    private int hostsFound;
    private BootstrapStatus status;

    /**
     * @param client   our four-letter vendor code, sent to GWebCaches
     * @param progress told whenever the status changes (on the thread that changed it)
     */
    public Bootstrapper(BootstrapPlan plan, Network network, Clock clock, String client, String version,
            Consumer<BootstrapStatus> progress) {
        this.plan = plan;
        this.network = network;
        this.clock = clock;
        this.client = client;
        this.version = version;
        this.progress = progress;
        // Not looking until the first tick, which comes at once after start.
        this.status = plan.isEmpty() ? BootstrapStatus.OFF : new BootstrapStatus(false, 0, 0, 0);
    }

    public BootstrapPlan plan() {
        return plan;
    }

    /** Looks now and then every {@link #TICK}; nothing at all when the plan is empty. */
    public void start(Scheduler scheduler) {
        if (plan.isEmpty()) {
            return;
        }
        LOG.info("bootstrap: {} UDP host caches, {} GWebCaches{}", plan.uhcs().size(), plan.gwebcaches().size(),
                plan.publicNetwork() ? " (public network)" : "");
        Scheduler.Cancellable first = scheduler.schedule(Duration.ZERO, this::tick);
        Scheduler.Cancellable every = scheduler.every(TICK, this::tick);
        ticking = () -> {
            first.cancel();
            every.cancel();
        };
    }

    public void stop() {
        ticking.cancel();
    }

    public synchronized BootstrapStatus status() {
        return status;
    }

    /** One look: ask a cache if hosts are needed and one may be asked now. */
    public synchronized void tick() {
        try {
            int links = network.links();
            boolean needed = links < network.linksWanted() && !network.hasHostsToDial();
            long now = clock.millis();
            if (needed && !askUhc(now)) {
                askGWebCache(now);
            }
            update(links < network.linksWanted(), links);
        } catch (RuntimeException e) {
            LOG.warn("bootstrap step failed", e);
        }
    }

    /** A UDP host cache answered with {@code hosts} new hosts. */
    public synchronized void uhcAnswered(InetSocketAddress cache, int hosts) {
        if (hosts > 0) {
            uhcPacing.helped(cache);
        }
        hostsFound += hosts;
        update(status.active(), network.links());
    }

    private boolean askUhc(long now) {
        for (InetSocketAddress cache : plan.uhcs()) {
            if (uhcPacing.mayAsk(cache, now)) {
                uhcPacing.asked(cache, now);
                lastUhcMillis = now;
                cachesAsked++;
                LOG.info("bootstrap: asking UDP host cache {}", cache);
                network.askUhc(cache);
                return true;
            }
        }
        return false;
    }

    private void askGWebCache(long now) {
        if (gwcInFlight || now - lastUhcMillis < UHC_WAIT.toMillis() || now - lastGwcMillis < GWEBCACHE_GAP.toMillis()) {
            return;
        }
        List<URI> caches = new ArrayList<>(plan.gwebcaches());
        if (plan.publicNetwork()) {
            caches.addAll(learnt);
        }
        for (URI cache : caches) {
            if (gwcPacing.mayAsk(cache, now)) {
                gwcPacing.asked(cache, now);
                lastGwcMillis = now;
                gwcInFlight = true;
                cachesAsked++;
                LOG.info("bootstrap: asking GWebCache {}", cache);
                fetch(cache, GWebCache.hostsAndCaches(cache, client, version), true);
                return;
            }
        }
    }

    private void fetch(URI cache, URI request, boolean v2) {
        network.get(request).whenComplete((body, failure) -> answered(cache, body, failure, v2));
    }

    private synchronized void answered(URI cache, String body, Throwable failure, boolean v2) {
        if (failure != null) {
            gwcInFlight = false;
            LOG.info("bootstrap: GWebCache {} failed: {}", cache, rootMessage(failure));
            return;
        }
        GWebCache.Reply reply = GWebCache.parse(body);
        if (v2 && reply.hosts().isEmpty() && reply.caches().isEmpty()) {
            // An old cache that does not speak v2: the same cache, asked the v1 way.
            fetch(cache, GWebCache.hostFile(cache, client, version), false);
            return;
        }
        gwcInFlight = false;
        boolean loopback = "localhost".equalsIgnoreCase(cache.getHost())
                || HostPort.parseAddress(cache.getHost()).map(InetAddress::isLoopbackAddress).orElse(false);
        int taken = network.addHosts(reply.hosts(), loopback);
        if (taken > 0) {
            gwcPacing.helped(cache);
        }
        hostsFound += taken;
        if (plan.publicNetwork()) {
            for (URI u : reply.caches()) {
                if (learnt.size() < LEARNT_CACHES && !learnt.contains(u) && !plan.gwebcaches().contains(u)) {
                    learnt.add(u);
                }
            }
        }
        LOG.info("bootstrap: GWebCache {} gave {} hosts ({} new) and {} caches", cache, reply.hosts().size(), taken,
                reply.caches().size());
        update(status.active(), network.links());
    }

    private void update(boolean active, int links) {
        if (plan.isEmpty()) {
            return;
        }
        BootstrapStatus now = new BootstrapStatus(active, cachesAsked, hostsFound, links);
        if (!now.equals(status)) {
            status = now;
            if (cachesAsked > 0) {
                LOG.info("{}", now.line());
            }
            progress.accept(now);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
