package dev.shoal.demo;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
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
 * library and one large generated file held by four of them. Each node's uploads are throttled,
 * so a download of the large file visibly comes from four peers at once. Closing it stops the nodes
 * and deletes the temporary folder.
 */
public final class DemoNetwork implements AutoCloseable {
    public static final int NODES = 5;
    /** How many nodes hold the large file. */
    public static final int BIG_FILE_COPIES = 4;
    private static final long START_TIMEOUT_SECONDS = 30;

    /**
     * How big the large file is and how fast each node uploads.
     *
     * @param uploadLimitBytesPerSecond each node's upload cap, 0 for none
     */
    public record Spec(long bigFileBytes, long uploadLimitBytesPerSecond) {
        /** 64 MiB from four nodes at 1.25 MiB/s each: about 13 s, long enough to watch, short enough to wait for. */
        public static final Spec DEFAULT = new Spec(64L << 20, 1280L * 1024);
    }

    /** A shared file: where its bytes come from and which nodes share it. */
    private record Holding(Path source, long size, List<Integer> nodes) {
    }

    private final Path root;
    private final Path library;
    private final boolean generated;
    private final Spec spec;
    private final List<ShoalNode> nodes = new ArrayList<>();
    private final Map<Path, Holding> holdings = new TreeMap<>();

    private DemoNetwork(Path root, Path library, boolean generated, Spec spec) {
        this.root = root;
        this.library = library;
        this.generated = generated;
        this.spec = spec;
    }

    /** Starts the network in a new temporary folder, with the samples found from {@code workingDir}. */
    public static DemoNetwork start(Path workingDir) {
        return start(workingDir, Spec.DEFAULT);
    }

    public static DemoNetwork start(Path workingDir, Spec spec) {
        Path root;
        try {
            root = Files.createTempDirectory("shoal-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var found = SampleFiles.locate(workingDir, SampleFiles.codeLocation());
        Path library = found.orElseGet(() -> SampleFiles.generate(root.resolve("generated-library")));
        DemoNetwork net = new DemoNetwork(root, library, found.isEmpty(), spec);
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
            holdings.put(files.get(k), new Holding(library.resolve(files.get(k)), sizes.get(k), spread.get(k)));
            for (int n : spread.get(k)) {
                copy(library.resolve(files.get(k)), share(n).resolve(files.get(k)));
            }
        }
        Path big = BigFile.generate(root.resolve("generated").resolve(BigFile.NAME), spec.bigFileBytes());
        List<Integer> bigHolders = new ArrayList<>();
        for (int n = 0; n < Math.min(BIG_FILE_COPIES, NODES); n++) {
            bigHolders.add(n);
            BigFile.place(big, share(n).resolve(BigFile.NAME));
        }
        holdings.put(Path.of(BigFile.NAME), new Holding(big, spec.bigFileBytes(), bigHolders));
        for (int n = 0; n < NODES; n++) {
            Path home = root.resolve("node-" + (n + 1));
            NodeConfig config = NodeConfig.defaults(home.resolve("data")).toBuilder()
                    .listen(new InetSocketAddress("127.0.0.1", 0))
                    .shares(List.of(share(n)))
                    .downloadsDir(home.resolve("downloads"))
                    .uploadLimitBytesPerSecond(spec.uploadLimitBytesPerSecond())
                    .role(Role.ULTRAPEER)
                    .build();
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
        return holdings.size();
    }

    public Spec spec() {
        return spec;
    }

    /** The name of the large file that {@value #BIG_FILE_COPIES} nodes share. */
    public String bigFileName() {
        return BigFile.NAME;
    }

    /** A word that finds the largest file, which several nodes share: a good first search. */
    public String suggestedQuery() {
        Path biggest = holdings.keySet().stream()
                .max(Comparator.comparingInt((Path f) -> holdings.get(f).nodes().size())
                        .thenComparingLong(f -> holdings.get(f).size()))
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
        return holdings.entrySet().stream().filter(e -> e.getKey().getFileName().toString().equals(fileName))
                .mapToInt(e -> e.getValue().nodes().size()).max().orElse(0);
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
