package dev.shoal.cli;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeConfigFile;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalException;
import dev.shoal.node.api.ShoalNode;
import dev.shoal.node.api.UserFolders;
import dev.shoal.protocol.HostPort;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shoal node}: a headless servent that runs until SIGINT or SIGTERM. */
@Command(name = "node",
        description = {"Run a headless servent: share folders, route queries, answer from the library.",
            "It runs until Ctrl-C or SIGTERM and logs to <data>/shoal.log as well as here."})
final class NodeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + NodeConfig.DEFAULT_PORT,
            description = "TCP port for Gnutella and HTTP; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = NodeConfig.ALL_INTERFACES,
            description = "IPv4 address to listen on, TCP and UDP (default: ${DEFAULT-VALUE}, every interface; "
                    + "127.0.0.1 keeps the node to this machine).")
    String bind;

    @Option(names = "--join-public",
            description = "Join the public Gnutella network: when the node knows too few hosts, ask the "
                    + "built-in public host caches.")
    boolean joinPublic;

    @Option(names = "--gwebcache", paramLabel = "URL", arity = "1..*", split = ",",
            description = "GWebCaches to ask for hosts (replace the built-in ones).")
    List<URI> gwebcaches = new ArrayList<>();

    @Option(names = "--uhc", paramLabel = "HOST:PORT", arity = "1..*", split = ",",
            converter = HostPortConverter.class,
            description = "UDP host caches to ask for hosts (replace the built-in ones).")
    List<InetSocketAddress> uhcs = new ArrayList<>();

    @Option(names = "--no-bootstrap", description = "Never ask any host cache; only --peer and the host cache.")
    boolean noBootstrap;

    @Option(names = "--share", paramLabel = "DIR", arity = "1..*", split = ",",
            description = "Folders to share, recursively.")
    List<Path> shares = new ArrayList<>();

    @Option(names = "--peer", paramLabel = "HOST:PORT", arity = "1..*", split = ",",
            converter = HostPortConverter.class, description = "Peers to connect to at start-up.")
    List<InetSocketAddress> peers = new ArrayList<>();

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "ultrapeer", converter = RoleConverter.class,
            description = {"leaf, ultrapeer or auto (default: ${DEFAULT-VALUE}). A leaf keeps a few ultrapeer links "
                    + "and relays nothing; an ultrapeer takes leaves and runs their queries. auto starts as a leaf "
                    + "and becomes an ultrapeer once others reach it, it has been up an hour and it moved 10 KiB/s."})
    Role role;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "32",
            description = "As an ultrapeer, most links to other ultrapeers (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--max-leaves", paramLabel = "N", defaultValue = "30",
            description = "As an ultrapeer, most leaves held at once (default: ${DEFAULT-VALUE}).")
    int maxLeaves;

    @Option(names = "--leaf-ultrapeers", paramLabel = "N", defaultValue = "3",
            description = "As a leaf, the ultrapeers it keeps links to (default: ${DEFAULT-VALUE}).")
    int leafUltrapeers;

    @Option(names = "--upload-slots", paramLabel = "N", defaultValue = "4",
            description = "Uploads served at once; more wait in a queue (default: ${DEFAULT-VALUE}).")
    int uploadSlots;

    @Option(names = "--upload-limit", paramLabel = "KIBPS", defaultValue = "0",
            description = "Total upload speed cap in KiB/s, 0 for none (default: ${DEFAULT-VALUE}).")
    long uploadLimit;

    @Option(names = "--browse-host", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Let other servents list every file we share; --no-browse-host refuses them "
                    + "(default: on).")
    boolean browseHost;

    @Option(names = "--downloads", paramLabel = "DIR",
            description = "Where finished downloads go (default: ${DEFAULT-VALUE}).")
    Path downloads = UserFolders.current().downloads();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with values for these options (keys: port, bind, share, downloads, peer, "
                    + "role, max-connections, max-leaves, leaf-ultrapeers, max-ttl, upload-slots, upload-limit, "
                    + "browse-host, port-mapping, join-public, bootstrap, gwebcache, uhc); "
                    + "options given on the command line win.")
    Path config;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder: index, host cache, partial downloads, log (default: ${DEFAULT-VALUE}).")
    Path data = UserFolders.current().data();

    @Option(names = "--port-mapping", description = "Map the port on the home router (UPnP) while running, so "
            + "that others can reach this node behind NAT; looks for the router on the local network. Only "
            + "with --join-public: a node kept to the hosts given maps nothing.")
    boolean portMapping;

    @Option(names = "--max-ttl", paramLabel = "N", defaultValue = "4",
            description = "Largest TTL forwarded or sent; higher requests are clamped (default: ${DEFAULT-VALUE}).")
    int maxTtl;

    /** Defaults, then the {@code --config} file, then the options actually given on the command line. */
    private NodeConfig buildConfig() {
        NodeConfig base = NodeConfig.defaults(data);
        if (config != null) {
            base = NodeConfigFile.read(config, base);
        }
        NodeConfig.Builder b = base.toBuilder();
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (given.hasMatchedOption("--port") || given.hasMatchedOption("--bind") || config == null) {
            String host = given.hasMatchedOption("--bind") || config == null ? bind : base.listen().getHostString();
            int p = given.hasMatchedOption("--port") || config == null ? port : base.listen().getPort();
            b.listen(new InetSocketAddress(host, p));
        }
        if (given.hasMatchedOption("--share") || config == null) {
            b.shares(shares);
        }
        if (given.hasMatchedOption("--peer") || config == null) {
            b.peers(peers);
        }
        if (given.hasMatchedOption("--role") || config == null) {
            b.role(role);
        }
        if (given.hasMatchedOption("--max-connections") || config == null) {
            b.maxConnections(maxConnections);
        }
        if (given.hasMatchedOption("--max-leaves") || config == null) {
            b.maxLeaves(maxLeaves);
        }
        if (given.hasMatchedOption("--leaf-ultrapeers") || config == null) {
            b.leafUltrapeers(leafUltrapeers);
        }
        if (given.hasMatchedOption("--max-ttl") || config == null) {
            b.maxTtl(maxTtl);
        }
        if (given.hasMatchedOption("--upload-slots") || config == null) {
            b.uploadSlots(uploadSlots);
        }
        if (given.hasMatchedOption("--upload-limit") || config == null) {
            b.uploadLimitBytesPerSecond(uploadLimit * 1024);
        }
        if (given.hasMatchedOption("--browse-host") || config == null) {
            b.browseHost(browseHost);
        }
        if (given.hasMatchedOption("--port-mapping") || config == null) {
            b.portMapping(portMapping);
        }
        if (given.hasMatchedOption("--downloads") || config == null) {
            b.downloadsDir(downloads);
        }
        try {
            NodeConfig.Bootstrap boot = base.bootstrap();
            if (joinPublic) {
                boot = boot.withJoinPublic(true);
            }
            if (noBootstrap) {
                boot = boot.withEnabled(false);
            }
            if (!gwebcaches.isEmpty()) {
                boot = boot.withGWebCaches(gwebcaches);
            }
            if (!uhcs.isEmpty()) {
                boot = boot.withUhcs(uhcs);
            }
            b.bootstrap(boot);
            return b.build();
        } catch (ShoalException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        if (uploadSlots < 0 || uploadLimit < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--upload-slots and --upload-limit must not be negative");
        }
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535, got " + port);
        }
        if (new InetSocketAddress(bind, 0).isUnresolved()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bind: unknown address '" + bind + "'");
        }
        if (config != null && !Files.isRegularFile(config)) {
            throw new ShoalException("no config file " + config);
        }
        Folders.requireFolderOrNothing(spec, "--data", data);
        NodeConfig nodeConfig = buildConfig();
        PrintWriter out = spec.commandLine().getOut();
        for (Path share : nodeConfig.shares()) {
            if (!Files.exists(share)) {
                throw new ShoalException("shared folder does not exist: " + share);
            }
            if (!Files.isDirectory(share)) {
                throw new ShoalException("not a folder, cannot share it: " + share + " (--share takes folders)");
            }
        }
        NodeLogFile.attach(nodeConfig.dataDir());
        boolean portGiven = spec.commandLine().getParseResult().hasMatchedOption("--port");
        ShoalNode node = start(nodeConfig, portGiven, spec.commandLine().getErr());
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "shoal-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        RoleLines roles = new RoleLines(out);
        node.addListener(event -> {
            if (event instanceof NodeEvent.RoleChanged changed) {
                roles.changed(changed.role());
            } else if (event instanceof NodeEvent.BootstrapProgress p) {
                out.println(p.status().line());
                out.flush();
            } else if (event instanceof NodeEvent.LibraryChanged changed) {
                spec.commandLine().getErr().printf("sharing %s (%s)%n", Units.plural(changed.files(), "file"),
                        Units.bytes(changed.bytes()));
                spec.commandLine().getErr().flush();
            } else if (event instanceof NodeEvent.PrivateFilesLeftOut left && left.count() > 0) {
                spec.commandLine().getErr().println(LeftOutLine.of(left));
                spec.commandLine().getErr().flush();
            }
        });
        out.println("listening on " + HostPort.format(node.listenAddress()));
        if (node.bootstrapStatus().cachesAsked() > 0) {
            // Progress made before the listener above was added (it may come out twice).
            out.println(node.bootstrapStatus().line());
        }
        out.flush();
        roles.start(node.role());
        if (nodeConfig.shares().isEmpty()) {
            spec.commandLine().getErr().println("sharing nothing: --share DIR shares a folder");
            spec.commandLine().getErr().flush();
        }
        stopped.await();
        return 0;
    }

    /**
     * Starts the node; a port in use is the classic first stumble. On the default port or one from
     * the config file (a second Shoal on this machine) it takes a free port and says so; on a port
     * given with {@code --port}, it says what to do about it.
     */
    private static ShoalNode start(NodeConfig config, boolean portGiven, PrintWriter err) {
        try {
            return Shoal.start(config);
        } catch (ShoalException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                boolean inUse = t instanceof BindException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT)
                        .contains("in use");
                if (inUse && !portGiven) {
                    err.println("port " + config.listen().getPort() + " is in use (another Shoal?): taking a free "
                            + "port instead");
                    err.flush();
                    return Shoal.start(config.withListen(new InetSocketAddress(config.listen().getHostString(), 0)));
                }
                if (inUse) {
                    throw new ShoalException(e.getMessage() + " (is another Shoal running there? --port 0 picks a "
                            + "free port)", e);
                }
                if (t instanceof BindException) {
                    throw new ShoalException(e.getMessage() + " (--bind takes an address of this machine, such as "
                            + "127.0.0.1, or 0.0.0.0 for all of them)", e);
                }
            }
            throw e;
        }
    }
}
