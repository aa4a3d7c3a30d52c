package dev.shoal.node;

import dev.shoal.net.InboundBudget;
import dev.shoal.net.NetConfig;
import dev.shoal.net.PeerLimits;
import dev.shoal.node.api.BuildInfo;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.protocol.handshake.NodeRole;
import dev.shoal.transfer.download.SwarmConfig;

/**
 * What the network layer and the downloader see of a {@link NodeConfig}. The node config owns
 * every default; these views only pick and derive, so no number is written twice.
 */
public final class ConfigViews {
    private ConfigViews() {
    }

    public static NetConfig net(NodeConfig c) {
        NodeConfig.Tuning t = c.tuning();
        PeerLimits limits = PeerLimits.defaults(c.maxConnections(), c.maxLeaves())
                .withSocketsTotal(t.handshakingSockets());
        if (!t.linkBudgets()) {
            limits = limits.withBudgets(InboundBudget.Limits.unlimited());
        }
        if (!t.addressShares()) {
            limits = limits.oneAddressForAll();
        }
        return new NetConfig(c.listen(), c.maxConnections(), c.maxLeaves(), c.leafUltrapeers(), c.maxPayload(),
                c.keepAlive(), c.idleTimeout(), t.handshakeTimeout(), t.sendQueueBytes(), BuildInfo.userAgent(),
                startingRole(c.role()), c.dataDir(), t.deflate(), t.outgoingUltrapeers(), t.hostCacheSize(),
                c.maxTtl(), limits);
    }

    /** {@link Role#AUTO} starts as a leaf: a node becomes an ultrapeer only once it is capable. */
    public static NodeRole startingRole(Role role) {
        return role == Role.ULTRAPEER ? NodeRole.ULTRAPEER : NodeRole.LEAF;
    }

    public static SwarmConfig swarm(NodeConfig c) {
        NodeConfig.Tuning t = c.tuning();
        return new SwarmConfig(c.maxDownloadSources(), t.chunkSize(), t.connectTimeout(), t.pushTimeout(),
                t.readTimeout(), t.maxFailures(), t.maxBusyRetries(), t.maxRetryAfter(), t.checkpointInterval(),
                t.maxKnownSources(), BuildInfo.userAgent());
    }
}
