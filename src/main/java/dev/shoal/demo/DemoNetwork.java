package dev.shoal.demo;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A local Gnutella network for trying Shoal: {@value #NODES} headless servents on 127.0.0.1 with
 * free ports and temporary data folders, linked in a ring, sharing overlapping parts of the sample
 * library. Closing it stops the nodes and deletes the temporary folder.
 */
public final class DemoNetwork implements AutoCloseable {
    public static final int NODES = 5;
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Path root;
    private final Path library;
    private final boolean generated;
    private final List<ShoalNode> nodes = new ArrayList<>();
    private final Map<Path, List<Integer>> holders = new TreeMap<>();

    private DemoNetwork(Path root, Path library, boolean generated) {
        this.root = root;
        this.library = library;
        this.generated = generated;
    }

    /** Starts the network in a new temporary folder, with the samples found from {@code workingDir}. */
    public static DemoNetwork start(Path workingDir) {
        Path root;
        try {
            root = Files.createTempDirectory("shoal-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var found = SampleFiles.locate(workingDir, SampleFiles.codeLocation());
        Path library = found.orElseGet(() -> SampleFiles.generate(root.resolve("generated-library")));
        DemoNetwork net = new DemoNetwork(root, library, found.isEmpty());
        try {
            net.startNodes();
            net.link();
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        return net;
    }

    private void startNodes() {
        List<Path> files = SampleFiles.list(library);
        List<Long> sizes = files.stream().map(f -> size(library.resolve(f))).toList();
        TreeMap<Integer, List<Integer>> spread = SampleFiles.spread(sizes, NODES);
        for (int k = 0; k < files.size(); k++) {
            holders.put(files.get(k), spread.get(k));
            for (int n : spread.get(k)) {
                copy(library.resolve(files.get(k)), share(n).resolve(files.get(k)));
            }
        }
        for (int n = 0; n < NODES; n++) {
            Path home = root.resolve("node-" + (n + 1));
            NodeConfig config = NodeConfig.defaults(home.resolve("data"))
                    .withListen(new InetSocketAddress("127.0.0.1", 0))
                    .withShares(List.of(share(n)))
                    .withDownloadsDir(home.resolve("downloads"))
                    .withUltrapeer(true);
            nodes.add(Shoal.start(config));
        }
        for (ShoalNode node : nodes) {
            node.libraryReady().orTimeout(START_TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        }
    }

    /** A ring: every node dials the next, so a query with TTL 4 reaches all of them from any one. */
    private void link() {
        List<CompletableFuture<?>> links = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            links.add(nodes.get(n).connect(nodes.get((n + 1) % NODES).listenAddress()));
        }
        CompletableFuture.allOf(links.toArray(CompletableFuture[]::new))
                .orTimeout(START_TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
    }

    private Path share(int node) {
        return root.resolve("node-" + (node + 1)).resolve("share");
    }

    public List<InetSocketAddress> addresses() {
        return nodes.stream().map(ShoalNode::listenAddress).toList();
    }

    public Path root() {
        return root;
    }

    /** Where the shared files came from. */
    public Path library() {
        return library;
    }

    /** True when {@code samples/library} was not found and small files were generated instead. */
    public boolean generated() {
        return generated;
    }

    public int fileCount() {
        return holders.size();
    }

    /** A word that finds the largest file, which several nodes share: a good first search. */
    public String suggestedQuery() {
        Path biggest = holders.keySet().stream()
                .max(Comparator.comparingInt((Path f) -> holders.get(f).size()).thenComparingLong(f -> size(library.resolve(f))))
                .orElseThrow();
        String name = biggest.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String word : name.split("[^\\p{L}]+")) {
            if (word.length() >= 3) {
                return word;
            }
        }
        return name;
    }

    /** How many nodes share the file with this name, 0 if none. */
    public int copiesOf(String fileName) {
        return holders.entrySet().stream().filter(e -> e.getKey().getFileName().toString().equals(fileName))
                .mapToInt(e -> e.getValue().size()).max().orElse(0);
    }

    @Override
    public void close() {
        for (ShoalNode n : nodes) {
            try {
                n.close();
            } catch (RuntimeException e) {
                // Stopping the others matters more than one node's complaint at shutdown.
            }
        }
        nodes.clear();
        deleteTree(root);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A file still held open (Windows) is left for the OS to clean from the temp folder.
        }
    }
}
