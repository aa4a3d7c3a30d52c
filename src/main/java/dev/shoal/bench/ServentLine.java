package dev.shoal.bench;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SearchListener;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalException;
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
 * Three ultrapeers in a line, A–B–C, and a leaf searcher on A, all real servents on 127.0.0.1
 * with port 0 and data in a temporary folder. Only C shares a file that matches the queries; A and
 * B share an unrelated one, so they still search their index for every query. A query from the
 * leaf crosses leaf→A→B→C and its hit comes back the same three links.
 *
 * <p>Connection limits pin the shape: C takes one peer, A and B two, so the servents' own
 * dialling from the host cache cannot add a shortcut link (checked after start-up).
 */
final class ServentLine implements AutoCloseable {
    /** TTL that reaches C from the leaf: A forwards with 2, B with 1. */
    static final int TTL = 3;
    static final List<String> NEEDLE_WORDS = List.of("needle", "alpha", "bravo", "charlie", "delta", "foxtrot");
    private static final long STEP_MILLIS = 10_000;

    private final Path root;
    private final List<ShoalNode> nodes = new ArrayList<>();
    private ShoalNode leaf;
    private String farEndId;

    private ServentLine(Path root) {
        this.root = root;
    }

    static ServentLine start() throws IOException {
        ServentLine line = new ServentLine(Files.createTempDirectory("shoal-bench-"));
        try {
            line.build();
            return line;
        } catch (IOException | RuntimeException e) {
            line.close();
            throw e;
        }
    }

    private void build() throws IOException {
        ShoalNode c = node("c", 1, true, String.join(" ", NEEDLE_WORDS) + ".txt");
        ShoalNode b = node("b", 2, true, "unrelated meeting notes.txt");
        ShoalNode a = node("a", 2, true, "another unrelated file.txt");
        farEndId = c.serventId();
        join(b.connect(c.listenAddress()), "B to C");
        join(a.connect(b.listenAddress()), "A to B");
        leaf = node("leaf", 1, false, null);
        connectLeaf(a);
        awaitPeers(List.of(a, b, c, leaf), List.of(2, 2, 1, 1));
    }

    private ShoalNode node(String name, int maxConnections, boolean ultrapeer, String sharedFile) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Path share = Files.createDirectories(dir.resolve("share"));
        if (sharedFile != null) {
            Files.writeString(share.resolve(sharedFile), "shoal bench file " + name + "\n");
        }
        NodeConfig config = NodeConfig.defaults(dir.resolve("data"))
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withShares(List.of(share))
                .withRole(ultrapeer ? Role.ULTRAPEER : Role.LEAF)
                .withMaxConnections(maxConnections);
        // The leaf asks as fast as answers come, far past a real leaf's query budget and a user's
        // one search every few seconds: the bench measures the router, not the guards in front of it.
        // Hits come back along the three links, never by UDP: once A had pinged the leaf back (UDP
        // connect-back), C answered it straight by UDP and the figure was no longer three hops.
        config = config.withTuning(config.tuning().toBuilder().linkBudgets(false).searchInterval(Duration.ZERO)
                .outOfBand(NodeConfig.Tuning.OutOfBand.OFF).build());
        ShoalNode node = Shoal.start(config);
        nodes.add(node);
        join(node.libraryReady(), "library of " + name);
        return node;
    }

    /** A may be holding its free slot for a moment while it dials from its host cache: retry. */
    private void connectLeaf(ShoalNode a) {
        ShoalException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                join(leaf.connect(a.listenAddress()), "leaf to A");
                return;
            } catch (ShoalException e) {
                last = e;
                sleep(200);
            }
        }
        throw last;
    }

    private static void awaitPeers(List<ShoalNode> line, List<Integer> expected) {
        long deadline = System.currentTimeMillis() + STEP_MILLIS;
        while (true) {
            List<Integer> actual = line.stream().map(n -> n.peers().size()).toList();
            if (actual.equals(expected)) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new ShoalException("servent line did not settle: peers of A, B, C, leaf = " + actual);
            }
            sleep(20);
        }
    }

    /**
     * Sends one query from the leaf and waits for its first hit from C; returns the time from
     * {@code search()} to that hit in nanoseconds, or -1 when none came within {@code timeout}.
     */
    long query(String text, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        Timed hit = firstHit(text, timeout);
        return hit == null ? -1 : hit.nanos() - start;
    }

    /** The first hit from C for {@code text}, or null when none came within {@code timeout}. */
    SearchHit probe(String text, Duration timeout) throws InterruptedException {
        Timed hit = firstHit(text, timeout);
        return hit == null ? null : hit.hit();
    }

    private record Timed(SearchHit hit, long nanos) {
    }

    private Timed firstHit(String text, Duration timeout) throws InterruptedException {
        CompletableFuture<Timed> first = new CompletableFuture<>();
        SearchListener listener = hit -> {
            long now = System.nanoTime();
            // Only C shares a match; anything else would mean the line is not what it claims.
            if (hit.serventId().equals(farEndId)) {
                first.complete(new Timed(hit, now));
            }
        };
        Search search = leaf.search(text, TTL, listener);
        try {
            return first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("search listener failed", e.getCause());
        } finally {
            // Late hits of this query must not reach a listener nobody waits on.
            search.close();
        }
    }

    /** Closes every servent at once (each waits up to two seconds for its Byes), then deletes the data. */
    @Override
    public void close() {
        List<Thread> closing = new ArrayList<>();
        for (ShoalNode n : nodes) {
            Thread t = new Thread(n::close, "shoal-bench-close");
            t.start();
            closing.add(t);
        }
        for (Thread t : closing) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        TempTree.delete(root);
    }

    private static <T> T join(CompletableFuture<T> future, String what) {
        try {
            return future.get(STEP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ShoalException s) {
                throw s;
            }
            throw new ShoalException(what + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new ShoalException(what + " took more than " + STEP_MILLIS + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShoalException(what + " interrupted");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShoalException("interrupted while starting the servent line");
        }
    }
}
