package dev.shoal.cli;

import dev.shoal.node.api.Browse;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalException;
import dev.shoal.node.api.ShoalNode;
import dev.shoal.protocol.HostPort;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shoal browse}: lists everything one host shares, asking it directly (browse host). */
@Command(name = "browse",
        description = {"List every file a host shares, asking it directly (browse host).",
            "Files go to stdout as they arrive, one per line; the count goes to stderr at the end."})
final class BrowseCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "HOST:PORT", converter = HostPortConverter.class,
            description = "The host to browse: where it accepts Gnutella connections.")
    InetSocketAddress host;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest wait for the whole list (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--json", description = "Print one JSON object per file per line, with the exact size in bytes.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!(timeoutSeconds > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be positive");
        }
        PrintWriter err = spec.commandLine().getErr();
        String name = HostPort.format(host);
        Path scratch = Files.createTempDirectory("shoal-browse");
        NodeConfig config = NodeConfig.defaults(scratch)
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withRole(Role.LEAF);
        try (ShoalNode node = Shoal.start(config); Browse browse = node.browse(host, this::print)) {
            int files = await(browse, name);
            if (files == 0) {
                err.println(name + " shares nothing");
            } else {
                err.println(Units.plural(files, "file") + " from " + name + (browse.truncated()
                        ? "; stopped there, it may share more" : ""));
            }
            err.flush();
            return 0;
        } finally {
            Cleanup.deleteTree(scratch);
        }
    }

    private int await(Browse browse, String name) throws InterruptedException {
        try {
            return browse.done().get((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ShoalException s ? s : new ShoalException(e.getCause().toString());
        } catch (TimeoutException e) {
            throw new ShoalException(name + " sent " + Units.plural(browse.filesReceived(), "file") + " within "
                    + Units.seconds(timeoutSeconds) + " s and had not finished its list; --timeout waits longer");
        }
    }

    private synchronized void print(SearchHit hit) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? HitLine.json(hit) : HitLine.file(hit));
        out.flush();
    }
}
