package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.protocol.HostPort;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path data;

    @Test
    void savedSettingsAreReadBackOnTheNextStart() {
        NodeConfig base = NodeConfig.defaults(data).withListen(new InetSocketAddress("127.0.0.1", 0));
        SettingsStore first = SettingsStore.load(base);
        assertThat(first.saved()).isEqualTo(base);
        NodeConfig wanted = base.toBuilder().listen(new InetSocketAddress("127.0.0.1", 16346))
                .shares(List.of(data.resolve("music"))).downloadsDir(data.resolve("dl")).maxConnections(12)
                .role(Role.AUTO)
                .uploadSlots(2).uploadLimitBytesPerSecond(64 * 1024).build();
        first.save(wanted);

        NodeConfig again = SettingsStore.load(base).saved();
        assertThat(again.listen().getPort()).isEqualTo(16346);
        assertThat(again.shares()).containsExactly(data.resolve("music"));
        assertThat(again.downloadsDir()).isEqualTo(data.resolve("dl"));
        assertThat(again.maxConnections()).isEqualTo(12);
        assertThat(again.role()).isEqualTo(Role.AUTO);
        assertThat(again.uploadSlots()).isEqualTo(2);
        assertThat(again.uploadLimitBytesPerSecond()).isEqualTo(64 * 1024);
    }

    /**
     * The desktop app is a leaf until its user picks another role; {@code shoal node} stays an
     * ultrapeer by default. The app used to write the leaf default inline, so a test of it had to
     * copy it (GuiHarness does) and could not tell.
     */
    @Test
    void theAppRunsAsALeafUntilItsUserPicksAnotherRole() {
        assertThat(NodeConfig.defaults(data).role()).as("the command line's default").isEqualTo(Role.ULTRAPEER);
        SettingsStore fresh = SettingsStore.forApp(data);
        assertThat(fresh.saved().role()).isEqualTo(Role.LEAF);
        assertThat(fresh.saved().dataDir()).isEqualTo(data);

        fresh.save(fresh.saved().withRole(Role.AUTO));
        assertThat(SettingsStore.forApp(data).saved().role()).isEqualTo(Role.AUTO);
    }

    @Test
    void onlySharedFoldersApplyWithoutARestart() {
        NodeConfig running = NodeConfig.defaults(data);
        NodeConfig wanted = running.toBuilder().shares(List.of(data.resolve("x"))).build();
        assertThat(SettingsChange.needingRestart(running, wanted)).isEmpty();
        assertThat(SettingsChange.sharesChanged(running, wanted)).isTrue();
        NodeConfig more = wanted.toBuilder().listen(new InetSocketAddress("127.0.0.1", 7000)).uploadSlots(9)
                .uploadLimitBytesPerSecond(1024).maxConnections(3).downloadsDir(data.resolve("elsewhere"))
                .role(Role.LEAF).build();
        assertThat(SettingsChange.needingRestart(running, more)).containsExactly("port", "downloads folder",
                "role", "max connections", "upload slots", "bandwidth limit");
    }

    @Test
    void thePublicNetworkBootstrapAndPortMappingWaitForARestart() {
        NodeConfig running = NodeConfig.defaults(data);
        NodeConfig joined = running.withBootstrap(running.bootstrap().withJoinPublic(true));
        assertThat(SettingsChange.needingRestart(running, joined)).containsExactly("public network");
        assertThat(SettingsChange.needingRestart(running, running.withBootstrap(running.bootstrap().withEnabled(false))))
                .containsExactly("bootstrap");
        // Mapping on without the public network maps nothing, so nothing waits for a restart.
        assertThat(SettingsChange.needingRestart(running, running.withPortMapping(true))).isEmpty();
        assertThat(SettingsChange.needingRestart(joined, joined.withPortMapping(true))).containsExactly("port mapping");
    }

    @Test
    void thePublicNetworkBootstrapAndPortMappingAreSavedAndReadBack() {
        NodeConfig base = NodeConfig.defaults(data);
        NodeConfig wanted = base.withPortMapping(true)
                .withBootstrap(base.bootstrap().withJoinPublic(true).withEnabled(false));
        SettingsStore.load(base).save(wanted);
        NodeConfig again = SettingsStore.load(base).saved();
        assertThat(again.bootstrap().joinPublic()).isTrue();
        assertThat(again.bootstrap().enabled()).isFalse();
        assertThat(again.mapsPort()).isTrue();
    }

    @Test
    void themeChoiceIsRemembered() {
        UiPrefs prefs = UiPrefs.load(data);
        assertThat(prefs.theme()).isEqualTo(Theme.SYSTEM);
        prefs.setTheme(Theme.DARK);
        prefs.save();
        assertThat(UiPrefs.load(data).theme()).isEqualTo(Theme.DARK);
        assertThat(Theme.parse("nonsense")).isEqualTo(Theme.SYSTEM);
        assertThat(Theme.SYSTEM.dark(true)).isTrue();
        assertThat(Theme.LIGHT.dark(true)).isFalse();
    }

    @Test
    void hostAndPortAreCheckedWithoutDns() {
        assertThat(HostPort.parse(" 127.0.0.1:6346 ")).isEqualTo(new HostPort("127.0.0.1", 6346));
        assertThat(HostPort.parse("[::1]:7000")).isEqualTo(new HostPort("::1", 7000));
        assertThat(HostPort.parse("[::1]:7000").toString()).isEqualTo("[::1]:7000");
        assertThatThrownBy(() -> HostPort.parse("localhost")).hasMessageContaining("host and port");
        assertThatThrownBy(() -> HostPort.parse("h:x")).hasMessageContaining("not a port");
        assertThatThrownBy(() -> HostPort.parse("h:70000")).hasMessageContaining("1 to 65535");
    }

    @Test
    void peersToJoinAreHostsAndPortsSeparatedByCommasOrSpaces() {
        assertThat(SettingsDialog.parsePeers(" 127.0.0.1:6346, [::1]:7000  example.org:6347 "))
                .extracting(a -> a.getHostString() + ":" + a.getPort())
                .containsExactly("127.0.0.1:6346", "::1:7000", "example.org:6347");
        assertThat(SettingsDialog.parsePeers(" ")).isEmpty();
        assertThatThrownBy(() -> SettingsDialog.parsePeers("127.0.0.1:6346, nonsense"))
                .hasMessageContaining("host and port");
    }

    @Test
    void aDownloadsFolderMustBeAFullPathToAFolderShoalMayWrite() throws Exception {
        Path file = java.nio.file.Files.writeString(data.resolve("notes.txt"), "x");
        assertThat(SettingsDialog.downloadsProblem(data.resolve("new/sub").toString())).isNull();
        assertThat(SettingsDialog.downloadsProblem(data.toString())).isNull();
        assertThat(SettingsDialog.downloadsProblem(file.toString())).contains("is a file");
        assertThat(SettingsDialog.downloadsProblem("Downloads")).startsWith("Type the downloads folder as a full path");
    }

    @Test
    void onlyAnExistingReadableFolderCanBeShared() throws Exception {
        Path file = java.nio.file.Files.writeString(data.resolve("song.wav"), "x");
        assertThat(FolderList.problem(data)).isNull();
        assertThat(FolderList.problem(file)).contains("is a file, not a folder");
        assertThat(FolderList.problem(data.resolve("missing"))).contains("there is no such folder");
    }
}
