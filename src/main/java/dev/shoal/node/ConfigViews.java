package dev.shoal.node;

import dev.shoal.net.InboundBudget;
import dev.shoal.net.NetConfig;
import dev.shoal.net.PeerLimits;
import dev.shoal.node.api.BuildInfo;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.protocol.handshake.NodeRole;
import dev.shoal.transfer.download.SwarmConfig;

/**
 * What the network layer and the downloader see of a {@link NodeConfig}. The node config owns
 * every default; these views only pick and derive, so no number is written twice.
 */
public final class ConfigViews {
    /** Outgoing ultrapeer links an ultrapeer keeps by dialling its host cache. */
    static final int ULTRAPEER_OUTGOING_TARGET = 4;

    private ConfigViews() {
    }

    public static NetConfig net(NodeConfig c) {
        NodeConfig.Tuning t = c.tuning();
        // An ultrapeer gives half its links to leaves; a leaf dials nobody by itself.
        int maxLeaves = c.maxConnections() / 2;
        PeerLimits limits = PeerLimits.defaults(c.maxConnections(), maxLeaves);
        if (!t.linkBudgets()) {
            limits = limits.withBudgets(InboundBudget.Limits.unlimited());
        }
        return new NetConfig(c.listen(), c.maxConnections(), maxLeaves, c.maxPayload(), c.keepAlive(),
                c.idleTimeout(), t.handshakeTimeout(), t.sendQueueBytes(), BuildInfo.userAgent(),
                c.ultrapeer() ? NodeRole.ULTRAPEER : NodeRole.LEAF, c.dataDir(), t.deflate(),
                c.ultrapeer() ? ULTRAPEER_OUTGOING_TARGET : 0, t.hostCacheSize(), c.maxTtl(), limits);
    }

    public static SwarmConfig swarm(NodeConfig c) {
        NodeConfig.Tuning t = c.tuning();
        return new SwarmConfig(c.maxDownloadSources(), t.chunkSize(), t.connectTimeout(), t.pushTimeout(),
                t.readTimeout(), t.maxFailures(), t.maxBusyRetries(), t.maxRetryAfter(), t.checkpointInterval(),
                t.maxKnownSources(), BuildInfo.userAgent());
    }
}
