package dev.shoal;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The run from which the {@code shoal} launcher makes its class-data archive, once per build:
 * under {@code -XX:DumpLoadedClassList} the JVM lists every class this run loaded, a second JVM
 * stores them parsed and verified ({@code -Xshare:dump}), and later starts map them instead of
 * loading them again, which is most of a JVM's start-up. So this run takes the path of a one-shot command: {@code shoal get} fetches a
 * small file from a servent on 127.0.0.1 (once with the progress bar, once with {@code --json}),
 * and the help of every command is printed. Everything is in a temporary folder, deleted at the
 * end; exit code 0 when every step worked.
 */
final class StartupTraining {
    private static final int FILE_BYTES = 256 * 1024;

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("shoal.log.level") == null) {
            System.setProperty("shoal.log.level", "WARN");
        }
        Path dir = Files.createTempDirectory("shoal-training");
        int failures;
        try {
            failures = train(dir);
        } finally {
            deleteTree(dir);
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    private static int train(Path dir) throws Exception {
        Path share = Files.createDirectories(dir.resolve("share"));
        byte[] content = new byte[FILE_BYTES];
        new Random(1).nextBytes(content);
        Files.write(share.resolve("training.bin"), content);
        NodeConfig config = NodeConfig.defaults(dir.resolve("node"))
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withShares(List.of(share))
                .withRole(Role.ULTRAPEER)
                .withDownloadsDir(dir.resolve("node-downloads"));
        int failures = 0;
        try (ShoalNode node = Shoal.start(config)) {
            node.libraryReady().get(1, TimeUnit.MINUTES);
            String urn = node.sharedFiles().get(0).urn();
            String peer = "127.0.0.1:" + node.listenAddress().getPort();
            for (String output : List.of("bar", "json")) {
                Path out = dir.resolve(output);
                List<String> get = new ArrayList<>(List.of("get", urn, "--peer", peer,
                        "--out", out.resolve("downloads").toString(), "--data", out.resolve("data").toString()));
                if (output.equals("json")) {
                    get.add("--json");
                }
                failures += Main.execute(get.toArray(String[]::new)) == 0 ? 0 : 1;
            }
        }
        for (String command : List.of("node", "search", "get", "index", "demo", "bench")) {
            failures += Main.execute(command, "--help") == 0 ? 0 : 1;
        }
        return failures;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
