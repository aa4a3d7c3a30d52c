package dev.shoal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeConfigFile;
import dev.shoal.node.api.SharedFileInfo;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import dev.shoal.ui.NeedsDisplay;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shoal 'magnet:?...'} as a browser or the desktop runs it for a clicked link: the app opens
 * and downloads the file; clicked while the app runs, the new launch hands the link to it and ends.
 */
@Tag("gui")
@NeedsDisplay
class MagnetLaunchTest {
    @TempDir
    Path tmp;

    @Test
    void theAppOpensWithALinkAndASecondLaunchHandsItsLinkOver() throws Exception {
        Path share = Files.createDirectories(tmp.resolve("share"));
        Files.writeString(share.resolve("harbour.txt"), "the harbour at dawn");
        Files.writeString(share.resolve("lighthouse.txt"), "the lighthouse at dusk");
        Path home = tmp.resolve("home");
        // The app's own settings: a free port on loopback, as every test binds.
        Path data = home.resolve(".shoal");
        Files.createDirectories(data);
        Path downloads = home.resolve("Downloads").resolve("Shoal");
        NodeConfigFile.write(data.resolve(NodeConfigFile.SETTINGS_FILE), NodeConfig.defaults(data)
                .withListen(new InetSocketAddress("127.0.0.1", 0)).withDownloadsDir(downloads));
        Map<String, String> env = Map.of("HOME", home.toString());

        try (ShoalNode sharer = Shoal.start(NodeConfig.defaults(tmp.resolve("sharer"))
                .withListen(new InetSocketAddress("127.0.0.1", 0)).withShares(List.of(share)))) {
            sharer.libraryReady().get(30, TimeUnit.SECONDS);
            String harbour = link(sharer, "harbour.txt");
            String lighthouse = link(sharer, "lighthouse.txt");

            try (ShoalProcess app = ShoalProcess.start(null, env, tmp.resolve("app.log"), harbour)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(downloads.resolve("harbour.txt")));
                assertThat(Files.readString(downloads.resolve("harbour.txt"))).isEqualTo("the harbour at dawn");

                try (ShoalProcess second = ShoalProcess.start(null, env, tmp.resolve("second.log"), lighthouse)) {
                    assertThat(second.awaitExit(Duration.ofSeconds(60))).isZero();
                    assertThat(second.stdout()).containsExactly(
                            "Shoal is already running: it downloads the magnet link (see its Transfers tab)");
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(downloads.resolve("lighthouse.txt")));
                assertThat(Files.readString(downloads.resolve("lighthouse.txt"))).isEqualTo("the lighthouse at dusk");
            }
        }
    }

    private static String link(ShoalNode node, String name) {
        SharedFileInfo f = node.sharedFiles().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        return node.magnetLink(f.urn(), f.name(), f.size());
    }
}
