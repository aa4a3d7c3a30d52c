package dev.shoal.ui;

import dev.shoal.node.api.NodeConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Which edited settings the running node cannot take on: only the shared folders, browse host and
 * new peers change live; the rest (the public network, bootstrapping and port mapping too) is read
 * once when the node starts.
 */
final class SettingsChange {
    private SettingsChange() {
    }

    static List<String> needingRestart(NodeConfig running, NodeConfig wanted) {
        List<String> names = new ArrayList<>();
        if (running.listen().getPort() != wanted.listen().getPort()) {
            names.add("port");
        }
        if (!running.downloadsDir().toAbsolutePath().equals(wanted.downloadsDir().toAbsolutePath())) {
            names.add("downloads folder");
        }
        if (running.role() != wanted.role()) {
            names.add("role");
        }
        if (running.maxConnections() != wanted.maxConnections()) {
            names.add("max connections");
        }
        if (running.uploadSlots() != wanted.uploadSlots()) {
            names.add("upload slots");
        }
        if (running.uploadLimitBytesPerSecond() != wanted.uploadLimitBytesPerSecond()) {
            names.add("bandwidth limit");
        }
        if (running.bootstrap().joinPublic() != wanted.bootstrap().joinPublic()) {
            names.add("public network");
        }
        if (running.bootstrap().enabled() != wanted.bootstrap().enabled()) {
            names.add("bootstrap");
        }
        if (running.mapsPort() != wanted.mapsPort()) {
            names.add("port mapping");
        }
        return names;
    }

    static boolean sharesChanged(NodeConfig running, NodeConfig wanted) {
        return !running.shares().equals(wanted.shares());
    }
}
