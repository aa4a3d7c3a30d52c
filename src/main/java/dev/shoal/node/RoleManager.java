package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.net.LinkRoles;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Traffic;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.handshake.NodeRole;
import dev.shoal.time.Clock;
import dev.shoal.time.Scheduler;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the node runs as a leaf or an ultrapeer, and every change between the two. A node set to
 * {@link Role#LEAF} or {@link Role#ULTRAPEER} stays so. One set to {@link Role#AUTO} starts as a
 * leaf and is checked every {@link #CHECK_PERIOD}: it becomes an ultrapeer once it is
 * {@linkplain Capability capable}; as an ultrapeer with few leaves it becomes the leaf of a stronger
 * ultrapeer that asks (leaf guidance, decided in the handshake by {@link LinkRoles}), and then waits
 * the whole promotion uptime again before it may be promoted.
 *
 * <p>A change resets routing, stops the dynamic queries, and drops every link (Bye 200) but the one
 * that made us a leaf; the dialler then finds the links the new role wants. Each change is published
 * as {@link NodeEvent.RoleChanged}.
 */
final class RoleManager {
    private static final Logger log = LoggerFactory.getLogger(RoleManager.class);
    static final Duration CHECK_PERIOD = Duration.ofSeconds(5);

    private final Role setting;
    private final Capability capability;
    private final LinkRoles links;
    private final Hooks hooks;
    private final Clock clock;
    private volatile Role current;
    private long leafSinceMillis;
    private Scheduler.Cancellable checking = () -> {
    };

    /** What a role change touches in the rest of the node. */
    interface Hooks {
        /** Routing and dynamic queries start afresh for the new role. */
        void resetRouting(Role now);

        List<Connection> connections();

        Traffic traffic();

        void publish(NodeEvent event);
    }

    /**
     * When an automatic leaf may become an ultrapeer: it has been reached from outside (an incoming
     * Gnutella connection was seen), it has been a leaf for {@code uptime}, and during one second it
     * moved {@code bytesPerSecond} in one direction, with no upload cap below that.
     */
    record Capability(Duration uptime, long bytesPerSecond, long uploadCap) {
        boolean met(long incomingSeen, long leafForMillis, long peakBytesPerSecond) {
            return incomingSeen > 0 && leafForMillis >= uptime.toMillis() && peakBytesPerSecond >= bytesPerSecond
                    && (uploadCap == 0 || uploadCap >= bytesPerSecond);
        }
    }

    RoleManager(Role setting, Capability capability, LinkRoles links, Clock clock, Hooks hooks) {
        this.setting = setting;
        this.capability = capability;
        this.links = links;
        this.clock = clock;
        this.hooks = hooks;
        this.current = setting == Role.ULTRAPEER ? Role.ULTRAPEER : Role.LEAF;
        this.leafSinceMillis = clock.millis();
        links.set(toNet(current), setting == Role.AUTO);
        links.onGuidedToLeaf(this::guidedToLeaf);
    }

    /** Starts the periodic check of an automatic node. */
    void start(Scheduler scheduler) {
        if (setting == Role.AUTO) {
            Meter meter = new Meter();
            checking = scheduler.every(CHECK_PERIOD, () -> check(meter));
        }
    }

    void stop() {
        checking.cancel();
    }

    Role current() {
        return current;
    }

    private void check(Meter meter) {
        try {
            long peak = meter.sample(hooks.traffic(), clock.millis());
            synchronized (this) {
                if (current == Role.LEAF && capability.met(links.incomingSeen(), clock.millis() - leafSinceMillis,
                        peak)) {
                    log.info("capable of being an ultrapeer (reached from outside, up {} s, {} B/s at best)",
                            (clock.millis() - leafSinceMillis) / 1000, peak);
                    become(Role.ULTRAPEER);
                }
            }
        } catch (RuntimeException e) {
            log.warn("role check failed", e);
        }
    }

    /** Called by the links, on a network thread, before the link that guided us is established. */
    private synchronized void guidedToLeaf() {
        log.info("an ultrapeer asked us to be its leaf");
        become(Role.LEAF);
    }

    private void become(Role role) {
        current = role;
        if (role == Role.LEAF) {
            leafSinceMillis = clock.millis();
        }
        links.set(toNet(role), setting == Role.AUTO);
        hooks.resetRouting(role);
        for (Connection c : hooks.connections()) {
            c.close(new Bye(Bye.SHUTDOWN, "Changing role to " + role.label()));
        }
        hooks.publish(new NodeEvent.RoleChanged(role));
    }

    static NodeRole toNet(Role role) {
        return role == Role.ULTRAPEER ? NodeRole.ULTRAPEER : NodeRole.LEAF;
    }

    /** The busiest second so far, in one direction, from the traffic totals sampled at each check. */
    private static final class Meter {
        private long lastIn = -1;
        private long lastOut;
        private long lastMillis;
        private long peak;

        long sample(Traffic t, long nowMillis) {
            if (lastIn >= 0 && nowMillis > lastMillis) {
                long span = nowMillis - lastMillis;
                long rate = Math.max(t.bytesIn() - lastIn, t.bytesOut() - lastOut) * 1000 / span;
                peak = Math.max(peak, rate);
            }
            lastIn = t.bytesIn();
            lastOut = t.bytesOut();
            lastMillis = nowMillis;
            return peak;
        }
    }
}
