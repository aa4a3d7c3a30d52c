package dev.shoal.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigFileTest {
    @TempDir
    Path temp;

    @Test
    void writtenSettingsReadBackTheSame() {
        NodeConfig c = NodeConfig.defaults(temp.resolve("data"))
                .withListen(new InetSocketAddress("127.0.0.1", 7000))
                .withShares(List.of(temp.resolve("a b"), temp.resolve("c")))
                .withDownloadsDir(temp.resolve("dl"))
                .withPeers(List.of(new InetSocketAddress("127.0.0.1", 7001)))
                .withMaxConnections(12).withMaxTtl(3).withUploads(2, 64 * 1024)
                .toBuilder().role(Role.AUTO).maxLeaves(7).leafUltrapeers(2).browseHost(false).build();
        Path file = temp.resolve("data").resolve(NodeConfigFile.SETTINGS_FILE);

        NodeConfigFile.write(file, c);
        NodeConfig back = NodeConfigFile.read(file, NodeConfig.defaults(temp.resolve("data")));

        assertThat(back).isEqualTo(c);
    }

    /** Regression: an IPv6 peer was written without brackets, and the file then failed to read. */
    @Test
    void ipv6PeersAndHostCachesAreWrittenInBracketsAndReadBack() throws Exception {
        NodeConfig c = NodeConfig.defaults(temp.resolve("data"))
                .withListen(new InetSocketAddress("127.0.0.1", 7000))
                .withPeers(List.of(new InetSocketAddress("::1", 7001), new InetSocketAddress("127.0.0.1", 7002)));
        c = c.withBootstrap(c.bootstrap().withUhcs(List.of(new InetSocketAddress("::1", 7003))));
        Path file = temp.resolve("data").resolve(NodeConfigFile.SETTINGS_FILE);

        NodeConfigFile.write(file, c);

        // Properties files escape ':' as '\:'.
        assertThat(Files.readString(file)).containsPattern("peer=\\[[0-9a-f\\\\:]+]\\\\:7001,127.0.0.1\\\\:7002")
                .containsPattern("uhc=\\[[0-9a-f\\\\:]+]\\\\:7003");
        NodeConfig back = NodeConfigFile.read(file, NodeConfig.defaults(temp.resolve("data")));
        assertThat(back.peers()).isEqualTo(c.peers());
        InetSocketAddress uhc = back.bootstrap().uhcs().get(0);
        assertThat(new InetSocketAddress(uhc.getHostString(), uhc.getPort())).isEqualTo(new InetSocketAddress("::1", 7003));
        assertThat(back.listen()).isEqualTo(c.listen());
    }

    @Test
    void anIpv6BindAddressInTheFileIsRefusedWithTheReason() throws Exception {
        Path file = Files.writeString(temp.resolve("c.properties"), "bind=::1\n");

        assertThatThrownBy(() -> NodeConfigFile.read(file, NodeConfig.defaults(temp))).isInstanceOf(ShoalException.class)
                .hasMessageContaining("Shoal listens on IPv4");
    }

    @Test
    void missingKeysKeepTheBaseValues() throws Exception {
        Path file = Files.writeString(temp.resolve("c.properties"), "max-ttl=2\n");
        NodeConfig base = NodeConfig.defaults(temp);

        assertThat(NodeConfigFile.read(file, base)).isEqualTo(base.withMaxTtl(2));
    }

    @Test
    void browseHostIsOnByDefaultAndTheFileTurnsItOff() throws Exception {
        NodeConfig base = NodeConfig.defaults(temp);
        assertThat(base.browseHost()).isTrue();
        Path off = Files.writeString(temp.resolve("off.properties"), "browse-host = off\n");
        assertThat(NodeConfigFile.read(off, base).browseHost()).isFalse();
        Path bad = Files.writeString(temp.resolve("bad.properties"), "browse-host=maybe\n");
        assertThatThrownBy(() -> NodeConfigFile.read(bad, base)).isInstanceOf(ShoalException.class)
                .hasMessage("config key 'browse-host' needs true or false, got 'maybe'");
    }

    @Test
    void badValuesNameTheirKey() throws Exception {
        Path file = Files.writeString(temp.resolve("c.properties"), "port=sixty\n");
        assertThatThrownBy(() -> NodeConfigFile.read(file, NodeConfig.defaults(temp)))
                .isInstanceOf(ShoalException.class).hasMessageContaining("'port'");
        Path ttl = Files.writeString(temp.resolve("t.properties"), "max-ttl=99\n");
        assertThatThrownBy(() -> NodeConfigFile.read(ttl, NodeConfig.defaults(temp)))
                .isInstanceOf(ShoalException.class).hasMessageContaining("max TTL");
        Path role = Files.writeString(temp.resolve("r.properties"), "role=boss\n");
        assertThatThrownBy(() -> NodeConfigFile.read(role, NodeConfig.defaults(temp)))
                .isInstanceOf(ShoalException.class).hasMessageContaining("auto, leaf or ultrapeer");
    }

    @Test
    void theSampleConfigsParse() {
        NodeConfig b = NodeConfigFile.read(Path.of("samples/configs/node-b.properties"), NodeConfig.defaults(temp));
        assertThat(b.listen().getPort()).isEqualTo(16347);
        assertThat(b.shares()).hasSize(3);
        assertThat(b.peers()).containsExactly(new InetSocketAddress("127.0.0.1", 16346));
        assertThat(b.uploadLimitBytesPerSecond()).isEqualTo(2048 * 1024);
        assertThat(b.role()).isEqualTo(Role.ULTRAPEER);
        assertThat(b.maxLeaves()).isEqualTo(30);
        NodeConfig a = NodeConfigFile.read(Path.of("samples/configs/node-a.properties"), NodeConfig.defaults(temp));
        assertThat(a.shares()).allSatisfy(p -> assertThat(Files.isDirectory(p)).isTrue());
    }
}
