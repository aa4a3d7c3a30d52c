package dev.shoal.node;

import dev.shoal.transfer.AltLocs;
import dev.shoal.transfer.download.DownloadListener;
import dev.shoal.transfer.download.DownloadRequest;
import dev.shoal.transfer.download.PushRequester;
import dev.shoal.transfer.download.SwarmConfig;
import dev.shoal.transfer.download.SwarmDownload;
import java.nio.file.Path;

/**
 * What every download of a node shares: where parts and finished files go, the swarm tuning, the
 * alternate-location mesh and the way Pushes are sent.
 */
record SwarmSetup(Path incompleteDir, Path downloadsDir, SwarmConfig config, AltLocs mesh, PushRequester pusher) {
    SwarmDownload newSwarm(DownloadRequest request, DownloadListener listener) {
        return new SwarmDownload(request, incompleteDir, downloadsDir, config, mesh, pusher, listener);
    }
}
