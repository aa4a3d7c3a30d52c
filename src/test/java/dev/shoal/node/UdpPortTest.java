package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.UdpTraffic;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.GgepExtension;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Ping;
import dev.shoal.protocol.Pong;
import dev.shoal.protocol.PongExtensions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UDP port of a real node on 127.0.0.1, spoken to with real datagrams: it shares the TCP
 * port's number, answers pings (with packed hosts when asked), refuses pongs it did not ask for,
 * and counts and drops whatever is malformed or over budget. The node's clock never moves, so a
 * budget spent stays spent.
 */
class UdpPortTest {
    @TempDir
    Path temp;
    private TestNodes nodes;
    private final UdpProbe probe = new UdpProbe();

    @AfterEach
    void close() {
        probe.close();
        if (nodes != null) {
            nodes.close();
        }
    }

    private ServentNode node(String hostsFile) throws IOException {
        nodes = new TestNodes(temp);
        if (hostsFile != null) {
            Files.createDirectories(temp.resolve("a").resolve("data"));
            Files.writeString(temp.resolve("a").resolve("data").resolve("hosts.txt"), hostsFile);
        }
        return nodes.ultrapeer("a", 4, Map.of("free software song.txt", "la la la"));
    }

    private static long dropped(ServentNode node, String reason) {
        return node.stats().count(reason);
    }

    @Test
    void aPingOnTheTcpPortNumberGetsTheNodesPongWithTheSameGuid() throws IOException {
        ServentNode node = node(null);
        Guid guid = Guid.random();
        probe.send(node.listenAddress(), MessageCodec.frame(guid, 1, 0, Ping.PLAIN).toBytes());

        UdpProbe.Received answer = probe.receive().orElseThrow();
        assertThat(answer.from().getPort()).isEqualTo(node.listenAddress().getPort());
        assertThat(answer.frame().header().guid()).isEqualTo(guid);
        Pong pong = (Pong) answer.payload();
        assertThat(pong.address()).isEqualTo(node.listenAddress());
        assertThat(pong.filesShared()).isEqualTo(1);
        assertThat(pong.ggep().has(PongExtensions.PACKED_HOSTS)).isFalse();
    }

    @Test
    void aPingAskingForHostsGetsTheUltrapeersOfTheHostCacheInIpp() throws IOException {
        ServentNode node = node("127.0.0.1:7001 1000\n127.0.0.1:7002 1000\n10.1.2.3:6346 1000\n");
        probe.send(node.listenAddress(), Ping.hostCacheRequest());

        Pong pong = (Pong) probe.receive().orElseThrow().payload();
        assertThat(PongExtensions.packedHosts(pong.ggep())).containsExactlyInAnyOrder(
                new InetSocketAddress("127.0.0.1", 7001), new InetSocketAddress("127.0.0.1", 7002),
                new InetSocketAddress("10.1.2.3", 6346));
    }

    @Test
    void aPongWeDidNotAskForIsCountedAndItsHostsAreNotTaken() throws IOException {
        ServentNode node = node(null);
        Pong unsolicited = new Pong(new InetSocketAddress("127.0.0.1", 7777), 5, 5,
                Ggep.of(PongExtensions.packedHosts(List.of(new InetSocketAddress("127.0.0.1", 7778)))));
        probe.send(node.listenAddress(), unsolicited);
        await().atMost(Duration.ofSeconds(10)).until(() -> dropped(node, "udp_unsolicited") == 1);

        probe.send(node.listenAddress(), Ping.hostCacheRequest());
        Pong pong = (Pong) probe.receive().orElseThrow().payload();
        assertThat(PongExtensions.packedHosts(pong.ggep())).isEmpty();
    }

    @Test
    void udpTrafficCountsDatagramsInAndOutAndThoseDropped() throws IOException {
        ServentNode node = node(null);
        assertThat(node.udpTraffic()).isEqualTo(UdpTraffic.NONE);

        probe.send(node.listenAddress(), Ping.PLAIN);
        assertThat(probe.receive().orElseThrow().payload()).isInstanceOf(Pong.class);
        probe.send(node.listenAddress(), new byte[] {0x00});

        // The answer may reach the probe before the node counts it sent: wait for the counters.
        await().atMost(Duration.ofSeconds(10)).until(() -> node.udpTraffic().equals(new UdpTraffic(2, 1, 1)));
        assertThat(node.udpTraffic().line()).isEqualTo("2 datagrams in, 1 out, 1 dropped");
    }

    @Test
    void malformedDatagramsAreCountedAndDroppedAndThePortKeepsAnswering() throws IOException {
        ServentNode node = node(null);
        InetSocketAddress to = node.listenAddress();
        probe.send(to, new byte[0]);
        probe.send(to, new byte[] {0x00});
        probe.send(to, withLengthField(MessageCodec.frame(Guid.random(), 1, 0, Ping.PLAIN).toBytes(), 10, 3));
        byte[] huge = new byte[8_000];
        probe.send(to, new Ping(Ggep.of(GgepExtension.of("XX", huge))));
        probe.send(to, withPayload(new byte[] {(byte) 0xC3, (byte) 0x83, 'S', 'C', 'P', (byte) 0x85}));

        await().atMost(Duration.ofSeconds(10)).until(() -> dropped(node, "udp_malformed") == 4
                && dropped(node, "udp_too_large") == 1);
        probe.send(to, Ping.PLAIN);
        assertThat(probe.receive().orElseThrow().payload()).isInstanceOf(Pong.class);
        assertThat(node.stats().total("datagram")).isEqualTo(5);
    }

    @Test
    void messagesOtherThanPingsAndPongsAreDroppedAsUnhandled() throws IOException {
        ServentNode node = node(null);
        probe.send(node.listenAddress(), new Bye(Bye.SHUTDOWN, "bye"));
        await().atMost(Duration.ofSeconds(10)).until(() -> dropped(node, "udp_unhandled") == 1);
    }

    @Test
    void oneAddressGetsTenDatagramsAtOnceAndTheRestAreDroppedAsAFlood() throws IOException {
        ServentNode node = node(null);
        for (int i = 0; i < 30; i++) {
            probe.send(node.listenAddress(), Ping.PLAIN);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> dropped(node, "udp_flood") == 20);
        for (int i = 0; i < 10; i++) {
            assertThat(probe.receive()).isPresent();
        }
    }

    /** A datagram whose header announces {@code said} payload bytes, with {@code has} bytes after it. */
    private static byte[] withLengthField(byte[] frame, int said, int has) {
        ByteBuffer b = ByteBuffer.allocate(Header.SIZE + has).order(ByteOrder.LITTLE_ENDIAN);
        b.put(frame, 0, Header.SIZE);
        b.putInt(19, said);
        return b.array();
    }

    /** A ping frame carrying {@code payload} as it is (whether or not it decodes). */
    private static byte[] withPayload(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(Header.SIZE + payload.length);
        new Header(Guid.random(), MessageType.PING, 1, 0, payload.length).writeTo(b);
        b.put(payload);
        return b.array();
    }
}
