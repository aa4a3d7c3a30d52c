package dev.shoal.bench;

import dev.shoal.node.ServentNode;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The servents of a churn run, in this JVM on 127.0.0.1: the first {@code ultrapeers} slots are
 * ultrapeers, the rest leaves; each slot keeps its data, share and downloads folders and its port
 * across restarts. At first start an ultrapeer is given the ultrapeers started before it and a
 * leaf one ultrapeer; a restarted node is given no peer at all and finds the network again from
 * the host cache it saved (and what it hears in handshakes and pongs), as a real servent does.
 */
final class ChurnNetwork implements AutoCloseable {
    /** Each node's upload cap in bytes per second: transfers take seconds, as on a real network, not milliseconds. */
    static final long UPLOAD_LIMIT = 256 * 1024;
    private static final Duration INDEX_TIMEOUT = Duration.ofMinutes(2);

    /** One place in the network: a node, or nothing while it is down. */
    private static final class Slot {
        final int index;
        final Role role;
        final Path home;
        volatile int port;
        volatile ServentNode node;
        volatile long upSinceNanos;

        Slot(int index, Role role, Path home) {
            this.index = index;
            this.role = role;
            this.home = home;
        }
    }

    private final List<Slot> slots = new ArrayList<>();
    private final AtomicInteger failedStarts = new AtomicInteger();
    private final AtomicInteger portsLost = new AtomicInteger();
    private final Consumer<String> progress;

    ChurnNetwork(Path root, int nodes, int ultrapeers, Consumer<String> progress) {
        this.progress = progress;
        for (int i = 0; i < nodes; i++) {
            slots.add(new Slot(i, i < ultrapeers ? Role.ULTRAPEER : Role.LEAF, root.resolve("node" + i)));
        }
    }

    Path shareOf(int slot) {
        return slots.get(slot).home.resolve("share");
    }

    Path downloadsOf(int slot) {
        return slots.get(slot).home.resolve("downloads");
    }

    int size() {
        return slots.size();
    }

    /** First start of every node, ultrapeers first; waits until each has indexed its files. */
    void startAll() throws InterruptedException {
        List<InetSocketAddress> ultrapeers = new ArrayList<>();
        for (Slot s : slots) {
            List<InetSocketAddress> peers = s.role == Role.ULTRAPEER ? List.copyOf(ultrapeers)
                    : ultrapeers.isEmpty() ? List.of() : List.of(ultrapeers.get(s.index % ultrapeers.size()));
            if (start(s, peers) && s.role == Role.ULTRAPEER) {
                ultrapeers.add(s.node.listenAddress());
            }
        }
    }

    /**
     * Kills the node in {@code slot} as a crash would (no Bye, nothing saved); false if it was down.
     * {@code beforeHalt} sees the node once no one can find it here any more, still running.
     */
    boolean kill(int slot, Consumer<ServentNode> beforeHalt) {
        Slot s = slots.get(slot);
        ServentNode n = s.node;
        if (n == null) {
            return false;
        }
        s.node = null;
        beforeHalt.accept(n);
        n.halt();
        return true;
    }

    /** Starts the node in {@code slot} again, on the same folders and port, with no peer given. */
    boolean restart(int slot) throws InterruptedException {
        Slot s = slots.get(slot);
        return s.node == null && start(s, List.of());
    }

    Optional<ServentNode> node(int slot) {
        return Optional.ofNullable(slots.get(slot).node);
    }

    /** How long the node in {@code slot} has been up, or empty while it is down. */
    Optional<Duration> uptime(int slot, long nowNanos) {
        Slot s = slots.get(slot);
        return s.node == null ? Optional.empty() : Optional.of(Duration.ofNanos(nowNanos - s.upSinceNanos));
    }

    int live() {
        return (int) slots.stream().filter(s -> s.node != null).count();
    }

    /** Starts that failed: the node could not open its folders, listen or index in time. */
    int failedStarts() {
        return failedStarts.get();
    }

    /** Restarts that found their old port taken and listen on another (peers' caches then point nowhere). */
    int portsLost() {
        return portsLost.get();
    }

    private boolean start(Slot s, List<InetSocketAddress> peers) throws InterruptedException {
        ServentNode node = null;
        try {
            node = startOnPort(s, peers);
            node.libraryReady().get(INDEX_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            s.port = node.listenAddress().getPort();
            s.upSinceNanos = System.nanoTime();
            s.node = node;
            return true;
        } catch (InterruptedException e) {
            if (node != null) {
                node.close();
            }
            throw e;
        } catch (Exception e) {
            failedStarts.incrementAndGet();
            progress.accept("node " + s.index + " failed to start: " + e);
            if (node != null) {
                node.close();
            }
            return false;
        }
    }

    private ServentNode startOnPort(Slot s, List<InetSocketAddress> peers) {
        if (s.port != 0) {
            try {
                return ServentNode.start(config(s, s.port, peers));
            } catch (RuntimeException e) {
                // Someone took the port while the node was down (a dial's local port, say): a new one, as a real host would.
                portsLost.incrementAndGet();
            }
        }
        return ServentNode.start(config(s, 0, peers));
    }

    private NodeConfig config(Slot s, int port, List<InetSocketAddress> peers) {
        NodeConfig c = NodeConfig.defaults(s.home.resolve("data"))
                .withListen(new InetSocketAddress("127.0.0.1", port))
                .withShares(List.of(s.home.resolve("share")))
                .withDownloadsDir(s.home.resolve("downloads"))
                .withRole(s.role)
                .withUploads(4, UPLOAD_LIMIT)
                .withPeers(peers)
                .withBootstrap(NodeConfig.Bootstrap.defaults().withEnabled(false));
        // Every node comes from 127.0.0.1 but stands for a host of its own.
        return c.withTuning(c.tuning().toBuilder().addressShares(false).build());
    }

    /** Closes every live node gracefully (Bye, host cache saved). */
    @Override
    public void close() {
        for (Slot s : slots) {
            ServentNode n = s.node;
            s.node = null;
            if (n != null) {
                try {
                    n.close();
                } catch (RuntimeException e) {
                    progress.accept("node " + s.index + " failed to close: " + e);
                }
            }
        }
    }
}
