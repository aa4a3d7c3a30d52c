package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.library.FileHasher;
import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadSource;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.protocol.Urn;
import dev.shoal.transfer.download.PartFiles;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: closing a node that was downloading returned before the download had recorded the
 * chunks it held, so a process that exited right after (shoal get stopped by SIGTERM) resumed
 * from further back than it had reported. Once close returns, the part file's state holds at
 * least what the download reported.
 */
class CloseKeepsProgressTest {
    private static final int SIZE = 4 * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    @TempDir
    Path temp;
    private final List<ServentNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(ServentNode::close);
    }

    @Test
    void whatADownloadReportedBeforeCloseIsRecordedWhenCloseReturns() throws Exception {
        byte[] content = new byte[SIZE];
        new Random(17).nextBytes(content);
        String urn = FileHasher.hash(content).toString();
        Path share = Files.createDirectories(temp.resolve("share"));
        Files.write(share.resolve("payload.bin"), content);
        ServentNode holder = start(node("holder").withShares(List.of(share)).withUploads(4, 512 * 1024));
        holder.libraryReady().get(20, TimeUnit.SECONDS);

        ServentNode first = start(node("you"));
        Download d = first.download(urn, "payload.bin", SIZE,
                List.of(new DownloadSource("127.0.0.1", holder.listenAddress().getPort(), -1, "payload.bin")));
        await().atMost(Duration.ofSeconds(30)).until(() -> d.info().bytesDone() >= SIZE / 4);
        long reported = d.info().bytesDone();
        first.close();

        assertThat(PartFiles.bytesRecorded(temp.resolve("you").resolve("incomplete"), Urn.parse(urn), SIZE, CHUNK))
                .isGreaterThanOrEqualTo(reported);
    }

    private NodeConfig node(String name) {
        return NodeConfig.defaults(temp.resolve(name))
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withDownloadsDir(temp.resolve(name + "-downloads"))
                .withTuning(NodeConfig.Tuning.defaults().withChunkSize(CHUNK));
    }

    private ServentNode start(NodeConfig config) {
        ServentNode node = ServentNode.start(config);
        nodes.add(node);
        return node;
    }
}
