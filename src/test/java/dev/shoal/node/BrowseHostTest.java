package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shoal.RawPeer;
import dev.shoal.library.FileHasher;
import dev.shoal.node.api.Browse;
import dev.shoal.node.api.Download;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SearchResult;
import dev.shoal.node.api.ShoalException;
import dev.shoal.node.api.UploadInfo;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryHit;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browse host between real servents on loopback: one lists what the other shares, then downloads from it. */
class BrowseHostTest {
    @TempDir
    Path temp;
    private final List<ServentNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(ServentNode::close);
    }

    private ServentNode node(String name, int files, boolean browsable) throws Exception {
        Path share = Files.createDirectories(temp.resolve(name).resolve("share"));
        for (int i = 0; i < files; i++) {
            Files.writeString(share.resolve(String.format("track %02d of the album.ogg", i)),
                    "audio bytes of track " + i + " ".repeat(9000), StandardCharsets.UTF_8);
        }
        ServentNode node = ServentNode.start(NodeConfig.defaults(temp.resolve(name).resolve("data"))
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withShares(List.of(share))
                .withDownloadsDir(temp.resolve(name).resolve("downloads"))
                .withBrowseHost(browsable));
        nodes.add(node);
        node.libraryReady().get(20, TimeUnit.SECONDS);
        return node;
    }

    @Test
    void aHostsWholeListArrivesAndAFileFromItDownloadsLikeASearchResult() throws Exception {
        ServentNode host = node("host", 25, true);
        byte[] big = new byte[700_000];
        new Random(5).nextBytes(big);
        Path shared = host.config().shares().get(0).resolve("a bigger file.bin");
        Files.write(shared, big);
        host.setSharedFolders(host.config().shares());
        await().atMost(Duration.ofSeconds(20)).until(() -> host.sharedFiles().size() == 26);
        ServentNode browser = node("browser", 0, true);
        List<SearchHit> heard = new CopyOnWriteArrayList<>();

        Browse browse = browser.browse(host.listenAddress(), heard::add);
        int files = browse.done().get(20, TimeUnit.SECONDS);

        assertThat(files).isEqualTo(26);
        assertThat(browse.truncated()).isFalse();
        assertThat(heard).hasSize(26).allSatisfy(h -> {
            assertThat(h.host()).isEqualTo("127.0.0.1");
            assertThat(h.port()).isEqualTo(host.listenAddress().getPort());
            assertThat(h.serventId()).isEqualTo(host.serventId());
            assertThat(h.vendor()).isEqualTo(OwnHits.VENDOR);
            assertThat(h.firewalled()).isFalse();
            assertThat(h.urn()).startsWith("urn:sha1:");
        });
        List<SearchResult> results = browse.results();
        assertThat(results).hasSize(26).noneMatch(SearchResult::hidden);
        assertThat(results).extracting(SearchResult::name).contains("track 00 of the album.ogg",
                "track 24 of the album.ogg", "a bigger file.bin");

        SearchResult chosen = results.stream().filter(r -> r.name().equals("a bigger file.bin")).findFirst()
                .orElseThrow();
        assertThat(chosen.urn()).isEqualTo(FileHasher.hash(big).toString());
        Download download = browser.download(chosen.urn(), chosen.name(), chosen.size(), chosen.sources());
        Path got = download.completion().get(60, TimeUnit.SECONDS);

        assertThat(Files.readAllBytes(got)).isEqualTo(big);
        assertThat(host.uploads()).extracting(UploadInfo::file).contains("a bigger file.bin");
    }

    @Test
    void aHostThatTurnedBrowsingOffRefusesAndTheUserIsToldWhy() throws Exception {
        ServentNode host = node("host", 3, false);
        ServentNode browser = node("browser", 0, true);

        Browse refused = browser.browse(host.listenAddress(), hit -> {
        });

        assertThatThrownBy(() -> refused.done().get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ShoalException.class)
                .hasMessage("cannot browse 127.0.0.1:" + host.listenAddress().getPort()
                        + ": the host refused to be browsed (403 Browse Host Disabled)");
        assertThat(refused.results()).isEmpty();

        host.setBrowseHost(true);
        assertThat(browser.browse(host.listenAddress(), hit -> {
        }).done().get(20, TimeUnit.SECONDS)).isEqualTo(3);
    }

    @Test
    void ourSearchHitsSayWeCanBeBrowsedOnlyWhileWeCan() throws Exception {
        ServentNode host = node("host", 2, true);
        try (RawPeer peer = RawPeer.connectAsUltrapeer(host.listenAddress())) {
            assertThat(answerTo(peer, "album").browseHost()).isTrue();
            host.setBrowseHost(false);
            assertThat(answerTo(peer, "track").browseHost()).isFalse();
        }
    }

    private static QueryHit answerTo(RawPeer peer, String words) throws Exception {
        Guid guid = Guid.random();
        peer.sendFrame(MessageCodec.frame(guid, 2, 0, Query.keywords(words)));
        peer.setReadTimeout(10_000);
        while (true) {
            Frame f = peer.readFrame();
            if (f.header().type() == MessageType.QUERY_HIT && f.header().guid().equals(guid)) {
                return (QueryHit) MessageCodec.decode(f);
            }
        }
    }

    @Test
    void anUnreachableHostFailsWithTheReason() throws Exception {
        ServentNode browser = node("browser", 0, true);
        int refusing;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            refusing = s.getLocalPort();
        }

        Browse browse = browser.browse(new InetSocketAddress("127.0.0.1", refusing), hit -> {
        });

        assertThatThrownBy(() -> browse.done().get(20, TimeUnit.SECONDS)).cause()
                .hasMessageStartingWith("cannot browse 127.0.0.1:" + refusing + ": cannot connect: ");
    }
}
