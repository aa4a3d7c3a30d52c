package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.FakeGWebCache;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchHit;
import dev.shoal.protocol.Datagram;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Ping;
import dev.shoal.protocol.Pong;
import dev.shoal.protocol.PongExtensions;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh node that knows no host finds a 10-node loopback network through the caches it is given:
 * a fake GWebCache (an HTTP server in the test) or a fake UDP host cache (a datagram socket in the
 * test), both on 127.0.0.1. The network's nodes run on virtual time and flood queries; the fresh
 * node runs on real time, as {@code shoal node} does, so its bootstrap and dialling go by themselves.
 */
class BootstrapNetworkTest {
    private static final int NETWORK = 10;

    @TempDir
    Path temp;
    private TestNodes nodes;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (nodes != null) {
            nodes.close();
        }
    }

    /** Ten ultrapeers, the first linked to all others; the last shares the file the newcomer looks for. */
    private List<ServentNode> network() {
        // Every link comes from 127.0.0.1: room for a quarter of 64 from one address.
        nodes = new TestNodes(temp.resolve("net")).flooding().withConfig(c -> c.withMaxConnections(64));
        List<ServentNode> net = new ArrayList<>();
        for (int i = 0; i < NETWORK; i++) {
            net.add(nodes.ultrapeer("up" + i, 4, i == NETWORK - 1 ? Map.of("rare bootstrap tune.txt", "la")
                    : Map.of("common" + i + ".txt", "x")));
            if (i > 0) {
                nodes.link(net.get(i), net.get(0));
            }
        }
        return net;
    }

    private ServentNode newcomer(UnaryOperator<NodeConfig.Bootstrap> bootstrap) throws IOException {
        Path share = Files.createDirectories(temp.resolve("newcomer").resolve("share"));
        Files.writeString(share.resolve("newcomer only song.txt"), "mine");
        NodeConfig config = NodeConfig.defaults(temp.resolve("newcomer").resolve("data"))
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withShares(List.of(share))
                .withRole(Role.LEAF)
                .withBootstrap(bootstrap.apply(NodeConfig.Bootstrap.defaults()));
        ServentNode node = ServentNode.start(config);
        open.add(node);
        node.libraryReady().join();
        return node;
    }

    private static List<SearchHit> search(ServentNode from, String text) {
        List<SearchHit> hits = new CopyOnWriteArrayList<>();
        Search s = from.search(text, 4, hits::add);
        await().atMost(Duration.ofSeconds(20)).until(() -> !hits.isEmpty());
        s.close();
        return hits;
    }

    @Test
    void aFreshNodeWithOnlyAGWebCacheFindsTheNetworkSearchesItAndIsSearched() throws IOException {
        List<ServentNode> net = network();
        StringBuilder answer = new StringBuilder("I|pong|FakeCache 1.0|gnutella\n");
        for (ServentNode n : net) {
            answer.append("H|").append(HostPort.format(n.listenAddress())).append("|30\n");
        }
        answer.append("U|http://127.0.0.1:1/other-cache.php|60\n");
        FakeGWebCache cache = FakeGWebCache.serving("/gwc.php", answer.toString());
        open.add(cache::close);
        List<String> requests = cache.requests();
        URI url = cache.url();
        List<NodeEvent.BootstrapProgress> progress = new CopyOnWriteArrayList<>();

        ServentNode newcomer = newcomer(b -> b.withGWebCaches(List.of(url)));
        newcomer.addListener(e -> {
            if (e instanceof NodeEvent.BootstrapProgress p) {
                progress.add(p);
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> newcomer.peers().size() == 3);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).startsWith("get=1&net=gnutella&client=SHOL&version=");
        await().atMost(Duration.ofSeconds(10)).until(() -> newcomer.bootstrapStatus().connected() == 3);
        assertThat(newcomer.bootstrapStatus()).satisfies(s -> {
            assertThat(s.active()).isFalse();
            assertThat(s.cachesAsked()).isEqualTo(1);
            assertThat(s.hostsFound()).isEqualTo(NETWORK);
        });
        // Events before the listener was added are gone; the last one tells how it ended.
        assertThat(newcomer.bootstrapStatus().line()).isEqualTo("bootstrap done: asked 1 cache, 10 hosts, 3 connected");
        await().atMost(Duration.ofSeconds(10)).until(() -> !progress.isEmpty()
                && progress.get(progress.size() - 1).status().equals(newcomer.bootstrapStatus()));

        assertThat(search(newcomer, "rare bootstrap tune")).extracting(SearchHit::name)
                .containsOnly("rare bootstrap tune.txt");
        assertThat(search(net.get(0), "newcomer only song")).extracting(SearchHit::name)
                .containsOnly("newcomer only song.txt");
        assertThat(requests).as("no cache asked again once connected").hasSize(1);
    }

    @Test
    void aFreshNodeWithOnlyAUdpHostCacheFindsTheNetworkFromItsPackedHosts() throws Exception {
        List<ServentNode> net = network();
        DatagramSocket uhc = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        open.add(uhc);
        List<Ping> pings = new CopyOnWriteArrayList<>();
        Thread answering = new Thread(() -> {
            byte[] buffer = new byte[4096];
            while (!uhc.isClosed()) {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                try {
                    uhc.receive(p);
                    Frame ping = Datagram.read(ByteBuffer.wrap(buffer, 0, p.getLength()));
                    pings.add((Ping) MessageCodec.decode(ping));
                    List<InetSocketAddress> hosts = net.stream().limit(5).map(ServentNode::listenAddress).toList();
                    Pong pong = new Pong(new InetSocketAddress("127.0.0.1", uhc.getLocalPort()), 0, 0,
                            Ggep.of(PongExtensions.packedHosts(hosts)));
                    byte[] out = MessageCodec.frame(ping.header().guid(), 1, 0, pong).toBytes();
                    uhc.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                } catch (Exception e) {
                    return;
                }
            }
        }, "fake-uhc");
        answering.setDaemon(true);
        answering.start();

        ServentNode newcomer = newcomer(b -> b.withUhcs(List.of(new InetSocketAddress("127.0.0.1", uhc.getLocalPort()))));

        await().atMost(Duration.ofSeconds(20)).until(() -> newcomer.peers().size() == 3);
        assertThat(pings).hasSize(1);
        assertThat(pings.get(0).asksForHosts()).isTrue();
        assertThat(newcomer.bootstrapStatus().cachesAsked()).isEqualTo(1);
        assertThat(newcomer.bootstrapStatus().hostsFound()).isGreaterThanOrEqualTo(5);
        assertThat(search(newcomer, "rare bootstrap tune")).isNotEmpty();
    }

    @Test
    void aNodeThatDidNotJoinThePublicNetworkPlansToAskNoCache() throws IOException {
        ServentNode node = newcomer(UnaryOperator.identity());
        assertThat(node.bootstrapPlan().isEmpty()).isTrue();
        assertThat(node.bootstrapPlan().uhcs()).doesNotContainAnyElementsOf(NodeConfig.Bootstrap.PUBLIC_UHCS);
        assertThat(node.bootstrapPlan().gwebcaches()).doesNotContainAnyElementsOf(NodeConfig.Bootstrap.PUBLIC_GWEBCACHES);
        assertThat(node.bootstrapStatus().cachesAsked()).isZero();
    }
}
