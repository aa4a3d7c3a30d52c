package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadSource;
import dev.shoal.node.api.SearchHit;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.PushProxy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes on loopback: an ultrapeer, a leaf behind a (test) firewall that drops every
 * connection to its port, and a downloader that dials the ultrapeer. Both dialling nodes ask the
 * ultrapeer to connect back: the downloader learns it is reachable, the leaf stays firewalled, gets
 * the ultrapeer as its push proxy, marks its hits, and is downloaded from through the proxy.
 */
class FirewalledNodeTest {
    private static final String NAME = "behind the wall.txt";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path temp;
    TestNodes net;
    ServentNode ultrapeer;
    ServentNode firewalled;
    ServentNode downloader;
    String content;

    @BeforeEach
    void start() {
        net = new TestNodes(temp);
        content = "bytes kept behind a firewall\n".repeat(20_000);
        ultrapeer = net.ultrapeer("proxy", 4, Map.of());
        firewalled = net.leaf("firewalled", 4, Map.of(NAME, content));
        firewalled.network().standBehindFirewall(true);
        downloader = net.ultrapeer("downloader", 4, Map.of());
        net.link(downloader, ultrapeer);
        net.link(firewalled, ultrapeer);
        // One connect-back for each dialling node, made or failed; and the leaf's proxy agreed.
        await().atMost(WAIT).until(() -> ultrapeer.connectBacksGranted() == 2 && !downloader.reach().firewalled()
                && !firewalled.reach().pushProxies().isEmpty());
    }

    @AfterEach
    void stop() {
        net.close();
    }

    @Test
    void aConnectBackTellsTheReachableNodeItIsNotFirewalledAndLeavesTheOtherFirewalled() {
        assertThat(downloader.reach().firewalled()).isFalse();
        assertThat(firewalled.reach().firewalled()).isTrue();
        assertThat(ultrapeer.reach().firewalled()).as("two nodes connected to it").isFalse();
        assertThat(firewalled.reach().externalAddress()).contains("127.0.0.1");
    }

    @Test
    void theFirewalledLeafsHitsSayPushNeededAndListItsUltrapeerAsPushProxy() {
        assertThat(firewalled.reach().pushProxies())
                .containsExactly(HostPort.format(ultrapeer.listenAddress()));

        SearchHit hit = searchFor("behind wall");

        assertThat(hit.firewalled()).isTrue();
        assertThat(hit.serventId()).isEqualTo(firewalled.serventId());
    }

    @Test
    void aDownloaderFetchesFromTheFirewalledLeafThroughItsPushProxyNotByARoutedPush() throws Exception {
        SearchHit hit = searchFor("behind wall");

        Download d = downloader.download(hit.urn(), hit.name(), hit.size(), List.of(DownloadSource.of(hit)));
        Path got = d.completion().get(60, TimeUnit.SECONDS);

        assertThat(Files.readString(got, StandardCharsets.UTF_8)).isEqualTo(content);
        assertThat(downloader.pushesThroughProxies()).isEqualTo(1);
        assertThat(downloader.pushesRouted()).isZero();
        assertThat(ultrapeer.pushesForwardedAsProxy()).isEqualTo(1);
    }

    @Test
    void theProxyAnswers410ForAServentItDoesNotKnowAnd400ForAMalformedRequest() throws IOException {
        InetSocketAddress self = downloader.listenAddress();
        InetSocketAddress proxy = ultrapeer.listenAddress();

        assertThat(PushProxyClient.ask(proxy, new PushProxy.Request(Guid.random(), 0), self)).isEqualTo(410);
        assertThat(PushProxyClient.ask(proxy, new PushProxy.Request(Guid.fromHex(firewalled.serventId()), 0), self))
                .as("its leaf").isEqualTo(202);
        assertThat(PushProxyClient.ask(downloader.listenAddress(), new PushProxy.Request(
                Guid.fromHex(firewalled.serventId()), 0), self)).as("not its leaf").isEqualTo(410);
        assertThat(rawStatus(proxy, "GET /gnutella/push-proxy?ServerID=NOT-BASE32 HTTP/1.1\r\nX-Node: 127.0.0.1:1\r\n"))
                .isEqualTo(400);
        assertThat(rawStatus(proxy, "HEAD /gnet/push-proxy?guid=" + firewalled.serventId() + " HTTP/1.1\r\n"))
                .as("no X-Node").isEqualTo(400);
        assertThat(rawStatus(proxy, "HEAD /gnet/push-proxy?guid=" + firewalled.serventId()
                + " HTTP/1.1\r\nX-Node: " + HostPort.format(self) + "\r\n")).as("gtk-gnutella's form").isEqualTo(202);
    }

    private static int rawStatus(InetSocketAddress to, String head) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(to, 5000);
            s.setSoTimeout(5000);
            s.getOutputStream().write((head + "\r\n").getBytes(StandardCharsets.US_ASCII));
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return PushProxyClient.statusOf(line == null ? "" : line);
        }
    }

    private SearchHit searchFor(String words) {
        List<SearchHit> hits = new CopyOnWriteArrayList<>();
        downloader.search(words, 2, hits::add);
        await().atMost(WAIT).until(() -> !hits.isEmpty());
        return hits.get(0);
    }
}
