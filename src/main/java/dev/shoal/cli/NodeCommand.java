package dev.shoal.cli;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalException;
import dev.shoal.node.api.ShoalNode;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shoal node}: a headless servent that runs until SIGINT or SIGTERM. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Run a headless servent: share folders, route queries, answer from the library.")
final class NodeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "6346",
            description = "TCP port for Gnutella and HTTP; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; use 0.0.0.0 to accept other hosts).")
    String bind;

    @Option(names = "--share", paramLabel = "DIR", arity = "1..*", split = ",",
            description = "Folders to share, recursively.")
    List<Path> shares = new ArrayList<>();

    @Option(names = "--peer", paramLabel = "HOST:PORT", arity = "1..*", split = ",",
            converter = HostPortConverter.class, description = "Peers to connect to at start-up.")
    List<InetSocketAddress> peers = new ArrayList<>();

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "32",
            description = "Most Gnutella connections held at once (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with defaults for these options (keys: port, bind, share, peer, data, "
                    + "max-connections, max-ttl); the command line wins.")
    Path config;

    @Mixin
    NodeOptions options;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535, got " + port);
        }
        for (Path share : shares) {
            if (!Files.isDirectory(share)) {
                throw new ShoalException("shared folder does not exist: " + share);
            }
        }
        NodeConfig config = NodeConfig.defaults(options.data)
                .withListen(new InetSocketAddress(bind, port))
                .withShares(shares)
                .withPeers(peers)
                .withMaxConnections(maxConnections)
                .withMaxTtl(options.maxTtl);
        PrintWriter out = spec.commandLine().getOut();
        ShoalNode node = Shoal.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "shoal-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        node.addListener(event -> {
            if (event instanceof NodeEvent.LibraryChanged changed) {
                spec.commandLine().getErr().printf("sharing %d files (%d bytes)%n", changed.files(), changed.bytes());
                spec.commandLine().getErr().flush();
            }
        });
        InetSocketAddress bound = node.listenAddress();
        out.println("listening on " + bound.getAddress().getHostAddress() + ":" + bound.getPort());
        out.flush();
        stopped.await();
        return 0;
    }
}
