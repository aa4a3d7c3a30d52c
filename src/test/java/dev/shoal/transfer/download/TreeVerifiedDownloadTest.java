package dev.shoal.transfer.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.ConfigViews;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.protocol.TigerRoot;
import dev.shoal.protocol.Urn;
import dev.shoal.thex.HashTree;
import dev.shoal.time.ExecutorScheduler;
import dev.shoal.transfer.TestFiles;
import dev.shoal.transfer.TestUploadServer;
import dev.shoal.transfer.upload.ServedFile;
import dev.shoal.transfer.upload.UploadSlots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads from real upload servers on loopback, checked chunk by chunk against the file's Tiger
 * tree: a source sending bad bytes is caught when its chunk arrives, not at the end, banned, and
 * its chunks are fetched again from the others.
 */
class TreeVerifiedDownloadTest {
    /** Six chunks of 256 KiB, each one node of the tree servents exchange for this size (depth 3). */
    private static final int SIZE = 1536 * 1024 - 12_345;
    private static final String NAME = "clip.avi";
    private static final SwarmConfig CONFIG = ConfigViews.swarm(NodeConfig.defaults(Path.of("unused")))
            .withChunkSize(256 * 1024)
            .withReadTimeout(Duration.ofSeconds(5))
            .withCheckpointInterval(Duration.ofMillis(50));

    @TempDir
    Path tmp;
    private byte[] data;
    private Urn urn;
    private HashTree tree;
    private final List<TestUploadServer> servers = new ArrayList<>();
    private final List<SwarmDownload> downloads = new ArrayList<>();
    /** Progress and bans in the order the download reported them. */
    private final List<String> story = new CopyOnWriteArrayList<>();
    private final List<DownloadProgress> progress = new CopyOnWriteArrayList<>();
    private final List<String> bans = new CopyOnWriteArrayList<>();
    /** The verified prefix and the chunks done before it, each time the download reported progress. */
    private final List<long[]> verifiedThenDone = new CopyOnWriteArrayList<>();
    private volatile SwarmDownload current;
    private final ExecutorScheduler systemTime = new ExecutorScheduler("tree-test-time");

    @BeforeEach
    void setUp() {
        data = TestFiles.random(SIZE, 42);
        urn = TestFiles.urnOf(data);
        tree = TestFiles.treeOf(data);
    }

    @AfterEach
    void tearDown() {
        downloads.forEach(SwarmDownload::cancel);
        servers.forEach(TestUploadServer::close);
        systemTime.close();
    }

    /** A source announcing the file with its true root, serving {@code content} at {@code bytesPerSecond}. */
    private TestUploadServer server(byte[] content, long bytesPerSecond, TigerRoot root) throws IOException {
        ServedFile f = TestFiles.share(tmp.resolve("share" + servers.size()), 7, NAME, content, urn, root);
        TestUploadServer s = TestUploadServer.serving(new UploadSlots(), bytesPerSecond, f);
        servers.add(s);
        return s;
    }

    private SwarmDownload download(TigerRoot given, Source... sources) {
        DownloadListener listener = new DownloadListener() {
            @Override
            public void onProgress(DownloadProgress p) {
                progress.add(p);
                story.add(p.state() + " " + p.bytesDone());
                SwarmDownload d = current;
                if (d != null) {
                    long verified = d.verifiedPrefix();
                    verifiedThenDone.add(new long[] {verified, d.chunkOwners().done().nextClearBit(0)});
                }
            }

            @Override
            public void onSourceBanned(Source source, String reason) {
                story.add("banned " + source);
                bans.add(source + ": " + reason);
            }
        };
        SwarmDownload d = new SwarmDownload(new DownloadRequest(urn, SIZE, NAME, List.of(sources), given),
                SwarmSetup.standalone(tmp.resolve("incomplete"), tmp.resolve("downloads"), CONFIG, systemTime),
                listener);
        downloads.add(d);
        current = d;
        d.start();
        return d;
    }

    private static byte[] corrupted(byte[] data) {
        byte[] bad = data.clone();
        for (int i = 0; i < bad.length; i += 4096) {
            bad[i] ^= 0x5A;
        }
        return bad;
    }

