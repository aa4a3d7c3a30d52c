package dev.shoal.net;

import dev.shoal.time.Clock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the ultrapeer links our role wants dialled from the {@link HostCache}, best hosts first and
 * at most a few attempts per host as the cache paces them, and saves the cache now and then. The cache's times are
 * wall-clock dates (they are saved with it); the save interval is measured on the monotonic clock.
 * Called on each tick of the {@link ConnectionManager}'s timer.
 */
final class Dialler {
    private static final Logger LOG = LoggerFactory.getLogger(Dialler.class);
    private static final long SAVE_EVERY_MILLIS = 60_000;

    private final HostCache hostCache;
    private final Clock clock;
    private final Function<InetSocketAddress, CompletableFuture<Connection>> connect;
    /** Hosts being dialled now. */
    private final Set<InetSocketAddress> dialling = ConcurrentHashMap.newKeySet();
    private final AtomicLong started = new AtomicLong();
    /** Whether this run saved the cache yet: the first hosts learnt are saved at once. */
    private boolean savedOnce;
    private long lastSaveMillis;

    Dialler(HostCache hostCache, Clock clock, Function<InetSocketAddress, CompletableFuture<Connection>> connect) {
        this.hostCache = hostCache;
        this.clock = clock;
        this.connect = connect;
        this.lastSaveMillis = clock.millis();
    }

    /**
     * Dials what is missing from {@code target} ultrapeer links, given the links up now and the free
     * ultrapeer slots: a leaf counts every ultrapeer link it has, an ultrapeer those it dialled.
     */
    void dial(Collection<PeerConnection> established, int target, boolean countAllUltrapeers, int freeSlots) {
        if (target == 0) {
            return;
        }
        int have = dialling.size();
        Set<InetSocketAddress> exclude = new HashSet<>(dialling);
        for (PeerConnection c : established) {
            if (countAllUltrapeers ? c.isUltrapeer() : c.isOutgoing()) {
                have++;
            }
            exclude.add(c.remoteAddress());
            c.listenAddress().ifPresent(exclude::add);
        }
        int wanted = Math.min(target - have, freeSlots);
        if (wanted <= 0) {
            return;
        }
        long now = clock.currentTimeMillis();
        for (InetSocketAddress a : hostCache.dialCandidates(wanted, now, exclude)) {
            hostCache.attempted(a, now);
            dialling.add(a);
            started.incrementAndGet();
            LOG.debug("dialling {} from the host cache", a);
            connect.apply(a).whenComplete((c, e) -> {
                dialling.remove(a);
                if (e != null) {
                    hostCache.failed(a, clock.currentTimeMillis());
                    LOG.debug("dial {} failed: {}", a, e.toString());
                } else {
                    hostCache.succeeded(a, clock.currentTimeMillis());
                }
            });
        }
    }

    /**
     * Saves the cache if it changed and the last save is old enough, or this run never saved it: a
     * node killed in its first minute still comes back knowing the hosts it had found.
     */
    void saveIfDue() throws IOException {
        long now = clock.millis();
        if (hostCache.isDirty() && (!savedOnce || now - lastSaveMillis >= SAVE_EVERY_MILLIS)) {
            savedOnce = true;
            lastSaveMillis = now;
            hostCache.save();
        }
    }

    /** Dials under way now. */
    int inFlight() {
        return dialling.size();
    }

    /** Dials started since this dialler was made. */
    long started() {
        return started.get();
    }
}
