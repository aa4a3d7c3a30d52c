package dev.shoal.node;

import dev.shoal.node.api.NodeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Real servents on real time, listening on 127.0.0.1 with a free port, each with its own data,
 * share and downloads folders under one temporary root and sharing at most one file; closing this
 * closes every servent it started and deletes the root, so a test holds it in an
 * {@code @AutoClose} field. For tests of transfers, where bytes must flow at their own pace (node
 * tests on virtual time use {@link TestNodes}).
 */
final class SharingServents implements AutoCloseable {
    private final Path root;
    private final List<ServentNode> started = new CopyOnWriteArrayList<>();

    SharingServents() {
        try {
            this.root = Files.createTempDirectory("shoal-servents");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder {@code name} shares. */
    Path shareOf(String name) {
        return root.resolve(name).resolve("share");
    }

    /** A servent sharing nothing. */
    ServentNode start(String name) {
        return start(name, null, null, c -> c);
    }

    /**
     * A servent sharing {@code content} as {@code fileName} (nothing when {@code content} is null),
     * its config made by {@code tweak} from the usual one; returns once its library is indexed.
     */
    ServentNode start(String name, String fileName, byte[] content, UnaryOperator<NodeConfig> tweak) {
        Path dir = root.resolve(name);
        Path share = shareOf(name);
        try {
            Files.createDirectories(share);
            if (content != null) {
                Files.write(share.resolve(fileName), content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServentNode node = ServentNode.start(tweak.apply(NodeConfig.defaults(dir.resolve("data"))
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withShares(List.of(share))
                .withDownloadsDir(dir.resolve("downloads"))));
        started.add(node);
        node.libraryReady().orTimeout(20, TimeUnit.SECONDS).join();
        return node;
    }

    @Override
    public void close() throws IOException {
        started.forEach(ServentNode::close);
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