    @Test
    void aBadChunkIsCaughtAsItArrivesItsSenderBannedAndTheChunkFetchedAgainElsewhere() throws Exception {
        // The liar claims the true root and is the faster, so its chunks arrive long before the end.
        TestUploadServer liar = server(corrupted(data), 2_000_000, tree.root());
        TestUploadServer good = server(data, 1_000_000, tree.root());
        SwarmDownload d = download(null, liar.source(), good.source());

        Path file = d.result().get(60, TimeUnit.SECONDS);

        assertThat(Files.readAllBytes(file)).isEqualTo(data);
        assertThat(d.bannedSources()).containsExactly(liar.source());
        assertThat(bans).singleElement().asString().contains(liar.source().toString()).contains("Tiger tree");
        assertThat(liar.bytesSent()).isPositive();
        // Caught while downloading: the ban came before the end, with bytes still missing.
        int banned = story.indexOf("banned " + liar.source());
        assertThat(story.subList(0, banned)).noneMatch(e -> e.startsWith("VERIFYING") || e.startsWith("DONE"));
        assertThat(story.subList(banned, story.size())).anyMatch(e -> e.startsWith("DOWNLOADING"));
        // Every chunk on disk came from the honest source.
        ChunkOwners owners = d.chunkOwners();
        for (int i = 0; i < owners.chunks(); i++) {
            assertThat(owners.providerOf(i)).as("chunk %d", i).isEqualTo(good.source());
        }
        assertThat(d.verifiedPrefix()).isEqualTo(SIZE);
    }

    @Test
    void theVerifiedPrefixGrowsWhileDownloadingAndOnlyCoversCheckedBytes() throws Exception {
        TestUploadServer good = server(data, 1_000_000, tree.root());
        assertThat(tree.nodeBytes(tree.depth())).isEqualTo(CONFIG.chunkSize());
        SwarmDownload d = download(tree.root(), good.source());
        // With one source, chunks are checked as they come only for a preview.
        d.preferStart();
        assertThat(d.result().get(60, TimeUnit.SECONDS)).hasSameBinaryContentAs(tmp.resolve("share0/f7.bin"));
        List<Long> during = verifiedThenDone.stream().map(v -> v[0]).filter(v -> v > 0 && v < SIZE).toList();
        assertThat(during).as("verified prefixes seen while downloading").isNotEmpty().isSorted()
                .allMatch(v -> v % CONFIG.chunkSize() == 0);
        // Never ahead of the chunks on disk.
        assertThat(verifiedThenDone).allMatch(v -> v[0] <= Math.min(SIZE, v[1] * CONFIG.chunkSize()));
        assertThat(d.verifiedPrefix()).isEqualTo(SIZE);
    }

    @Test
    void withASingleSourceAndNoPreviewChunksAreLeftToTheSha1() throws Exception {
        // Nothing to fetch a bad chunk from instead: the Tiger work would only slow the download.
        TestUploadServer only = server(data, 1_000_000, tree.root());
        SwarmDownload d = download(tree.root(), only.source());
        assertThat(d.result().get(60, TimeUnit.SECONDS)).hasSameBinaryContentAs(tmp.resolve("share0/f7.bin"));
        assertThat(verifiedThenDone).hasSizeGreaterThan(2).allMatch(v -> v[0] == 0 || v[0] == SIZE);
    }

    @Test
    void withoutATrustedRootChunksWaitForTheSha1() throws Exception {
        // Two sources that disagree on the root: neither tree is used.
        TestUploadServer one = server(data, 0, tree.root());
        TestUploadServer other = server(data, 0, TestFiles.treeOf(new byte[10]).root());
        SwarmDownload d = download(null, one.source(), other.source());
        Path file = d.result().get(60, TimeUnit.SECONDS);
        assertThat(Files.readAllBytes(file)).isEqualTo(data);
        assertThat(progress).filteredOn(p -> p.state() == SwarmState.DOWNLOADING)
                .allMatch(p -> p.bytesDone() <= SIZE);
        assertThat(bans).isEmpty();
    }
}
