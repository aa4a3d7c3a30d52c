package dev.shoal.net;

import dev.shoal.protocol.handshake.NodeRole;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the network layer is told from outside: a view of the node's one config root
 * ({@code node.api.NodeConfig}, which owns every default), built by {@code node.ConfigViews}.
 * Immutable; tests change fields with the {@code with...} methods.
 *
 * @param listenAddress     where to accept Gnutella and HTTP connections (port 0: any free port)
 * @param maxConnections    as an ultrapeer, links to other ultrapeers (our {@code X-Degree})
 * @param maxLeaves         as an ultrapeer, leaves on top of those
 * @param leafUltrapeers    as a leaf, the ultrapeers we keep links to (dialled from the host cache)
 * @param maxPayload        largest payload accepted; a longer length field closes the link
 * @param keepAliveInterval silence after which we send a TTL-1 ping
 * @param idleTimeout       silence after which we say Bye 405 and close
 * @param handshakeTimeout  time allowed from accept/connect to the end of the handshake
 * @param sendQueueBytes    per-link bound of queued outgoing frames
 * @param userAgent         our {@code User-Agent}
 * @param role              ultrapeer or leaf at start ({@link LinkRoles} holds it from then on)
 * @param dataDir           where {@code hosts.txt} lives
 * @param deflate           offer and use compression on Gnutella links
 * @param outgoingTarget    as an ultrapeer, outgoing links to keep by dialling the host cache (0: never
 *                          dial by itself)
 * @param hostCacheSize     addresses kept in the host cache
 * @param maxTtl            the largest query TTL we accept, announced as {@code X-Max-TTL}
 * @param peerLimits        what any one peer may take: budgets, per-address shares, bans, deadlines
 */
public record NetConfig(InetSocketAddress listenAddress, int maxConnections, int maxLeaves, int leafUltrapeers,
        int maxPayload,
        Duration keepAliveInterval, Duration idleTimeout, Duration handshakeTimeout, int sendQueueBytes,
        String userAgent, NodeRole role, Path dataDir, boolean deflate, int outgoingTarget, int hostCacheSize,
        int maxTtl, PeerLimits peerLimits) {
    public NetConfig {
        if (listenAddress == null || role == null || dataDir == null || peerLimits == null) {
            throw new IllegalArgumentException("listen address, role, data dir and peer limits are required");
        }
        if (maxConnections < 1 || maxLeaves < 0 || leafUltrapeers < 1
                || maxPayload < 1 || sendQueueBytes < 1 || hostCacheSize < 1
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

    public NetConfig withListenAddress(InetSocketAddress a) {
        return toBuilder().listenAddress(a).build();
    }

    public NetConfig withMaxConnections(int max, int leaves) {
        return toBuilder().maxConnections(max).maxLeaves(leaves).build();
    }

    public NetConfig withMaxPayload(int max) {
        return toBuilder().maxPayload(max).build();
    }

    public NetConfig withTimeouts(Duration keepAlive, Duration idle, Duration handshake) {
        return toBuilder().keepAliveInterval(keepAlive).idleTimeout(idle).handshakeTimeout(handshake).build();
    }

    public NetConfig withSendQueueBytes(int bytes) {
        return toBuilder().sendQueueBytes(bytes).build();
    }

    public NetConfig withUserAgent(String ua) {
        return toBuilder().userAgent(ua).build();
    }

    public NetConfig withRole(NodeRole r) {
        return toBuilder().role(r).build();
    }

    public NetConfig withDeflate(boolean on) {
        return toBuilder().deflate(on).build();
    }

    public NetConfig withOutgoingTarget(int target) {
        return toBuilder().outgoingTarget(target).build();
    }

    public NetConfig withHostCacheSize(int size) {
        return toBuilder().hostCacheSize(size).build();
    }

    public NetConfig withMaxTtl(int ttl) {
        return toBuilder().maxTtl(ttl).build();
    }

    public NetConfig withPeerLimits(PeerLimits limits) {
        return toBuilder().peerLimits(limits).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy of a config; {@link #build()} validates. */
    public static final class Builder {
        private InetSocketAddress listenAddress;
        private int maxConnections;
        private int maxLeaves;
        private int leafUltrapeers;
        private int maxPayload;
        private Duration keepAliveInterval;
        private Duration idleTimeout;
        private Duration handshakeTimeout;
        private int sendQueueBytes;
        private String userAgent;
        private NodeRole role;
        private Path dataDir;
        private boolean deflate;
        private int outgoingTarget;
        private int hostCacheSize;
        private int maxTtl;
        private PeerLimits peerLimits;

        private Builder(NetConfig c) {
            listenAddress = c.listenAddress;
            maxConnections = c.maxConnections;
            maxLeaves = c.maxLeaves;
            leafUltrapeers = c.leafUltrapeers;
            maxPayload = c.maxPayload;
            keepAliveInterval = c.keepAliveInterval;
            idleTimeout = c.idleTimeout;
            handshakeTimeout = c.handshakeTimeout;
            sendQueueBytes = c.sendQueueBytes;
            userAgent = c.userAgent;
            role = c.role;
            dataDir = c.dataDir;
            deflate = c.deflate;
            outgoingTarget = c.outgoingTarget;
            hostCacheSize = c.hostCacheSize;
            maxTtl = c.maxTtl;
            peerLimits = c.peerLimits;
        }

        public Builder listenAddress(InetSocketAddress v) {
            listenAddress = v;
            return this;
        }

        public Builder maxConnections(int v) {
            maxConnections = v;
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

        public Builder maxPayload(int v) {
            maxPayload = v;
            return this;
        }

        public Builder keepAliveInterval(Duration v) {
            keepAliveInterval = v;
            return this;
        }

        public Builder idleTimeout(Duration v) {
            idleTimeout = v;
            return this;
        }

        public Builder handshakeTimeout(Duration v) {
            handshakeTimeout = v;
            return this;
        }

        public Builder sendQueueBytes(int v) {
            sendQueueBytes = v;
            return this;
        }

        public Builder userAgent(String v) {
            userAgent = v;
            return this;
        }

        public Builder role(NodeRole v) {
            role = v;
            return this;
        }

        public Builder dataDir(Path v) {
            dataDir = v;
            return this;
        }

        public Builder deflate(boolean v) {
            deflate = v;
            return this;
        }

        public Builder outgoingTarget(int v) {
            outgoingTarget = v;
            return this;
        }

        public Builder hostCacheSize(int v) {
            hostCacheSize = v;
            return this;
        }

        public Builder maxTtl(int v) {
            maxTtl = v;
            return this;
        }

        public Builder peerLimits(PeerLimits v) {
            peerLimits = v;
            return this;
        }

        public NetConfig build() {
            return new NetConfig(listenAddress, maxConnections, maxLeaves, leafUltrapeers, maxPayload,
                    keepAliveInterval, idleTimeout, handshakeTimeout, sendQueueBytes, userAgent, role, dataDir, deflate,
                    outgoingTarget, hostCacheSize, maxTtl, peerLimits);
        }
    }
}
