package dev.shoal.ui;

import dev.shoal.node.api.BootstrapStatus;
import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.NodeStats;
import dev.shoal.node.api.PeerInfo;
import dev.shoal.node.api.Reach;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Traffic;
import dev.shoal.node.api.UdpTraffic;
import dev.shoal.node.api.UploadInfo;
import java.time.Instant;
import java.util.List;

/** What the node looked like at one instant, gathered off the EDT once a second. */
record NodeSnapshot(Instant at, long nanos, List<PeerInfo> peers, Traffic traffic, long uploadRate,
        long downloadRate, List<DownloadInfo> downloads, List<UploadInfo> uploads, NodeStats stats, Role role,
        Reach reach, BootstrapStatus bootstrap, UdpTraffic udp) {
}
