package dev.shoal.bench;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real peer of the capacity bench: a normal Shoal leaf on 127.0.0.1, connected to the target,
 * that searches for the file the target shares and times each search from {@code search()} to its
 * first hit. Only its one-search-every-few-seconds etiquette is off, so the rounds need not wait.
 */
final class CapacitySearcher implements AutoCloseable {
    private static final int TTL = 2;
    private static final long PAUSE_MILLIS = 300;
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ShoalNode node;

    private CapacitySearcher(ShoalNode node) {
        this.node = node;
    }

    static CapacitySearcher connect(Path dir, InetSocketAddress target) throws IOException, InterruptedException {
        NodeConfig config = NodeConfig.defaults(Files.createDirectories(dir).resolve("data"))
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withRole(Role.LEAF);
        config = config.withTuning(config.tuning().toBuilder().searchInterval(Duration.ZERO).build());
        ShoalNode node = Shoal.start(config);
        try {
            node.connect(target).get(30, TimeUnit.SECONDS);
            return new CapacitySearcher(node);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            node.close();
            throw new IOException("the searcher could not connect to the target: " + e, e);
        }
    }

    /** Milliseconds to the first hit of each of {@code n} searches, one after the other; -1 for none within 5 s. */
    List<Double> search(int n) throws InterruptedException {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            millis.add(once());
            Thread.sleep(PAUSE_MILLIS);
        }
        return millis;
    }

    private double once() throws InterruptedException {
        CompletableFuture<Long> first = new CompletableFuture<>();
        long start = System.nanoTime();
        try (Search search = node.search(HonestLeaf.WORD, TTL, hit -> first.complete(System.nanoTime()))) {
            return (first.get(WAIT.toMillis(), TimeUnit.MILLISECONDS) - start) / 1e6;
        } catch (TimeoutException e) {
            return -1;
        } catch (ExecutionException e) {
            throw new IllegalStateException("search listener failed", e.getCause());
        }
    }

    /** Links the searcher holds (1 while it is connected to the target). */
    int links() {
        return node.peers().size();
    }

    @Override
    public void close() {
        node.close();
    }
}
