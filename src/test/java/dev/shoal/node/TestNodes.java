package dev.shoal.node;

import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchHit;
import dev.shoal.protocol.Guid;
import dev.shoal.time.VirtualTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Real servents in this JVM, each with its own data folder and shared folder under one temp root,
 * listening on 127.0.0.1 with a free port. Closing it closes every node it started.
 *
 * <p>Their timers share one {@link VirtualTime} that no one moves unless a test does: no
 * keep-alive, idle timeout or dial from the host cache happens by itself, so the links are exactly
 * those the test made. Their message loops report to one {@link FloodWatch}, which tells when a
 * search is over, and each to its own {@link Deliveries}. Ultrapeers run queries dynamically, as
 * by default, unless the nodes were made {@link #flooding()}.
 */
final class TestNodes implements AutoCloseable {
    private final Path root;
    private final VirtualTime time = new VirtualTime();
    private final FloodWatch watch = new FloodWatch();
    private final List<ServentNode> nodes = new CopyOnWriteArrayList<>();
    private final Map<ServentNode, List<NodeEvent.QueryReceived>> queries = new ConcurrentHashMap<>();
    private final Map<ServentNode, Deliveries> deliveries = new ConcurrentHashMap<>();
    /** Every node here comes from 127.0.0.1 but stands for a host of its own. */
    // Searches are not paced either: moving the clock for them would let nodes dial links the test did not make.
    // Nor do they ask for hits by UDP unless a test says so: the flood watch sees hits by TCP only.
    private UnaryOperator<NodeConfig> common = c -> c.withTuning(c.tuning().toBuilder().addressShares(false)
            .searchInterval(Duration.ZERO).outOfBand(NodeConfig.Tuning.OutOfBand.OFF).build());

    TestNodes(Path root) {
        this.root = root;
    }

    /** Nodes started from now on flood queries with their TTL instead of running them dynamically. */
    TestNodes flooding() {
        return withConfig(c -> c.withTuning(c.tuning().toBuilder().dynamicQuerying(false, c.tuning()
                .dynamicQueryTarget()).build()));
    }

    /** Nodes started from now on ask for their searches' hits by UDP (out of band), firewalled or not. */
    TestNodes outOfBand() {
        return withConfig(c -> c.withTuning(c.tuning().toBuilder().outOfBand(NodeConfig.Tuning.OutOfBand.ON).build()));
    }

    /** Nodes started from now on get {@code tweak} applied to their config (after the earlier tweaks). */
    TestNodes withConfig(UnaryOperator<NodeConfig> tweak) {
        UnaryOperator<NodeConfig> before = common;
        common = c -> tweak.apply(before.apply(c));
        return this;
    }

    VirtualTime time() {
        return time;
    }

    FloodWatch watch() {
        return watch;
    }

    /** An ultrapeer sharing the given files (name → content). */
    ServentNode ultrapeer(String name, int maxTtl, Map<String, String> files) {
        return start(name, true, maxTtl, files);
    }

    /** A leaf, like the short-lived servent of {@code shoal search}. */
    ServentNode leaf(String name, int maxTtl) {
        return start(name, false, maxTtl, Map.of());
    }

    /** A leaf sharing the given files (name → content). */
    ServentNode leaf(String name, int maxTtl, Map<String, String> files) {
        return start(name, false, maxTtl, files);
    }

    private ServentNode start(String name, boolean ultrapeer, int maxTtl, Map<String, String> files) {
        return start(name, files, c -> c.withRole(ultrapeer ? Role.ULTRAPEER : Role.LEAF).withMaxTtl(maxTtl));
    }

    /** A node sharing {@code files} (name → content), its config made by {@code tweak} from the usual one. */
    ServentNode start(String name, Map<String, String> files, UnaryOperator<NodeConfig> tweak) {
        Path share = root.resolve(name).resolve("share");
        try {
            Files.createDirectories(share);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(share.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NodeConfig config = tweak.apply(common.apply(NodeConfig.defaults(root.resolve(name).resolve("data"))
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withShares(List.of(share))));
        Deliveries delivered = new Deliveries();
        ServentNode node = ServentNode.start(config, time, new SplittableRandom(nodes.size()),
                MessageTrace.both(watch, delivered));
        deliveries.put(node, delivered);
        nodes.add(node);
        List<NodeEvent.QueryReceived> seen = new CopyOnWriteArrayList<>();
        queries.put(node, seen);
        node.addListener(e -> {
            if (e instanceof NodeEvent.QueryReceived q) {
                seen.add(q);
            }
        });
        node.libraryReady().orTimeout(20, TimeUnit.SECONDS).join();
        return node;
    }

    /** Connects {@code from} to {@code to} and waits until both ends have the link registered. */
    void link(ServentNode from, ServentNode to) {
        int before = to.peers().size();
        from.connect(to.listenAddress()).orTimeout(10, TimeUnit.SECONDS).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> to.peers().size() > before);
    }

    /**
     * Searches from {@code searcher} and returns every hit once the query's flood is over: each copy
     * of it handled, each node's search done, each hit delivered. No hit can come after that.
     * The TTL must be sent as given (not clamped).
     */
    List<SearchHit> searchUntilOver(ServentNode searcher, String text, int ttl) {
        List<SearchHit> hits = new CopyOnWriteArrayList<>();
        try (Search search = searcher.search(text, ttl, hits::add)) {
            if (search.ttl() != ttl) {
                throw new AssertionError("TTL " + ttl + " was clamped to " + search.ttl());
            }
            Guid guid = Guid.fromHex(search.id());
            await().atMost(Duration.ofSeconds(10)).until(() -> watch.over(guid));
        }
        return List.copyOf(hits);
    }

    /** Closes one node now (as if it went away); the others keep running. */
    void stop(ServentNode node) {
        nodes.remove(node);
        node.close();
    }

    /** What {@code node}'s message loop handled and sent. */
    Deliveries deliveries(ServentNode node) {
        return deliveries.get(node);
    }

    /** Queries that reached {@code node} for the first time, in arrival order. */
    List<NodeEvent.QueryReceived> queriesSeenBy(ServentNode node) {
        return queries.get(node);
    }

    Path shareOf(String name) {
        return root.resolve(name).resolve("share");
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (ServentNode n : nodes) {
            try {
                n.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
