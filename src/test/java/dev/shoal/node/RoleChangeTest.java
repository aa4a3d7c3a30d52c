package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.RawPeer;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.PeerInfo;
import dev.shoal.node.api.Role;
import dev.shoal.protocol.HostPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node set to {@code auto}: a leaf until it is capable (reached from outside, up long enough,
 * fast enough), then an ultrapeer; as an ultrapeer with few leaves, the leaf of a stronger
 * ultrapeer that asks. Time is virtual: the checks run when the test moves it.
 */
class RoleChangeTest {
    private static final Duration PROMOTION_UPTIME = Duration.ofMinutes(10);

    @TempDir
    Path temp;
    TestNodes net;
    final List<RawPeer> raw = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (RawPeer p : raw) {
            p.close();
        }
        net.close();
    }

    private ServentNode auto(String name, long promotionRate) {
        net = new TestNodes(temp);
        return net.start(name, Map.of(), c -> c.withRole(Role.AUTO).withTuning(c.tuning().toBuilder()
                .promotion(PROMOTION_UPTIME, promotionRate).build()));
    }

    private static List<Role> roleEvents(ServentNode node) {
        List<Role> roles = new CopyOnWriteArrayList<>();
        node.addListener(e -> {
            if (e instanceof NodeEvent.RoleChanged r) {
                roles.add(r.role());
            }
        });
        return roles;
    }

    /** A peer connects to {@code node} as an ultrapeer: the node has been reached from outside. */
    private RawPeer reach(ServentNode node) throws Exception {
        RawPeer p = RawPeer.connectAsUltrapeer(node.listenAddress());
        raw.add(p);
        return p;
    }

    /** The answer {@code node} gives a leaf that knocks, without going on. */
    private static String answerToALeaf(ServentNode node) throws Exception {
        try (RawPeer p = new RawPeer(node.listenAddress())) {
            p.send("GNUTELLA CONNECT/0.6\r\nUser-Agent: RawPeer/1.0\r\nX-Ultrapeer: False\r\n\r\n");
            return p.readStep().firstLine();
        }
    }

    @Test
    void anAutomaticNodeStartsAsALeafAndIsPromotedOnceCapable() throws Exception {
        ServentNode node = auto("auto", 0);
        List<Role> roles = roleEvents(node);
        assertThat(node.role()).isEqualTo(Role.LEAF);
        assertThat(answerToALeaf(node)).startsWith("GNUTELLA/0.6 503");
        reach(node);

        net.time().advance(PROMOTION_UPTIME.minusSeconds(10));
        assertThat(node.role()).as("not up long enough yet").isEqualTo(Role.LEAF);
        net.time().advance(Duration.ofSeconds(10));

        assertThat(node.role()).isEqualTo(Role.ULTRAPEER);
        assertThat(roles).containsExactly(Role.ULTRAPEER);
        assertThat(answerToALeaf(node)).isEqualTo("GNUTELLA/0.6 200 OK");
        // Its links as a leaf were dropped: the peers expected a leaf.
        await().atMost(Duration.ofSeconds(10)).until(() -> node.peers().stream().noneMatch(PeerInfo::ultrapeer));
    }

    @Test
    void aNodeNobodyReachesStaysALeaf() {
        ServentNode node = auto("unreached", 0);
        net.time().advance(PROMOTION_UPTIME.multipliedBy(3));
        assertThat(node.role()).isEqualTo(Role.LEAF);
    }

    @Test
    void aSlowNodeStaysALeaf() throws Exception {
        ServentNode node = auto("slow", 10 * 1024);
        reach(node);
        net.time().advance(PROMOTION_UPTIME.multipliedBy(3));
        assertThat(node.role()).isEqualTo(Role.LEAF);
    }

    @Test
    void anAutomaticUltrapeerWithNoLeavesBecomesTheLeafOfAStrongerOneThatAsks() throws Exception {
        ServentNode node = auto("guided", 0);
        reach(node);
        net.time().advance(PROMOTION_UPTIME);
        assertThat(node.role()).isEqualTo(Role.ULTRAPEER);
        List<Role> roles = roleEvents(node);
        // The stronger one has the ultrapeer links it wants, and room for leaves.
        ServentNode strong = net.start("strong", Map.of(), c -> c.withRole(Role.ULTRAPEER));
        for (int i = 0; i < 4; i++) {
            reach(strong);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> strong.peers().size() == 4);

        node.connect(strong.listenAddress()).get();

        assertThat(node.role()).isEqualTo(Role.LEAF);
        assertThat(roles).containsExactly(Role.LEAF);
        await().atMost(Duration.ofSeconds(10)).until(() -> strong.peers().size() == 5);
        assertThat(strong.peers()).filteredOn(p -> !p.ultrapeer()).as("its new leaf").hasSize(1);
        assertThat(node.peers()).singleElement().matches(PeerInfo::ultrapeer)
                .matches(p -> p.address().equals(HostPort.format(strong.listenAddress())));
    }

    @Test
    void anUltrapeerByChoiceIgnoresGuidanceAndALeafByChoiceIsNeverPromoted() throws Exception {
        net = new TestNodes(temp);
        ServentNode fixedLeaf = net.start("leaf", Map.of(), c -> c.withRole(Role.LEAF).withTuning(c.tuning()
                .toBuilder().promotion(Duration.ZERO, 0).build()));
        reach(fixedLeaf);
        net.time().advance(Duration.ofHours(2));
        assertThat(fixedLeaf.role()).isEqualTo(Role.LEAF);

        ServentNode fixedUp = net.start("up", Map.of(), c -> c.withRole(Role.ULTRAPEER));
        ServentNode strong = net.start("strong", Map.of(), c -> c.withRole(Role.ULTRAPEER));
        for (int i = 0; i < 4; i++) {
            reach(strong);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> strong.peers().size() == 4);
        fixedUp.connect(strong.listenAddress()).get();
        assertThat(fixedUp.role()).isEqualTo(Role.ULTRAPEER);
        await().atMost(Duration.ofSeconds(10)).until(() -> strong.peers().size() == 5);
        assertThat(strong.peers()).allMatch(PeerInfo::ultrapeer);
    }
}
