package dev.shoal.node.api;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a servent is started with. Built from defaults, then a config file, then the command
 * line; passed into constructors and never read from statics.
 *
 * @param listen address to accept connections on; port 0 picks a free port
 * @param shares folders shared recursively
 * @param dataDir where the index, host cache and downloads live
 * @param peers hosts to connect to at start-up
 * @param ultrapeer whether this node routes queries for others (a short-lived searcher is a leaf)
 * @param maxConnections most Gnutella connections held at once
 * @param maxTtl the largest TTL forwarded or originated; higher requests are clamped
 * @param maxPayload largest message payload accepted before the connection is closed
 * @param keepAlive silence after which a keep-alive ping is sent
 * @param idleTimeout silence after which a connection is closed
 * @param uploadSlots concurrent uploads served before answering busy
 * @param uploadLimitBytesPerSecond global upload cap, 0 for none
 */
public record NodeConfig(
        InetSocketAddress listen,
        List<Path> shares,
        Path dataDir,
        List<InetSocketAddress> peers,
        boolean ultrapeer,
        int maxConnections,
        int maxTtl,
        int maxPayload,
        Duration keepAlive,
        Duration idleTimeout,
        int uploadSlots,
        long uploadLimitBytesPerSecond) {

    public static final int DEFAULT_PORT = 6346;

    public NodeConfig {
        shares = List.copyOf(shares);
        peers = List.copyOf(peers);
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max connections must be at least 1, got " + maxConnections);
        }
        if (maxTtl < 1 || maxTtl > 15) {
            throw new IllegalArgumentException("max TTL must be 1..15, got " + maxTtl);
        }
        if (uploadSlots < 0) {
            throw new IllegalArgumentException("upload slots must not be negative, got " + uploadSlots);
        }
        if (uploadLimitBytesPerSecond < 0) {
            throw new IllegalArgumentException("upload limit must not be negative");
        }
    }

    /** Defaults: loopback only, so nothing is exposed until the user says so. */
    public static NodeConfig defaults(Path dataDir) {
        return new NodeConfig(new InetSocketAddress("127.0.0.1", DEFAULT_PORT), List.of(), dataDir, List.of(),
                true, 32, 4, 65_535, Duration.ofSeconds(20), Duration.ofSeconds(180), 4, 0);
    }

    public NodeConfig withListen(InetSocketAddress address) {
        return new NodeConfig(address, shares, dataDir, peers, ultrapeer, maxConnections, maxTtl, maxPayload,
                keepAlive, idleTimeout, uploadSlots, uploadLimitBytesPerSecond);
    }

    public NodeConfig withShares(List<Path> folders) {
        return new NodeConfig(listen, folders, dataDir, peers, ultrapeer, maxConnections, maxTtl, maxPayload,
                keepAlive, idleTimeout, uploadSlots, uploadLimitBytesPerSecond);
    }

    public NodeConfig withPeers(List<InetSocketAddress> hosts) {
        return new NodeConfig(listen, shares, dataDir, hosts, ultrapeer, maxConnections, maxTtl, maxPayload,
                keepAlive, idleTimeout, uploadSlots, uploadLimitBytesPerSecond);
    }

    public NodeConfig withUltrapeer(boolean up) {
        return new NodeConfig(listen, shares, dataDir, peers, up, maxConnections, maxTtl, maxPayload,
                keepAlive, idleTimeout, uploadSlots, uploadLimitBytesPerSecond);
    }

    public NodeConfig withMaxConnections(int max) {
        return new NodeConfig(listen, shares, dataDir, peers, ultrapeer, max, maxTtl, maxPayload,
                keepAlive, idleTimeout, uploadSlots, uploadLimitBytesPerSecond);
    }

    public NodeConfig withMaxTtl(int ttl) {
        return new NodeConfig(listen, shares, dataDir, peers, ultrapeer, maxConnections, ttl, maxPayload,
                keepAlive, idleTimeout, uploadSlots, uploadLimitBytesPerSecond);
    }

    public NodeConfig withMaxPayload(int bytes) {
        return new NodeConfig(listen, shares, dataDir, peers, ultrapeer, maxConnections, maxTtl, bytes,
                keepAlive, idleTimeout, uploadSlots, uploadLimitBytesPerSecond);
    }

    public NodeConfig withTimeouts(Duration ping, Duration idle) {
        return new NodeConfig(listen, shares, dataDir, peers, ultrapeer, maxConnections, maxTtl, maxPayload,
                ping, idle, uploadSlots, uploadLimitBytesPerSecond);
    }

    public NodeConfig withUploads(int slots, long limitBytesPerSecond) {
        return new NodeConfig(listen, shares, dataDir, peers, ultrapeer, maxConnections, maxTtl, maxPayload,
                keepAlive, idleTimeout, slots, limitBytesPerSecond);
    }
}
