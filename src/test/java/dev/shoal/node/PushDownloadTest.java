package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadSource;
import dev.shoal.node.api.SearchHit;
import dev.shoal.protocol.Giv;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Urn;
import dev.shoal.transfer.upload.ServedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads from a servent that cannot accept connections: the node finds it by a search, cannot
 * dial the address in its hit, sends a Push along the hit's route, and fetches the file over the
 * connection the servent opens back (GIV), through the node's real listening port.
 */
class PushDownloadTest {
    private static final long INDEX = 5;
    private static final String NAME = "behind the wall.bin";

    @TempDir
    Path temp;
    TestNodes net;
    ServentNode downloader;
    byte[] data;
    ServedFile file;

    @BeforeEach
    void start() throws Exception {
        net = new TestNodes(temp);
        downloader = net.ultrapeer("downloader", 4, java.util.Map.of());
        data = new byte[3 * 1024 * 1024 + 99];
        new Random(11).nextBytes(data);
        Path path = Files.createDirectories(temp.resolve("firewalled")).resolve(NAME);
        Files.write(path, data);
        Urn urn = Urn.sha1(MessageDigest.getInstance("SHA-1").digest(data));
        file = new ServedFile(INDEX, NAME, path, data.length, urn);
    }

    @AfterEach
    void stop() {
        net.close();
    }

    @Test
    void aHitThatAsksForPushIsDownloadedOverTheConnectionItOpensBack() throws Exception {
        try (FirewalledPeer peer = new FirewalledPeer(downloader.listenAddress(), file, closedPort(), true)) {
            SearchHit hit = searchFor("behind wall");
            assertThat(hit.firewalled()).isTrue();
            assertThat(hit.serventId()).isEqualTo(peer.serventId().toHex());

            Download d = downloader.download(hit.urn(), hit.name(), hit.size(), List.of(DownloadSource.of(hit)));
            Path got = d.completion().get(60, TimeUnit.SECONDS);

            assertThat(Files.readAllBytes(got)).isEqualTo(data);
            assertThat(peer.pushes).isNotEmpty().allSatisfy(p -> {
                assertThat(p.fileIndex()).isEqualTo(INDEX);
                assertThat(p.address()).isEqualTo(downloader.listenAddress());
            });
        }
    }

    @Test
    void aLinkFoundByHashWhoseSourceRefusesConnectionsFallsBackToPush() throws Exception {
        try (FirewalledPeer peer = new FirewalledPeer(downloader.listenAddress(), file, closedPort(), false)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !downloader.peers().isEmpty());
            Download d = downloader.fetch(file.urn().toString(), 2);
            Path got = d.completion().get(60, TimeUnit.SECONDS);

            assertThat(Files.readAllBytes(got)).isEqualTo(data);
            assertThat(peer.pushes).isNotEmpty();
        }
    }

    @Test
    void aGivNoDownloadWaitsForIsClosedAndTheNodeCarriesOn() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(downloader.listenAddress(), 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(new Giv(1, Guid.random(), "file").toWire().getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();

            InputStream in = s.getInputStream();
            assertThat(in.read()).as("closed without an answer").isEqualTo(-1);
        }
        try (FirewalledPeer peer = new FirewalledPeer(downloader.listenAddress(), file, closedPort(), true)) {
            assertThat(searchFor("behind wall").firewalled()).isTrue();
        }
    }

    private SearchHit searchFor(String words) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !downloader.peers().isEmpty());
        List<SearchHit> hits = new CopyOnWriteArrayList<>();
        downloader.search(words, 1, hits::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> !hits.isEmpty());
        return hits.get(0);
    }

    private static InetSocketAddress closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort());
        }
    }
}
