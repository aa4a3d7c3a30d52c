package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.library.FileHasher;
import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadSource;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.SearchHit;
import dev.shoal.thex.HashTree;
import dev.shoal.thex.Thex;
import dev.shoal.thex.TigerTree;
import dev.shoal.protocol.TigerRoot;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiger trees between real servents: the sharer's hits carry the root, its uploads the
 * X-Thex-URI, its N2X the tree; the downloader checks the file as it comes, and a preview holds
 * only the bytes checked.
 */
class TigerTreeNetworkTest {
    private static final int SIZE = 2 * 1024 * 1024 + 4321;
    private static final String NAME = "holiday clip.avi";

    @TempDir
    Path temp;
    private final List<ServentNode> nodes = new ArrayList<>();
    private final byte[] content = new byte[SIZE];

    @AfterEach
    void stop() {
        nodes.forEach(ServentNode::close);
    }

    private ServentNode node(String name, boolean shares, long uploadLimit) throws Exception {
        Path share = Files.createDirectories(temp.resolve(name).resolve("share"));
        if (shares) {
            new Random(5).nextBytes(content);
            Files.write(share.resolve(NAME), content);
        }
        ServentNode node = ServentNode.start(NodeConfig.defaults(temp.resolve(name).resolve("data"))
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withShares(List.of(share))
                .withRole(Role.ULTRAPEER)
                .withDownloadsDir(temp.resolve(name).resolve("downloads"))
                .withUploads(4, uploadLimit));
        nodes.add(node);
        node.libraryReady().get(20, TimeUnit.SECONDS);
        return node;
    }

    private SearchHit hitFrom(ServentNode searcher) {
        List<SearchHit> hits = new CopyOnWriteArrayList<>();
        searcher.search("holiday", 2, hits::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> !hits.isEmpty());
        return hits.get(0);
    }

    @Test
    void hitsCarryTheRootAndN2xServesTheTreeOfTheSharedFile() throws Exception {
        ServentNode sharer = node("sharer", true, 0);
        ServentNode searcher = node("searcher", false, 0);
        searcher.connect(sharer.listenAddress()).get(10, TimeUnit.SECONDS);

        SearchHit hit = hitFrom(searcher);
        TigerRoot root = TigerTree.of(content).root();
        assertThat(hit.tigerRoot()).isEqualTo(root.base32());
        assertThat(hit.urn()).isEqualTo(FileHasher.hash(content).toString());

        String answer = http(sharer.listenAddress(), "GET /uri-res/N2X?" + hit.urn() + " HTTP/1.1\r\n"
                + "Connection: close\r\n\r\n");
        int body = answer.indexOf("\r\n\r\n") + 4;
        assertThat(answer).startsWith("HTTP/1.1 200").contains("Content-Type: application/dime");
        byte[] dime = answer.substring(body).getBytes(StandardCharsets.ISO_8859_1);
        HashTree tree = Thex.decode(dime, SIZE, root);
        assertThat(tree.depth()).isEqualTo(HashTree.goodDepth(SIZE));

        String n2r = http(sharer.listenAddress(), "GET /uri-res/N2R?" + hit.urn() + " HTTP/1.1\r\n"
                + "Range: bytes=0-0\r\nConnection: close\r\n\r\n");
        assertThat(n2r).contains("X-Thex-URI: /uri-res/N2X?" + hit.urn() + ";" + root.base32());
    }

    @Test
    void aDownloadChecksAsItGoesAndItsPreviewHoldsOnlyVerifiedBytes() throws Exception {
        // About 4 s for the file: time to ask for a preview half-way.
        ServentNode sharer = node("sharer", true, 512 * 1024);
        ServentNode downloader = node("downloader", false, 0);
        downloader.connect(sharer.listenAddress()).get(10, TimeUnit.SECONDS);
        SearchHit hit = hitFrom(downloader);

        Download d = downloader.download(hit.urn(), hit.name(), hit.size(), List.of(DownloadSource.of(hit)));
        assertThat(d.preview()).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> d.info().verifiedBytes() > 0);
        Path preview = d.preview().orElseThrow();
        byte[] shown = Files.readAllBytes(preview);
        DownloadInfo during = d.info();
        assertThat(shown.length).isPositive().isLessThan(SIZE).isLessThanOrEqualTo((int) during.verifiedBytes());
        assertThat(shown).isEqualTo(Arrays.copyOf(content, shown.length));
        assertThat(preview.getFileName().toString()).endsWith(NAME);

        Path file = d.completion().get(60, TimeUnit.SECONDS);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(d.info().verifiedBytes()).isEqualTo(SIZE);
        assertThat(d.preview()).contains(file);
        assertThat(preview).doesNotExist();
        assertThat(Files.list(temp.resolve("downloader").resolve("data").resolve("incomplete"))).isEmpty();
    }

    private static String http(InetSocketAddress to, String request) throws Exception {
        try (Socket s = new Socket(to.getAddress(), to.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

}
