package dev.shoal.node.api;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a servent is started with. Built from defaults, then a config file, then the command
 * line; passed into constructors and never read from statics. Change a copy with the
 * {@code with...} methods or {@link #toBuilder()}.
 *
 * @param listen address to accept connections on; port 0 picks a free port
 * @param shares folders shared recursively
 * @param dataDir where the index, host cache and partial downloads live
 * @param downloadsDir where verified downloads are moved
 * @param peers hosts to connect to at start-up
 * @param role leaf, ultrapeer, or auto (start as a leaf, become an ultrapeer once capable)
 * @param maxConnections as an ultrapeer, most links to other ultrapeers (announced as {@code X-Degree})
 * @param maxLeaves as an ultrapeer, most leaves held at once
 * @param leafUltrapeers as a leaf, the ultrapeers it keeps links to
 * @param maxTtl the largest TTL forwarded or originated; higher requests are clamped
 * @param maxPayload largest message payload accepted before the connection is closed
 * @param keepAlive silence after which a keep-alive ping is sent
 * @param idleTimeout silence after which a connection is closed
 * @param uploadSlots concurrent uploads served before answering busy
 * @param uploadLimitBytesPerSecond global upload cap, 0 for none
 * @param maxDownloadSources most sources one download fetches from at once
 * @param browseHost whether others may list everything we share (browse host); when off they get
 *     {@code 403}
 * @param tuning the numbers users rarely change, with their defaults
 * @param portMapping map our port on the home router (UPnP IGD) while running, once the user joined the
 *        public network (see {@link #mapsPort()}); off by default, since it makes the node reachable
 *        from the internet and looks for the router by multicast on the local network
 * @param bootstrap how the node finds hosts when it knows too few: caches it may ask
 */
public record NodeConfig(
        InetSocketAddress listen,
        List<Path> shares,
        Path dataDir,
        Path downloadsDir,
        List<InetSocketAddress> peers,
        Role role,
        int maxConnections,
        int maxLeaves,
        int leafUltrapeers,
        int maxTtl,
        int maxPayload,
        Duration keepAlive,
        Duration idleTimeout,
        int uploadSlots,
        long uploadLimitBytesPerSecond,
        int maxDownloadSources,
        boolean browseHost,
        Tuning tuning,
        boolean portMapping,
        Bootstrap bootstrap) {

    public static final int DEFAULT_PORT = 6346;
    /** The default bind address: every IPv4 interface, as a servent others must reach. */
    public static final String ALL_INTERFACES = "0.0.0.0";

    public NodeConfig {
        shares = List.copyOf(shares);
        peers = List.copyOf(peers);
        if (role == null) {
            throw new ShoalException("a role is required");
        }
        if (listen != null && listen.getAddress() instanceof Inet6Address) {
            // Hits, pongs and pushes carry a 4-byte address: a node on IPv6 alone could answer nobody.
            throw new ShoalException("cannot listen on " + listen.getHostString() + ": Shoal listens on IPv4"
                    + " (Gnutella 0.6 messages carry IPv4 addresses); bind 127.0.0.1, an IPv4 address of this"
                    + " machine, or " + ALL_INTERFACES + " for all of them");
        }
        if (maxConnections < 1) {
            throw new ShoalException("max connections must be at least 1, got " + maxConnections);
        }
        if (maxLeaves < 0) {
            throw new ShoalException("max leaves must not be negative, got " + maxLeaves);
        }
        if (leafUltrapeers < 1) {
            throw new ShoalException("a leaf needs at least 1 ultrapeer, got " + leafUltrapeers);
        }
        if (maxTtl < 1 || maxTtl > 15) {
            throw new ShoalException("max TTL must be 1..15, got " + maxTtl);
        }
        if (uploadSlots < 0) {
            throw new ShoalException("upload slots must not be negative, got " + uploadSlots);
        }
        if (uploadLimitBytesPerSecond < 0) {
            throw new ShoalException("upload limit must not be negative");
        }
        if (maxDownloadSources < 1) {
            throw new ShoalException("a download needs at least 1 source at a time, got " + maxDownloadSources);
        }
        if (tuning == null || bootstrap == null) {
            throw new ShoalException("tuning and bootstrap settings are required");
        }
    }

    /**
     * Defaults of a real servent: every interface, port 6346 (tests, the demo and benchmarks bind
     * 127.0.0.1 themselves); finished downloads go to the user's visible
     * {@link UserFolders#downloads() Downloads folder}; bootstrapping on, but towards the public
     * network only once the user joins it ({@link Bootstrap#defaults()}). The largest payload is
     * 64 KiB - 1: LimeWire and gtk-gnutella both treat a longer length field as a broken stream.
     * Others may browse our shared files, as every servent allows by default.
     * An ultrapeer keeps 32 ultrapeer links and 30 leaves, a leaf 3 ultrapeers (LimeWire's numbers).
     */
    public static NodeConfig defaults(Path dataDir) {
        return new NodeConfig(new InetSocketAddress(ALL_INTERFACES, DEFAULT_PORT), List.of(), dataDir,
                UserFolders.current().downloads(), List.of(), Role.ULTRAPEER, 32, 30, 3, 4, 65_535,
                Duration.ofSeconds(20), Duration.ofSeconds(180), 4, 0, 8, true, Tuning.defaults(), false,
                Bootstrap.defaults());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public NodeConfig withListen(InetSocketAddress address) {
        return toBuilder().listen(address).build();
    }

    public NodeConfig withShares(List<Path> folders) {
        return toBuilder().shares(folders).build();
    }

    public NodeConfig withDownloadsDir(Path folder) {
        return toBuilder().downloadsDir(folder).build();
    }

    public NodeConfig withPeers(List<InetSocketAddress> hosts) {
        return toBuilder().peers(hosts).build();
    }

    public NodeConfig withRole(Role r) {
        return toBuilder().role(r).build();
    }

    public NodeConfig withMaxConnections(int max) {
        return toBuilder().maxConnections(max).build();
    }

    public NodeConfig withMaxTtl(int ttl) {
        return toBuilder().maxTtl(ttl).build();
    }

    public NodeConfig withMaxPayload(int bytes) {
        return toBuilder().maxPayload(bytes).build();
    }

    public NodeConfig withTimeouts(Duration ping, Duration idle) {
        return toBuilder().keepAlive(ping).idleTimeout(idle).build();
    }

    public NodeConfig withUploads(int slots, long limitBytesPerSecond) {
        return toBuilder().uploadSlots(slots).uploadLimitBytesPerSecond(limitBytesPerSecond).build();
    }

    public NodeConfig withMaxDownloadSources(int n) {
        return toBuilder().maxDownloadSources(n).build();
    }

    public NodeConfig withBrowseHost(boolean allowed) {
        return toBuilder().browseHost(allowed).build();
    }

    public NodeConfig withTuning(Tuning t) {
        return toBuilder().tuning(t).build();
    }

    /**
     * Whether the node maps its port on the home router: only when port mapping is on and the user
     * joined the public network. A node kept to the hosts its user typed has no reason to open the
     * router to the internet.
     */
    public boolean mapsPort() {
        return portMapping && bootstrap.joinPublic();
    }

    public NodeConfig withPortMapping(boolean on) {
        return toBuilder().portMapping(on).build();
    }

    public NodeConfig withBootstrap(Bootstrap b) {
        return toBuilder().bootstrap(b).build();
    }

    /**
     * How a node that knows too few hosts finds more: its host cache first, then UDP host caches
     * (a ping asking for hosts), then GWebCaches (HTTP). Only caches the user named are asked, or,
     * once the user joined the public network, the built-in public ones ({@link #PUBLIC_UHCS},
     * {@link #PUBLIC_GWEBCACHES}); caches the user names replace the built-in lists.
     *
     * @param enabled     false: never ask any cache (peers given by the user are still dialled)
     * @param joinPublic  the user chose to join the public Gnutella network
     * @param gwebcaches  GWebCache URLs the user gave ({@code --gwebcache})
     * @param uhcs        UDP host caches the user gave ({@code --uhc}); names are looked up when used
     */
    public record Bootstrap(boolean enabled, boolean joinPublic, List<URI> gwebcaches,
            List<InetSocketAddress> uhcs) {
        /** The UDP host caches gtk-gnutella and Shareaza ship (host names, looked up only when used). */
        public static final List<InetSocketAddress> PUBLIC_UHCS = List.of(
                InetSocketAddress.createUnresolved("useast.gnutella.dyslexicfish.net", 3558),
                InetSocketAddress.createUnresolved("uswest.gnutella.dyslexicfish.net", 3558),
                InetSocketAddress.createUnresolved("uk.gnutella.dyslexicfish.net", 3558),
                InetSocketAddress.createUnresolved("au.gnutella.dyslexicfish.net", 3558),
                InetSocketAddress.createUnresolved("1.uhc.gtk-gnutella.nl", 19104),
                InetSocketAddress.createUnresolved("2.uhc.gtk-gnutella.nl", 4876));
        /** GWebCaches listed by Shareaza for Gnutella, asked after the UDP host caches. */
        public static final List<URI> PUBLIC_GWEBCACHES = List.of(
                URI.create("http://bj.ddns.net/beacon/gwc.php"),
                URI.create("http://gweb3.4octets.co.uk/gwc.php"),
                URI.create("http://midian.jayl.de/g2/bazooka.php"));

        public Bootstrap {
            gwebcaches = List.copyOf(gwebcaches);
            uhcs = List.copyOf(uhcs);
            for (URI u : gwebcaches) {
                String scheme = u.getScheme() == null ? "" : u.getScheme();
                if (!(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || u.getHost() == null) {
                    throw new ShoalException("a GWebCache is an http:// or https:// URL, not '" + u + "'");
                }
            }
        }

        /** On, not joined to the public network, no caches of the user's: nothing is asked. */
        public static Bootstrap defaults() {
            return new Bootstrap(true, false, List.of(), List.of());
        }

        public Bootstrap withEnabled(boolean on) {
            return new Bootstrap(on, joinPublic, gwebcaches, uhcs);
        }

        public Bootstrap withJoinPublic(boolean join) {
            return new Bootstrap(enabled, join, gwebcaches, uhcs);
        }

        public Bootstrap withGWebCaches(List<URI> urls) {
            return new Bootstrap(enabled, joinPublic, urls, uhcs);
        }

        public Bootstrap withUhcs(List<InetSocketAddress> caches) {
            return new Bootstrap(enabled, joinPublic, gwebcaches, caches);
        }
    }

    /**
     * Limits and timeouts of the network and of downloads that only tests and experts change. The
     * network layer and the downloader see them through views built in {@code node}. Change a copy
     * with {@link #toBuilder()}.
     *
     * @param handshakeTimeout   time allowed from accept or connect to the end of the handshake
     * @param sendQueueBytes     per-link bound of queued outgoing frames
     * @param hostCacheSize      addresses kept in the host cache
     * @param deflate            offer and use compression on Gnutella links
     * @param chunkSize          bytes per download chunk: the unit of scheduling, verification and resume
     * @param connectTimeout     TCP connect timeout towards a download source
     * @param pushTimeout        wait for a firewalled source's GIV after sending it a Push
     * @param readTimeout        a source silent this long is stalled and its chunk requeued
     * @param maxFailures        consecutive failures (connect, I/O, timeout) before a source is dropped
     * @param maxBusyRetries     503 answers tolerated from one source before it is dropped
     * @param maxRetryAfter      upper bound on how long a 503's Retry-After makes a download wait
     * @param checkpointInterval how often completed chunks are made durable in the state file
     * @param maxKnownSources    sources kept per download, including those learnt from X-Alt
     * @param queryLifetime      how long a search waits for hits before it says it found none (hits that
     *                           come later are still delivered until the search is closed); hits from a
     *                           few hops away arrive within seconds, and the CLI's search timeout is as long
     * @param outgoingUltrapeers as an ultrapeer, links to other ultrapeers it dials from its host cache
     *                           (0: it dials nobody by itself)
     * @param promotionUptime    in {@link Role#AUTO}, how long a leaf runs before it may become an ultrapeer
     * @param promotionRate      in {@link Role#AUTO}, bytes per second the node must have moved in one
     *                           direction during one second to be fast enough for an ultrapeer
     * @param dynamicQuerying    an ultrapeer runs its own and its leaves' queries step by step; when false
     *                           it floods them with the TTL they came with
     * @param dynamicQueryTarget results after which a dynamic query by keywords stops
     * @param linkBudgets        hold each link to its message and byte budgets (see
     *                           {@code protocol-spec/hardening.md}); off only for benchmarks that measure
     *                           how fast the router goes, never on a node that talks to strangers
     * @param addressShares      hold each address to its share of links and slots and ban one that connects
     *                           too often; off only for networks of nodes side by side on one address
     *                           (tests and benchmarks on 127.0.0.1), never on a node that talks to strangers
     * @param handshakingSockets accepted sockets, from all addresses together, that may be in their handshake (or
     *                           sending their first HTTP head) at once; more are refused as they come. Only a
     *                           node meant to hold thousands of peers (the capacity bench) needs more
     * @param searchInterval     least time between two of the user's searches by keywords (network etiquette,
     *                           whatever the client); zero only for test networks whose virtual time stands still
     * @param upnpGateway        with port mapping on, the router's UPnP description URL; null: find the
     *                           router by SSDP discovery (the tests name a fake router on 127.0.0.1, so
     *                           nothing is multicast)
     * @param outOfBand          whether our searches ask for their hits by UDP (see {@link OutOfBand});
     *                           answering such queries by UDP needs no setting
     */
    public record Tuning(Duration handshakeTimeout, int sendQueueBytes, int hostCacheSize, boolean deflate,
            int chunkSize, Duration connectTimeout, Duration pushTimeout, Duration readTimeout, int maxFailures,
            int maxBusyRetries, Duration maxRetryAfter, Duration checkpointInterval, int maxKnownSources,
            Duration queryLifetime, int outgoingUltrapeers, Duration promotionUptime, long promotionRate,
            boolean dynamicQuerying, int dynamicQueryTarget, boolean linkBudgets,
            boolean addressShares, int handshakingSockets, Duration searchInterval, URI upnpGateway,
            OutOfBand outOfBand) {

        /**
         * When our searches ask for out-of-band hits (flag 0x0400, our UDP address in the GUID):
         * {@code AUTO} while we are not firewalled (a connection from outside reached our port, so
         * its UDP twin most likely takes datagrams too) or once a UDP connect-back proved that
         * datagrams reach us, {@code ON} always (a node known to be
         * reachable, and tests on loopback), {@code OFF} never.
         */
        public enum OutOfBand { AUTO, ON, OFF }

        public static final Duration DEFAULT_QUERY_LIFETIME = Duration.ofSeconds(10);

        public Tuning {
            if (outOfBand == null) {
                throw new ShoalException("say when searches ask for hits by UDP: AUTO, ON or OFF");
            }
            if (searchInterval == null || searchInterval.isNegative()) {
                throw new ShoalException("the interval between searches must not be negative, got " + searchInterval);
            }
            if (queryLifetime == null || queryLifetime.isNegative() || queryLifetime.isZero()) {
                throw new ShoalException("a search needs a positive lifetime, got " + queryLifetime);
            }
            if (handshakingSockets < 1) {
                throw new ShoalException("at least one socket must be allowed its handshake, got " + handshakingSockets);
            }
            if (outgoingUltrapeers < 0 || promotionRate < 0 || dynamicQueryTarget < 1 || promotionUptime == null
                    || promotionUptime.isNegative()) {
                throw new ShoalException("two-tier settings out of range: outgoing " + outgoingUltrapeers
                        + ", promotion after " + promotionUptime + " at " + promotionRate + " B/s, target "
                        + dynamicQueryTarget);
            }
        }

        /**
         * An ultrapeer dials 4 ultrapeers itself (the rest come to it). {@link Role#AUTO} promotes a
         * leaf after an hour up and a second of 10 KiB/s (LimeWire asks 2 hours and 10 KB/s up or 20
         * down). Dynamic queries stop at 150 results (see {@code protocol-spec/dynamic-querying.md}).
         * One search by keywords every 3 s. At most 512 sockets in their handshake at once.
         */
        public static Tuning defaults() {
            return new Tuning(Duration.ofSeconds(10), 128 * 1024, 1024, true,
                    512 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30), 3,
                    10, Duration.ofMinutes(10), Duration.ofSeconds(1), 100, DEFAULT_QUERY_LIFETIME,
                    4, Duration.ofHours(1), 10 * 1024, true, 150, true, true, 512, Duration.ofSeconds(3), null,
                    OutOfBand.AUTO);
        }

        public Builder toBuilder() {
            return new Builder(this);
        }

        public Tuning withChunkSize(int bytes) {
            return toBuilder().chunkSize(bytes).build();
        }

        public Tuning withHandshakeTimeout(Duration d) {
            return toBuilder().handshakeTimeout(d).build();
        }

        public Tuning withQueryLifetime(Duration d) {
            return toBuilder().queryLifetime(d).build();
        }

        public Tuning withLinkBudgets(boolean on) {
            return toBuilder().linkBudgets(on).build();
        }

        public Tuning withUpnpGateway(URI description) {
            return toBuilder().upnpGateway(description).build();
        }

        /** A mutable copy of a tuning; {@link #build()} validates. */
        public static final class Builder {
            private Duration handshakeTimeout;
            private int sendQueueBytes;
            private int hostCacheSize;
            private boolean deflate;
            private int chunkSize;
            private Duration connectTimeout;
            private Duration pushTimeout;
            private Duration readTimeout;
            private int maxFailures;
            private int maxBusyRetries;
            private Duration maxRetryAfter;
            private Duration checkpointInterval;
            private int maxKnownSources;
            private Duration queryLifetime;
            private int outgoingUltrapeers;
            private Duration promotionUptime;
            private long promotionRate;
            private boolean dynamicQuerying;
            private int dynamicQueryTarget;
            private boolean linkBudgets;
            private boolean addressShares;
            private int handshakingSockets;
            private Duration searchInterval;
            private URI upnpGateway;
            private OutOfBand outOfBand;

            private Builder(Tuning t) {
                handshakeTimeout = t.handshakeTimeout;
                sendQueueBytes = t.sendQueueBytes;
                hostCacheSize = t.hostCacheSize;
                deflate = t.deflate;
                chunkSize = t.chunkSize;
                connectTimeout = t.connectTimeout;
                pushTimeout = t.pushTimeout;
                readTimeout = t.readTimeout;
                maxFailures = t.maxFailures;
                maxBusyRetries = t.maxBusyRetries;
                maxRetryAfter = t.maxRetryAfter;
                checkpointInterval = t.checkpointInterval;
                maxKnownSources = t.maxKnownSources;
                queryLifetime = t.queryLifetime;
                outgoingUltrapeers = t.outgoingUltrapeers;
                promotionUptime = t.promotionUptime;
                promotionRate = t.promotionRate;
                dynamicQuerying = t.dynamicQuerying;
                dynamicQueryTarget = t.dynamicQueryTarget;
                linkBudgets = t.linkBudgets;
                addressShares = t.addressShares;
                handshakingSockets = t.handshakingSockets;
                searchInterval = t.searchInterval;
                upnpGateway = t.upnpGateway;
                outOfBand = t.outOfBand;
            }

            public Builder handshakeTimeout(Duration v) {
                handshakeTimeout = v;
                return this;
            }

            public Builder chunkSize(int v) {
                chunkSize = v;
                return this;
            }

            public Builder queryLifetime(Duration v) {
                queryLifetime = v;
                return this;
            }

            public Builder outgoingUltrapeers(int v) {
                outgoingUltrapeers = v;
                return this;
            }

            public Builder promotion(Duration uptime, long bytesPerSecond) {
                promotionUptime = uptime;
                promotionRate = bytesPerSecond;
                return this;
            }

            public Builder dynamicQuerying(boolean on, int target) {
                dynamicQuerying = on;
                dynamicQueryTarget = target;
                return this;
            }

            public Builder linkBudgets(boolean on) {
                linkBudgets = on;
                return this;
            }

            public Builder addressShares(boolean on) {
                addressShares = on;
                return this;
            }

            public Builder handshakingSockets(int v) {
                handshakingSockets = v;
                return this;
            }

            public Builder searchInterval(Duration v) {
                searchInterval = v;
                return this;
            }

            public Builder outOfBand(OutOfBand v) {
                outOfBand = v;
                return this;
            }

            public Builder upnpGateway(URI v) {
                upnpGateway = v;
                return this;
            }

            public Tuning build() {
                return new Tuning(handshakeTimeout, sendQueueBytes, hostCacheSize, deflate, chunkSize, connectTimeout,
                        pushTimeout, readTimeout, maxFailures, maxBusyRetries, maxRetryAfter, checkpointInterval,
                        maxKnownSources, queryLifetime, outgoingUltrapeers, promotionUptime, promotionRate,
                        dynamicQuerying, dynamicQueryTarget, linkBudgets,
                        addressShares, handshakingSockets, searchInterval, upnpGateway, outOfBand);
            }
        }
    }

    /** A mutable copy of a config; {@link #build()} validates. */
    public static final class Builder {
        private InetSocketAddress listen;
        private List<Path> shares;
        private Path dataDir;
        private Path downloadsDir;
        private List<InetSocketAddress> peers;
        private Role role;
        private int maxConnections;
        private int maxLeaves;
        private int leafUltrapeers;
        private int maxTtl;
        private int maxPayload;
        private Duration keepAlive;
        private Duration idleTimeout;
        private int uploadSlots;
        private long uploadLimitBytesPerSecond;
        private int maxDownloadSources;
        private boolean browseHost;
        private Tuning tuning;
        private boolean portMapping;
        private Bootstrap bootstrap;

        private Builder(NodeConfig c) {
            listen = c.listen;
            shares = c.shares;
            dataDir = c.dataDir;
            downloadsDir = c.downloadsDir;
            peers = c.peers;
            role = c.role;
            maxConnections = c.maxConnections;
            maxLeaves = c.maxLeaves;
            leafUltrapeers = c.leafUltrapeers;
            maxTtl = c.maxTtl;
            maxPayload = c.maxPayload;
            keepAlive = c.keepAlive;
            idleTimeout = c.idleTimeout;
            uploadSlots = c.uploadSlots;
            uploadLimitBytesPerSecond = c.uploadLimitBytesPerSecond;
            maxDownloadSources = c.maxDownloadSources;
            browseHost = c.browseHost;
            tuning = c.tuning;
            portMapping = c.portMapping;
            bootstrap = c.bootstrap;
        }

        public Builder listen(InetSocketAddress v) {
            listen = v;
            return this;
        }

        public Builder shares(List<Path> v) {
            shares = v;
            return this;
        }

        public Builder downloadsDir(Path v) {
            downloadsDir = v;
            return this;
        }

        public Builder peers(List<InetSocketAddress> v) {
            peers = v;
            return this;
        }

        public Builder role(Role v) {
            role = v;
            return this;
        }

        public Builder maxLeaves(int v) {
            maxLeaves = v;
            return this;
        }

        public Builder leafUltrapeers(int v) {
            leafUltrapeers = v;
            return this;
        }

        public Builder maxConnections(int v) {
            maxConnections = v;
            return this;
        }

        public Builder maxTtl(int v) {
            maxTtl = v;
            return this;
        }

        public Builder maxPayload(int v) {
            maxPayload = v;
            return this;
        }

        public Builder keepAlive(Duration v) {
            keepAlive = v;
            return this;
        }

        public Builder idleTimeout(Duration v) {
            idleTimeout = v;
            return this;
        }

        public Builder uploadSlots(int v) {
            uploadSlots = v;
            return this;
        }

        public Builder uploadLimitBytesPerSecond(long v) {
            uploadLimitBytesPerSecond = v;
            return this;
        }

        public Builder maxDownloadSources(int v) {
            maxDownloadSources = v;
            return this;
        }

        public Builder browseHost(boolean v) {
            browseHost = v;
            return this;
        }

        public Builder tuning(Tuning v) {
            tuning = v;
            return this;
        }

        public Builder portMapping(boolean v) {
            portMapping = v;
            return this;
        }

        public Builder bootstrap(Bootstrap v) {
            bootstrap = v;
            return this;
        }

        public NodeConfig build() {
            return new NodeConfig(listen, shares, dataDir, downloadsDir, peers, role, maxConnections, maxLeaves,
                    leafUltrapeers, maxTtl,
                    maxPayload, keepAlive, idleTimeout, uploadSlots, uploadLimitBytesPerSecond, maxDownloadSources,
                    browseHost, tuning, portMapping, bootstrap);
        }
    }
}
