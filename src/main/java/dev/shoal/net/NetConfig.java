package dev.shoal.net;

import dev.shoal.protocol.handshake.NodeRole;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the network layer is told from outside. Immutable; start from
 * {@link #defaults(Path)} and change fields with the {@code with...} methods.
 *
 * @param listenAddress     where to accept Gnutella and HTTP connections (port 0: any free port)
 * @param maxConnections    Gnutella links of all kinds, incoming and outgoing
 * @param maxLeaves         of those, how many may be leaves when we are an ultrapeer
 * @param maxPayload        largest payload accepted; a longer length field closes the link
 * @param keepAliveInterval silence after which we send a TTL-1 ping
 * @param idleTimeout       silence after which we say Bye 405 and close
 * @param handshakeTimeout  time allowed from accept/connect to the end of the handshake
 * @param sendQueueBytes    per-link bound of queued outgoing frames
 * @param userAgent         our {@code User-Agent}
 * @param role              ultrapeer or leaf
 * @param dataDir           where {@code hosts.txt} lives
 * @param deflate           offer and use compression on Gnutella links
 * @param outgoingTarget    outgoing links to keep by dialling the host cache (0: never dial by itself)
 * @param hostCacheSize     addresses kept in the host cache
 * @param maxTtl            the largest query TTL we accept, announced as {@code X-Max-TTL}
 */
public record NetConfig(InetSocketAddress listenAddress, int maxConnections, int maxLeaves, int maxPayload,
        Duration keepAliveInterval, Duration idleTimeout, Duration handshakeTimeout, int sendQueueBytes,
        String userAgent, NodeRole role, Path dataDir, boolean deflate, int outgoingTarget, int hostCacheSize,
        int maxTtl) {
    public static final int DEFAULT_PORT = 6346;
    public static final String DEFAULT_USER_AGENT = "Shoal/0.1.0";
    /** §2.1: LimeWire and gtk-gnutella both treat a length of 64 KiB or more as a broken stream. */
    public static final int DEFAULT_MAX_PAYLOAD = 65_535;

    public NetConfig {
        if (listenAddress == null || role == null || dataDir == null) {
            throw new IllegalArgumentException("listen address, role and data dir are required");
        }
        if (maxConnections < 1 || maxLeaves < 0 || maxPayload < 1 || sendQueueBytes < 1 || hostCacheSize < 1
                || outgoingTarget < 0 || maxTtl < 1 || maxTtl > 15) {
            throw new IllegalArgumentException("limits must be positive");
        }
        for (Duration d : new Duration[] {keepAliveInterval, idleTimeout, handshakeTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("a user agent is required");
        }
    }

    public static NetConfig defaults(Path dataDir) {
        return new NetConfig(new InetSocketAddress(DEFAULT_PORT), 32, 16, DEFAULT_MAX_PAYLOAD,
                Duration.ofSeconds(20), Duration.ofSeconds(180), Duration.ofSeconds(10), 128 * 1024,
                DEFAULT_USER_AGENT, NodeRole.ULTRAPEER, dataDir, true, 4, 1024, 4);
    }

    public NetConfig withListenAddress(InetSocketAddress a) {
        return new NetConfig(a, maxConnections, maxLeaves, maxPayload, keepAliveInterval, idleTimeout,
                handshakeTimeout, sendQueueBytes, userAgent, role, dataDir, deflate, outgoingTarget, hostCacheSize, maxTtl);
    }

    public NetConfig withMaxConnections(int max, int leaves) {
        return new NetConfig(listenAddress, max, leaves, maxPayload, keepAliveInterval, idleTimeout,
                handshakeTimeout, sendQueueBytes, userAgent, role, dataDir, deflate, outgoingTarget, hostCacheSize, maxTtl);
    }

    public NetConfig withMaxPayload(int max) {
        return new NetConfig(listenAddress, maxConnections, maxLeaves, max, keepAliveInterval, idleTimeout,
                handshakeTimeout, sendQueueBytes, userAgent, role, dataDir, deflate, outgoingTarget, hostCacheSize, maxTtl);
    }

    public NetConfig withTimeouts(Duration keepAlive, Duration idle, Duration handshake) {
        return new NetConfig(listenAddress, maxConnections, maxLeaves, maxPayload, keepAlive, idle,
                handshake, sendQueueBytes, userAgent, role, dataDir, deflate, outgoingTarget, hostCacheSize, maxTtl);
    }

    public NetConfig withSendQueueBytes(int bytes) {
        return new NetConfig(listenAddress, maxConnections, maxLeaves, maxPayload, keepAliveInterval, idleTimeout,
                handshakeTimeout, bytes, userAgent, role, dataDir, deflate, outgoingTarget, hostCacheSize, maxTtl);
    }

    public NetConfig withUserAgent(String ua) {
        return new NetConfig(listenAddress, maxConnections, maxLeaves, maxPayload, keepAliveInterval, idleTimeout,
                handshakeTimeout, sendQueueBytes, ua, role, dataDir, deflate, outgoingTarget, hostCacheSize, maxTtl);
    }

    public NetConfig withRole(NodeRole r) {
        return new NetConfig(listenAddress, maxConnections, maxLeaves, maxPayload, keepAliveInterval, idleTimeout,
                handshakeTimeout, sendQueueBytes, userAgent, r, dataDir, deflate, outgoingTarget, hostCacheSize, maxTtl);
    }

    public NetConfig withDeflate(boolean on) {
        return new NetConfig(listenAddress, maxConnections, maxLeaves, maxPayload, keepAliveInterval, idleTimeout,
                handshakeTimeout, sendQueueBytes, userAgent, role, dataDir, on, outgoingTarget, hostCacheSize, maxTtl);
    }

    public NetConfig withOutgoingTarget(int target) {
        return new NetConfig(listenAddress, maxConnections, maxLeaves, maxPayload, keepAliveInterval, idleTimeout,
                handshakeTimeout, sendQueueBytes, userAgent, role, dataDir, deflate, target, hostCacheSize, maxTtl);
    }

    public NetConfig withHostCacheSize(int size) {
        return new NetConfig(listenAddress, maxConnections, maxLeaves, maxPayload, keepAliveInterval, idleTimeout,
                handshakeTimeout, sendQueueBytes, userAgent, role, dataDir, deflate, outgoingTarget, size, maxTtl);
    }

    public NetConfig withMaxTtl(int ttl) {
        return new NetConfig(listenAddress, maxConnections, maxLeaves, maxPayload, keepAliveInterval, idleTimeout,
                handshakeTimeout, sendQueueBytes, userAgent, role, dataDir, deflate, outgoingTarget, hostCacheSize, ttl);
    }
}
