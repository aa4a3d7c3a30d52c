package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shoal.library.FileHasher;
import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadSource;
import dev.shoal.node.api.DownloadState;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.ShoalException;
import dev.shoal.node.api.UploadInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Downloads between real servents: found by hash query, fetched over HTTP on the Gnutella port. */
class TransferNetworkTest {
    private static final int SIZE = 3 * 1024 * 1024 + 12_345;

    /** Bytes a second each holder sends: the 3 MiB file takes a source alone 3 s. */
    private static final long HOLDER_LIMIT = 1024 * 1024;

    @TempDir
    Path temp;
    private final List<ServentNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(ServentNode::close);
    }

    private ServentNode node(String name, boolean ultrapeer, byte[] content) throws Exception {
        return node(name, ultrapeer, content, 0);
    }

    private ServentNode node(String name, boolean ultrapeer, byte[] content, long uploadLimit) throws Exception {
        Path share = Files.createDirectories(temp.resolve(name).resolve("share"));
        if (content != null) {
            Files.write(share.resolve("random payload.bin"), content);
        }
        ServentNode node = ServentNode.start(NodeConfig.defaults(temp.resolve(name).resolve("data"))
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withShares(List.of(share))
                .withRole(ultrapeer ? Role.ULTRAPEER : Role.LEAF)
                .withDownloadsDir(temp.resolve(name).resolve("downloads"))
                .withUploads(4, uploadLimit)
                // The hash query floods, so it reaches every holder at once: dynamic querying would
                // probe three of them and the fourth seconds later, after this download is done.
                .withTuning(NodeConfig.Tuning.defaults().toBuilder().dynamicQuerying(false, 150).build()));
        nodes.add(node);
        node.libraryReady().get(20, TimeUnit.SECONDS);
        return node;
    }

    private static byte[] randomBytes(long seed) {
        byte[] b = new byte[SIZE];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest(name = "{0} source(s)")
    @ValueSource(ints = {1, 2, 4})
    void aFileFoundByItsUrnIsFetchedFromEverySourceAndVerified(int sources) throws Exception {
        byte[] content = randomBytes(42);
        String urn = FileHasher.hash(content).toString();
        ServentNode hub = node("hub", true, null);
        List<ServentNode> holders = new ArrayList<>();
        for (int i = 0; i < sources; i++) {
            // Capped, so that one source cannot send the whole file before the others' hits are in
            // (hits by UDP come a round trip later than by TCP, and then only one source sent data).
            ServentNode holder = node("holder" + i, true, content, HOLDER_LIMIT);
            holder.connect(hub.listenAddress()).get(10, TimeUnit.SECONDS);
            holders.add(holder);
        }
        ServentNode downloader = node("downloader", false, null);
        downloader.connect(hub.listenAddress()).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.peers().size() == sources + 1);

        Download download = downloader.fetch(urn, 3);
        Path file = download.completion().get(60, TimeUnit.SECONDS);

        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(file.getParent()).isEqualTo(temp.resolve("downloader").resolve("downloads"));
        DownloadInfo info = download.info();
        assertThat(info.state()).isEqualTo(DownloadState.DONE);
        assertThat(info.knownSources()).isEqualTo(sources);
        // A source counts what it sent once its write completes, which the downloader can see after
        // it has read the last byte (it failed once in CI, one chunk short of the size).
        await().atMost(Duration.ofSeconds(30)).until(() -> served(holders) >= SIZE);
        long served = served(holders);
        int holdersThatServed = 0;
        for (ServentNode h : holders) {
            holdersThatServed += h.uploads().stream().mapToLong(UploadInfo::bytesSent).sum() > 0 ? 1 : 0;
        }
        // End-game duplicates the last chunks across idle sources; on loopback a losing duplicate is
        // often fully written before it is abandoned, so allow up to half the file twice.
        assertThat(served).isBetween((long) SIZE, (long) (SIZE * 1.5));
        assertThat(holdersThatServed).as("sources that sent data").isGreaterThan(sources == 1 ? 0 : 1);
        assertThat(Files.list(temp.resolve("downloader").resolve("data").resolve("incomplete")))
                .as("no partial data left").isEmpty();
    }

    @Test
    void pausedDownloadsResumeWithoutFetchingTwice() throws Exception {
        byte[] content = randomBytes(7);
        // Slow enough (about 3 s for the file) to pause it half-way.
        ServentNode holder = node("holder", true, content, 1024 * 1024);
        ServentNode downloader = node("downloader", false, null);
        downloader.connect(holder.listenAddress()).get(10, TimeUnit.SECONDS);
        String urn = FileHasher.hash(content).toString();
        List<UploadInfo> uploadUpdates = new java.util.concurrent.CopyOnWriteArrayList<>();
        holder.addListener(e -> {
            if (e instanceof NodeEvent.UploadChanged u) {
                uploadUpdates.add(u.upload());
            }
        });

        Download download = downloader.fetch(urn, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> download.info().bytesDone() > 0);
        download.pause();
        long before = download.info().bytesDone();
        assertThat(download.info().state()).isEqualTo(DownloadState.PAUSED);
        assertThat(before).isLessThan(SIZE);
        download.resume();
        Path file = download.completion().get(60, TimeUnit.SECONDS);

        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        long served = holder.uploads().stream().mapToLong(UploadInfo::bytesSent).sum();
        assertThat(served).isLessThan((long) (SIZE * 1.3));
        assertThat(uploadUpdates).as("the uploader shows progress while it sends")
                .anySatisfy(u -> assertThat(u.finished()).isFalse())
                .anySatisfy(u -> assertThat(u.bytesSent()).isBetween(1L, u.bytesRequested() - 1));
    }

    @Test
    void aFailedDownloadStartsAfreshWhenTheFileIsAskedForAgain() throws Exception {
        byte[] content = randomBytes(13);
        ServentNode holder = node("holder", true, content);
        ServentNode downloader = node("downloader", false, null);
        String urn = FileHasher.hash(content).toString();
        int refusing;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            refusing = s.getLocalPort();
        }

        Download failed = downloader.download(urn, "again.bin", SIZE,
                List.of(new DownloadSource("127.0.0.1", refusing, 0, "again.bin")));
        assertThatThrownBy(() -> failed.completion().get(60, TimeUnit.SECONDS))
                .hasMessageContaining("no usable source left");
        Download again = downloader.download(urn, "again.bin", SIZE,
                List.of(new DownloadSource("127.0.0.1", holder.listenAddress().getPort(), -1, "")));
        Path file = again.completion().get(60, TimeUnit.SECONDS);

        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(downloader.downloads()).singleElement()
                .satisfies(d -> assertThat(d.info().state()).isEqualTo(DownloadState.DONE));
    }

    @Test
    void aCancelledDownloadStartsAfreshWhenTheFileIsAskedForAgain() throws Exception {
        byte[] content = randomBytes(17);
        ServentNode holder = node("holder", true, content, 1024 * 1024);
        ServentNode downloader = node("downloader", false, null);
        downloader.connect(holder.listenAddress()).get(10, TimeUnit.SECONDS);
        String urn = FileHasher.hash(content).toString();

        Download first = downloader.fetch(urn, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.info().bytesDone() > 0);
        first.cancel();
        Download again = downloader.fetch(urn, 2);
        Path file = again.completion().get(60, TimeUnit.SECONDS);

        assertThat(again).isNotSameAs(first);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void aMagnetLinkIsFetchedUnderItsDisplayName() throws Exception {
        byte[] content = randomBytes(11);
        ServentNode holder = node("holder", true, content);
        ServentNode downloader = node("downloader", false, null);
        downloader.connect(holder.listenAddress()).get(10, TimeUnit.SECONDS);
        String magnet = "magnet:?xt=" + FileHasher.hash(content) + "&dn=from%20a%20magnet.bin&xl=" + SIZE;

        Download download = downloader.fetch(magnet, 2);
        Path file = download.completion().get(60, TimeUnit.SECONDS);

        assertThat(file.getFileName().toString()).isEqualTo("from a magnet.bin");
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void aBadLinkIsRefusedWithAReason() throws Exception {
        ServentNode downloader = node("downloader", false, null);
        assertThatThrownBy(() -> downloader.fetch("magnet:?dn=no-hash", 2)).isInstanceOf(ShoalException.class)
                .hasMessageContaining("magnet");
        assertThatThrownBy(() -> downloader.fetch("urn:sha1:TOO-SHORT", 2)).isInstanceOf(ShoalException.class)
                .hasMessageContaining("urn:sha1");
    }

    @Test
    void thePortServesOnlyIndexedFilesWhateverThePathSays() throws Exception {
        ServentNode holder = node("holder", true, randomBytes(3));
        Files.writeString(temp.resolve("holder").resolve("secret.txt"), "TOP-SECRET-MARKER");
        Files.writeString(temp.resolve("holder").resolve("share").resolve(".hidden"), "TOP-SECRET-MARKER");
        List<String> targets = List.of(
                "/get/1/../../secret.txt",
                "/get/1/..%2f..%2fsecret.txt",
                "/get/1/%2e%2e/%2e%2e/secret.txt",
                "/" + temp.resolve("holder").resolve("secret.txt"),
                "/get/999/secret.txt",
                "/uri-res/N2R?urn:sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "/share/.hidden",
                "/get/1/.hidden");
        for (String target : targets) {
            String response = httpGet(holder.listenAddress(), target);
            assertThat(response).as(target).matches("(?s)HTTP/1\\.1 (400|404) .*");
            assertThat(response).as(target).doesNotContain("TOP-SECRET-MARKER");
        }
        assertThat(httpGet(holder.listenAddress(), "/get/1/random%20payload.bin")).startsWith("HTTP/1.1 206 ");
    }

    private static String httpGet(InetSocketAddress node, String target) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(node, 5000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: x\r\nRange: bytes=0-99\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static long served(List<ServentNode> holders) {
        return holders.stream().flatMap(h -> h.uploads().stream()).mapToLong(UploadInfo::bytesSent).sum();
    }
}
