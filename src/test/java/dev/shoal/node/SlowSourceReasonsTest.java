package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadSource;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.SharedFileInfo;
import dev.shoal.node.api.Shoal;
import dev.shoal.node.api.ShoalNode;
import dev.shoal.node.api.SourceProgress;
import dev.shoal.node.api.SourceState;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why a download is slow, as its sources say it, with real servents on loopback: a host with one
 * upload slot, held by another downloader, puts us in its line and says where.
 */
class SlowSourceReasonsTest {
    @TempDir
    Path dir;
    private final List<ShoalNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(ShoalNode::close);
    }

    @Test
    void aSourceWhoseOnlySlotIsTakenSaysWeAreQueuedAndWhere() throws Exception {
        Path share = Files.createDirectories(dir.resolve("sharer-files"));
        Files.write(share.resolve("long field recording.wav"), new byte[1 << 20]);
        // One slot, and slow enough that the first downloader keeps it for the whole test.
        ShoalNode sharer = start("sharer", c -> c.shares(List.of(share)).uploadSlots(1)
                .uploadLimitBytesPerSecond(8 * 1024));
        sharer.libraryReady().get(20, TimeUnit.SECONDS);
        SharedFileInfo file = sharer.sharedFiles().get(0);
        DownloadSource source = new DownloadSource("127.0.0.1", sharer.listenAddress().getPort(), file.index(),
                file.name());

        ShoalNode first = start("first", c -> c);
        first.download(file.urn(), file.name(), file.size(), List.of(source));
        await().atMost(Duration.ofSeconds(20)).until(() -> !sharer.uploads().isEmpty());

        ShoalNode second = start("second", c -> c);
        Download waiting = second.download(file.urn(), file.name(), file.size(), List.of(source));
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting.info().perSource().stream()
                .anyMatch(p -> p.state() == SourceState.WAITING));

        SourceProgress p = waiting.info().perSource().get(0);
        assertThat(p.address()).isEqualTo("127.0.0.1:" + sharer.listenAddress().getPort());
        assertThat(p.busy()).isTrue();
        assertThat(p.queuePosition()).isEqualTo(1);
        assertThat(p.retryInSeconds()).isPositive();
        assertThat(p.why()).startsWith("queued at position 1, asked again in ");
    }

    private ShoalNode start(String name, java.util.function.UnaryOperator<NodeConfig.Builder> tweak) {
        Path home = dir.resolve(name);
        ShoalNode node = Shoal.start(tweak.apply(NodeConfig.defaults(home.resolve("data")).toBuilder()
                .listen(new InetSocketAddress("127.0.0.1", 0)).downloadsDir(home.resolve("downloads"))).build());
        nodes.add(node);
        return node;
    }
}
