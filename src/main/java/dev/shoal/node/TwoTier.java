package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.net.ConnectionManager;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Traffic;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.Pong;
import dev.shoal.protocol.PongExtensions;
import dev.shoal.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The two-tier parts of one servent wired together: its role ({@link RoleManager}), its pings and
 * pongs ({@link PongService}), and a timer that, each second, lets an ultrapeer refresh its pong
 * cache. A role change starts routing afresh and stops the dynamic queries under way.
 */
final class TwoTier implements RoleManager.Hooks {
    private static final Duration TICK = Duration.ofSeconds(1);

    private final NodeConfig config;
    private final ConnectionManager network;
    private final NodeRouter<Connection> routes;
    private final DynamicQueries dynamic;
    private final Supplier<Traffic> traffic;
    private final Consumer<NodeEvent> publish;
    private final RoleManager roles;
    private final PongService pongs;
    private Scheduler.Cancellable ticking = () -> {
    };

    /** {@code dynamic} is null when dynamic querying is off. */
    TwoTier(NodeConfig config, ConnectionManager network, NodeRouter<Connection> routes, DynamicQueries dynamic,
            Scheduler scheduler, BiPredicate<Connection, Frame> send, Supplier<Traffic> traffic,
            Consumer<NodeEvent> publish) {
        this.config = config;
        this.network = network;
        this.routes = routes;
        this.dynamic = dynamic;
        this.traffic = traffic;
        this.publish = publish;
        NodeConfig.Tuning t = config.tuning();
        this.roles = new RoleManager(config.role(), new RoleManager.Capability(t.promotionUptime(), t.promotionRate(),
                config.uploadLimitBytesPerSecond()), network.roles(), scheduler.clock(), this);
        this.pongs = new PongService(scheduler.clock(), network.hostCache(), send);
        routes.reset(roles.current() == Role.LEAF);
    }

    void start(Scheduler scheduler) {
        roles.start(scheduler);
        ticking = scheduler.every(TICK, () -> {
            if (roles.current() == Role.ULTRAPEER) {
                pongs.refresh(connections().stream().filter(Connection::isUltrapeer).toList());
            }
        });
    }

    void stop() {
        ticking.cancel();
        roles.stop();
        if (dynamic != null) {
            dynamic.stopAll();
        }
    }

    Role role() {
        return roles.current();
    }

    void pinged(Connection from, Header ping, Pong own) {
        pongs.answer(from, ping, own, freeSlots());
    }

    void ponged(Header h, Pong pong) {
        pongs.received(h, pong, roles.current() == Role.ULTRAPEER);
    }

    /** Our free leaf and ultrapeer slots as an ultrapeer (for the {@code UP} of our pongs), else empty. */
    private Optional<PongExtensions.FreeSlots> freeSlots() {
        if (roles.current() != Role.ULTRAPEER) {
            return Optional.empty();
        }
        int ultrapeers = 0;
        int leaves = 0;
        for (Connection c : connections()) {
            if (c.isUltrapeer()) {
                ultrapeers++;
            } else {
                leaves++;
            }
        }
        return Optional.of(new PongExtensions.FreeSlots(clamp(config.maxLeaves() - leaves),
                clamp(config.maxConnections() - ultrapeers)));
    }

    private static int clamp(int n) {
        return Math.max(0, Math.min(255, n));
    }

    // --- RoleManager.Hooks

    @Override
    public void resetRouting(Role now) {
        if (dynamic != null) {
            dynamic.stopAll();
        }
        routes.reset(now == Role.LEAF);
    }

    @Override
    public List<Connection> connections() {
        return network.connections();
    }

    @Override
    public Traffic traffic() {
        return traffic.get();
    }

    @Override
    public void publish(NodeEvent event) {
        publish.accept(event);
    }
}
