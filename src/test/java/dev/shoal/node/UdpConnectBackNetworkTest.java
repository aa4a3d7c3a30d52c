package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchHit;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Ping;
import dev.shoal.protocol.OobGuid;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real nodes on loopback ask each other for a UDP connect-back (GTKG/7) and learn from the ping
 * that datagrams nobody asked for reach them. A leaf that no connection can reach (a test firewall
 * on its TCP port) but whose UDP port is open then takes its hits by UDP, as it should by default.
 */
class UdpConnectBackNetworkTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path temp;
    private TestNodes net;

    @AfterEach
    void stop() {
        net.close();
    }

    @Test
    void anUltrapeerPingsItsLeafBackAndTheLeafKnowsItsUdpPortIsOpen() {
        net = new TestNodes(temp);
        ServentNode up = net.ultrapeer("up", 4, Map.of());
        ServentNode leaf = net.leaf("leaf", 4);
        assertThat(leaf.reach().udpReachable()).isFalse();

        net.link(leaf, up);

        await().atMost(WAIT).until(() -> leaf.reach().udpReachable());
        assertThat(up.udpConnectBacksSent()).isEqualTo(1);
        assertThat(leaf.udpConnectBacksSent()).as("a leaf does not answer its ultrapeer's ask").isZero();
    }

    @Test
    void aLeafBehindANatNeverSeesThePingAndStaysUnsure() {
        net = new TestNodes(temp);
        ServentNode up = net.ultrapeer("up", 4, Map.of());
        ServentNode leaf = net.leaf("leaf", 4);
        leaf.network().udp().standBehindNat(true);

        net.link(leaf, up);

        await().atMost(WAIT).until(() -> leaf.network().udp().natDropped() == 1);
        assertThat(up.udpConnectBacksSent()).isEqualTo(1);
        assertThat(leaf.reach().udpReachable()).isFalse();
    }

    @Test
    void aPingFromAnAddressWeWroteToProvesNothing() {
        net = new TestNodes(temp);
        ServentNode up = net.ultrapeer("up", 4, Map.of());
        ServentNode leaf = net.leaf("leaf", 4);
        leaf.network().udp().standBehindNat(true);
        // The leaf writes to its ultrapeer's UDP port first (any datagram): a NAT now lets it in.
        leaf.network().udp().send(up.listenAddress(), MessageCodec.frame(Guid.random(), 1, 0, Ping.PLAIN));

        net.link(leaf, up);

        // In: the ultrapeer's pong to that ping, and its connect-back ping.
        await().atMost(WAIT).until(() -> up.udpConnectBacksSent() == 1 && leaf.network().udp().received() == 2);
        assertThat(leaf.reach().udpReachable()).isFalse();
    }

    @Test
    void aLeafFirewalledForTcpButOpenForUdpTakesItsHitsByUdpByDefault() {
        net = new TestNodes(temp).withConfig(c -> c.withTuning(c.tuning().toBuilder()
                .outOfBand(NodeConfig.Tuning.OutOfBand.AUTO).build()));
        ServentNode up = net.ultrapeer("up", 4, Map.of("over the wall.txt", "sent by datagram\n"));
        ServentNode leaf = net.leaf("leaf", 4);
        leaf.network().standBehindFirewall(true);
        net.link(leaf, up);
        await().atMost(WAIT).until(() -> leaf.reach().udpReachable() && up.connectBacksGranted() == 1);
        assertThat(leaf.reach().firewalled()).as("no TCP connection came through the test firewall").isTrue();

        List<SearchHit> hits = new CopyOnWriteArrayList<>();
        try (Search search = leaf.search("over the wall", 2, hits::add)) {
            assertThat(OobGuid.replyAddress(Guid.fromHex(search.id()))).isEqualTo(leaf.listenAddress());
            await().atMost(WAIT).until(() -> hits.size() == 1);
        }
        assertThat(leaf.outOfBand().hitsReceived()).as("the hit came by UDP").isEqualTo(1);
    }
}
