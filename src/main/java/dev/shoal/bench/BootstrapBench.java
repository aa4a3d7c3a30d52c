package dev.shoal.bench;

import com.sun.net.httpserver.HttpServer;
import dev.shoal.json.JsonLine;
import dev.shoal.node.ServentNode;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Search;
import dev.shoal.protocol.HostPort;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * {@code shoal bench bootstrap [--rounds N] [--json]}: how long a fresh node takes from start to
 * its first search result when all it knows is a GWebCache, against the same node given a peer.
 * A 10-node network of ultrapeers runs on 127.0.0.1, the first linked to all others, the last
 * sharing the file searched for; a GWebCache in this process (an HTTP server on 127.0.0.1) lists
 * them all. Each round starts a fresh leaf (empty data folder) once with only {@code --gwebcache}
 * and once with only {@code --peer} (the hub), alternating which goes first, and times start to
 * first result: the node searches as soon as it has a link. The ratio of the medians is reported.
 */
public final class BootstrapBench {
    static final String USAGE = "usage: shoal bench bootstrap [--rounds N] [--json]";
    private static final int NETWORK = 10;
    private static final String WANTED = "rare bootstrap tune";

    private BootstrapBench() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        int rounds = 5;
        boolean json = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--json" -> json = true;
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if (rounds < 1 || rounds > 100) {
                throw new IllegalArgumentException("--rounds must be 1..100");
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            err.println("shoal bench bootstrap: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path root = null;
        try {
            root = Files.createTempDirectory("shoal-bench-bootstrap");
            long[][] millis = measure(root, rounds, err);
            report(millis, json, out);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("shoal bench bootstrap: failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("shoal bench bootstrap: interrupted");
            return 1;
        } finally {
            TempTree.delete(root);
        }
    }

    /** Per round, {gwebcache ms, peer ms}. */
    private static long[][] measure(Path root, int rounds, PrintStream progress) throws IOException, InterruptedException {
        List<ServentNode> net = new ArrayList<>();
        HttpServer cache = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        try {
            for (int i = 0; i < NETWORK; i++) {
                Path share = Files.createDirectories(root.resolve("up" + i).resolve("share"));
                Files.writeString(share.resolve(i == NETWORK - 1 ? WANTED + ".txt" : "common " + i + ".txt"), "x");
                ServentNode n = ServentNode.start(NodeConfig.defaults(root.resolve("up" + i).resolve("data"))
                        .withListen(new InetSocketAddress("127.0.0.1", 0)).withShares(List.of(share))
                        .withMaxConnections(64).withBootstrap(NodeConfig.Bootstrap.defaults().withEnabled(false)));
                net.add(n);
                n.libraryReady().get(60, TimeUnit.SECONDS);
                if (i > 0) {
                    n.connect(net.get(0).listenAddress()).get(10, TimeUnit.SECONDS);
                }
            }
            StringBuilder hosts = new StringBuilder();
            for (ServentNode n : net) {
                hosts.append("H|").append(HostPort.format(n.listenAddress())).append("|60\n");
            }
            byte[] body = hosts.toString().getBytes(StandardCharsets.US_ASCII);
            cache.createContext("/gwc.php", exchange -> {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(body);
                }
            });
            cache.start();
            URI url = URI.create("http://127.0.0.1:" + cache.getAddress().getPort() + "/gwc.php");
            InetSocketAddress hub = net.get(0).listenAddress();
            long[][] millis = new long[rounds][2];
            for (int r = 0; r < rounds; r++) {
                Path dir = root.resolve("round" + r);
                UnaryOperator<NodeConfig> viaCache = c -> c.withBootstrap(c.bootstrap().withGWebCaches(List.of(url)));
                UnaryOperator<NodeConfig> viaPeer = c -> c.withPeers(List.of(hub))
                        .withBootstrap(c.bootstrap().withEnabled(false));
                if (r % 2 == 0) {
                    millis[r][0] = firstResult(dir.resolve("cache"), viaCache);
                    millis[r][1] = firstResult(dir.resolve("peer"), viaPeer);
                } else {
                    millis[r][1] = firstResult(dir.resolve("peer"), viaPeer);
                    millis[r][0] = firstResult(dir.resolve("cache"), viaCache);
                }
                progress.printf("round %d: GWebCache only %d ms, --peer %d ms%n", r + 1, millis[r][0], millis[r][1]);
            }
            return millis;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("the network did not come up: " + e, e);
        } finally {
            cache.stop(0);
            net.forEach(ServentNode::close);
        }
    }

    /** Milliseconds from starting a fresh leaf to its first result for the wanted file. */
    private static long firstResult(Path dir, UnaryOperator<NodeConfig> how) throws InterruptedException {
        long start = System.nanoTime();
        ServentNode node = ServentNode.start(how.apply(NodeConfig.defaults(dir.resolve("data"))
                .withListen(new InetSocketAddress("127.0.0.1", 0)).withRole(Role.LEAF)));
        try {
            long deadline = start + TimeUnit.SECONDS.toNanos(60);
            while (node.peers().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no link within 60 s");
                }
                Thread.sleep(5);
            }
            CountDownLatch hit = new CountDownLatch(1);
            try (Search s = node.search(WANTED, 4, h -> hit.countDown())) {
                if (!hit.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no result within 60 s");
                }
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        } finally {
            node.close();
        }
    }

    private static void report(long[][] millis, boolean json, PrintStream out) {
        long cache = median(millis, 0);
        long peer = median(millis, 1);
        double ratio = peer == 0 ? Double.NaN : (double) cache / peer;
        if (json) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("suite", "bootstrap");
            f.put("rounds", millis.length);
            f.put("gwebcache_only_ms", cache);
            f.put("peer_ms", peer);
            f.put("ratio", Math.round(ratio * 100) / 100.0);
            out.println(JsonLine.of(f));
        } else {
            out.printf("start to first search result, median of %d rounds (10-node network on 127.0.0.1):%n",
                    millis.length);
            out.printf("  only a GWebCache known   %6d ms%n", cache);
            out.printf("  given --peer             %6d ms%n", peer);
            out.printf("  ratio                    %6.2f%n", ratio);
        }
        out.flush();
    }

    private static long median(long[][] millis, int column) {
        long[] v = Arrays.stream(millis).mapToLong(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
