package dev.shoal.cli;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchHit;
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
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shoal search}: joins as a short-lived leaf, floods one query and prints hits as they come. */
@Command(name = "search",
        description = {"Search the network through the given peers and print hits until the timeout.",
            "Hits go to stdout; the count (or that there were none) goes to stderr at the end."})
final class SearchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(arity = "1..*", paramLabel = "KEYWORDS", description = "Words to find, or one urn:sha1:...")
    List<String> keywords;

    @Option(names = "--peer", paramLabel = "HOST:PORT", arity = "1..*", split = ",", required = true,
            converter = HostPortConverter.class, description = "Peers to send the query to.")
    List<InetSocketAddress> peers = new ArrayList<>();

    @Option(names = "--ttl", paramLabel = "N", defaultValue = "4",
            description = "Hops the query may travel, counted from here: 1 reaches only the peers given "
                    + "(default: ${DEFAULT-VALUE}).")
    int ttl;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for hits (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--json", description = "Print one JSON object per hit per line, with the exact size in bytes.")
    boolean json;

    @Option(names = "--max-ttl", paramLabel = "N", defaultValue = "4",
            description = "Largest TTL this searcher sends; higher requests are clamped (default: ${DEFAULT-VALUE}).")
    int maxTtl;

    @Override
    public Integer call() throws Exception {
        if (ttl < 1 || ttl > 255) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ttl must be 1..255, got " + ttl);
        }
        if (!(timeoutSeconds > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text = String.join(" ", keywords);
        Path scratch = Files.createTempDirectory("shoal-search");
        NodeConfig config = PeerDialer.leafOf(NodeConfig.defaults(scratch)
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withMaxTtl(Math.min(Math.max(maxTtl, 1), 15)), peers);
        AtomicInteger hits = new AtomicInteger();
        try (ShoalNode node = Shoal.start(config)) {
            PeerDialer.connectAll(node, peers, err);
            try (Search search = startSearch(node, text, hits)) {
                if (search.clamped()) {
                    err.printf("shoal: TTL %d clamped to %d (this searcher's --max-ttl)%n", ttl, search.ttl());
                    err.flush();
                }
                Thread.sleep((long) (timeoutSeconds * 1000));
            }
        } finally {
            Cleanup.deleteTree(scratch);
        }
        if (hits.get() == 0) {
            err.printf("no hits for \"%s\" within %s s from %s (try other words, a longer --timeout or more --peer)%n",
                    text, Units.seconds(timeoutSeconds), Units.plural(peers.size(), "peer"));
        } else {
            err.println(Units.plural(hits.get(), "hit"));
        }
        err.flush();
        return 0;
    }

    /** Starts the query; words the node cannot search for are a usage error, like any bad argument. */
    private Search startSearch(ShoalNode node, String text, AtomicInteger hits) {
        try {
            return node.search(text, ttl, hit -> print(spec.commandLine().getOut(), hit, hits));
        } catch (ShoalException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private synchronized void print(PrintWriter out, SearchHit hit, AtomicInteger count) {
        count.incrementAndGet();
        out.println(json ? HitLine.json(hit) : HitLine.text(hit));
        out.flush();
    }
}
