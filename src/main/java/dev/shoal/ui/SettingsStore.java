package dev.shoal.ui;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeConfigFile;
import dev.shoal.node.api.Role;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The node settings the user chose, kept in {@code <data>/settings.properties} across restarts.
 * What is saved may differ from what the running node uses until the next start.
 */
final class SettingsStore {
    private final Path file;
    private volatile NodeConfig saved;

    private SettingsStore(Path file, NodeConfig saved) {
        this.file = file;
        this.saved = saved;
    }

    /** Reads the settings file of {@code base.dataDir()} over {@code base}; a missing file keeps the base. */
    static SettingsStore load(NodeConfig base) {
        Path file = base.dataDir().resolve(NodeConfigFile.SETTINGS_FILE);
        NodeConfig c = Files.isRegularFile(file) ? NodeConfigFile.read(file, base) : base;
        return new SettingsStore(file, c);
    }

    /** The desktop app's settings in {@code dataDir}: a leaf unless the user chose another role. */
    static SettingsStore forApp(Path dataDir) {
        return load(NodeConfig.defaults(dataDir).withRole(Role.LEAF));
    }

    /** For a node whose config came from elsewhere (the demo, tests): starts from what it runs with. */
    static SettingsStore of(NodeConfig running) {
        return new SettingsStore(running.dataDir().resolve(NodeConfigFile.SETTINGS_FILE), running);
    }

    NodeConfig saved() {
        return saved;
    }

    /** Whether the settings file holds {@code key}: the user answered what it stands for. */
    boolean has(String key) {
        return Files.isRegularFile(file) && NodeConfigFile.has(file, key);
    }

    Path file() {
        return file;
    }

    /** Writes the file; does disk I/O, so call it off the EDT. */
    synchronized void save(NodeConfig config) {
        NodeConfigFile.write(file, config);
        saved = config;
    }
}
