package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.RawPeer;
import dev.shoal.node.api.PeerInfo;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchHit;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.handshake.HandshakeMessage;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real servents on loopback forming the two tiers by themselves: every node is told one host, the
 * rest they learn from {@code X-Try-Ultrapeers} and pongs and dial from their host caches as
 * virtual time moves. The first ultrapeer takes only 12 leaves, so four of the sixteen are refused
 * (503) and go elsewhere.
 */
class TwoTierNetworkTest {
    private static final int ULTRAPEERS = 4;
    private static final int LEAVES = 16;
    private static final int FIRST_ULTRAPEER_LEAVES = 12;
    private static final Duration STEP = Duration.ofMillis(200);

    @TempDir
    Path temp;
    TestNodes net;

    @AfterEach
    void stop() {
        net.close();
    }

    /** Handshakes are real-time socket work: virtual time must not time them out while it runs ahead. */
    private TestNodes nodes() {
        net = new TestNodes(temp).withConfig(c -> c.withTuning(c.tuning().withHandshakeTimeout(Duration.ofMinutes(10))));
        return net;
    }

    private ServentNode ultrapeer(String name, int maxLeaves, List<InetSocketAddress> peers,
            Map<String, String> files) {
        return net.start(name, files, c -> c.toBuilder().role(Role.ULTRAPEER).maxLeaves(maxLeaves).peers(peers).build());
    }

    private ServentNode leaf(String name, List<InetSocketAddress> peers, Map<String, String> files) {
        return net.start(name, files, c -> c.toBuilder().role(Role.LEAF).peers(peers).build());
    }

    /** Moves virtual time on a step at a time until {@code done}. */
    private void runUntil(BooleanSupplier done) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
            if (done.getAsBoolean()) {
                return true;
            }
            net.time().advance(STEP);
            return false;
        });
    }

    private static List<PeerInfo> ultrapeersOf(ServentNode n) {
        return n.peers().stream().filter(PeerInfo::ultrapeer).toList();
    }

    private static long leavesOf(ServentNode n) {
        return n.peers().stream().filter(p -> !p.ultrapeer()).count();
    }

    private record Network(List<ServentNode> ultrapeers, List<ServentNode> leaves) {
    }

    /** Four ultrapeers and sixteen leaves, each told only of the first ultrapeer; {@code files} per leaf index. */
    private Network form(Map<Integer, Map<String, String>> files) {
        nodes();
        List<ServentNode> ups = new ArrayList<>();
        ups.add(ultrapeer("up0", FIRST_ULTRAPEER_LEAVES, List.of(), Map.of()));
        List<InetSocketAddress> known = List.of(ups.get(0).listenAddress());
        for (int i = 1; i < ULTRAPEERS; i++) {
            ups.add(ultrapeer("up" + i, LEAVES, known, Map.of()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ups.get(0).peers().size() == ULTRAPEERS - 1);
        List<ServentNode> leaves = new ArrayList<>();
        for (int i = 0; i < LEAVES; i++) {
            leaves.add(leaf("leaf" + i, known, files.getOrDefault(i, Map.of("leaf " + i + " notes.txt", "n" + i))));
        }
        // Both ends: a leaf's link is up before its ultrapeer has the leaf's final 200.
        runUntil(() -> leaves.stream().allMatch(l -> ultrapeersOf(l).size() == 3)
                && ups.stream().mapToLong(TwoTierNetworkTest::leavesOf).sum() == 3L * LEAVES);
        return new Network(ups, leaves);
    }

    @Test
    void fourUltrapeersAndSixteenLeavesFormFromOneKnownHost() throws Exception {
        Network n = form(Map.of());

        for (ServentNode l : n.leaves()) {
            assertThat(l.role()).isEqualTo(Role.LEAF);
            List<PeerInfo> ups = ultrapeersOf(l);
            assertThat(ups).as("%s's ultrapeers", l.listenAddress()).hasSize(3);
            assertThat(ups.stream().map(PeerInfo::address).distinct()).hasSize(3);
            assertThat(l.peers()).as("a leaf has no leaves").hasSize(3);
        }
        assertThat(leavesOf(n.ultrapeers().get(0))).isEqualTo(FIRST_ULTRAPEER_LEAVES);
        assertThat(n.ultrapeers().stream().mapToLong(TwoTierNetworkTest::leavesOf).sum()).isEqualTo(3L * LEAVES);
        for (ServentNode up : n.ultrapeers()) {
            assertThat(up.role()).isEqualTo(Role.ULTRAPEER);
            assertThat(leavesOf(up)).isLessThanOrEqualTo(LEAVES);
        }

        // The full ultrapeer refuses one more leaf with 503, and names the others.
        try (RawPeer late = new RawPeer(n.ultrapeers().get(0).listenAddress())) {
            late.send("GNUTELLA CONNECT/0.6\r\nUser-Agent: RawPeer/1.0\r\nX-Ultrapeer: False\r\n"
                    + "Listen-IP: 127.0.0.1:1\r\n\r\n");
            HandshakeMessage answer = late.readStep();
            assertThat(answer.firstLine()).startsWith("GNUTELLA/0.6 503");
            Set<InetSocketAddress> others = n.ultrapeers().subList(1, ULTRAPEERS).stream()
                    .map(ServentNode::listenAddress).collect(Collectors.toSet());
            assertThat(HostPort.parseLiteralList(answer.headers().get("X-Try-Ultrapeers").orElseThrow()))
                    .containsAll(others);
        }
    }

    /** X-Try-Ultrapeers comes with a 200 too, so a leaf that got in still learns where else to go. */
    @Test
    void anUltrapeerWithRoomAcceptsALeafAndStillNamesOtherUltrapeers() throws Exception {
        nodes();
        ServentNode first = ultrapeer("first", LEAVES, List.of(), Map.of());
        List<ServentNode> others = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            others.add(ultrapeer("other" + i, LEAVES, List.of(first.listenAddress()), Map.of()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> first.peers().size() == 2);

        try (RawPeer leaf = new RawPeer(first.listenAddress())) {
            leaf.send("GNUTELLA CONNECT/0.6\r\nUser-Agent: RawPeer/1.0\r\nX-Ultrapeer: False\r\n"
                    + "Listen-IP: 127.0.0.1:1\r\n\r\n");
            HandshakeMessage answer = leaf.readStep();
            assertThat(answer.firstLine()).isEqualTo("GNUTELLA/0.6 200 OK");
            assertThat(HostPort.parseLiteralList(answer.headers().get("X-Try-Ultrapeers").orElseThrow()))
                    .containsExactlyInAnyOrderElementsOf(others.stream().map(ServentNode::listenAddress).toList());
        }
    }

    @Test
    void aLeafsQueryReachesOnlyTheLeavesWhoseTablesMatch() {
        Map<Integer, Map<String, String>> files = new HashMap<>();
        files.put(5, Map.of("zebra crossing.txt", "stripes"));
        files.put(11, Map.of("zebra herd.txt", "more stripes"));
        Network n = form(files);
        ServentNode asker = n.leaves().get(0);

        // Tables travel leaf → ultrapeer → ultrapeers after the links are up: ask until both hits
        // come, each query run to its end. Whatever the tables said, no other leaf may see a query.
        List<SearchHit> hits = new CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            hits.clear();
            Guid guid = searchToTheEnd(asker, "zebra", hits, n);
            for (int i = 1; i < LEAVES; i++) {
                long got = net.deliveries(n.leaves().get(i)).handled(MessageType.QUERY, guid);
                if (i == 5 || i == 11) {
                    assertThat(got).as("copies at matching leaf %d", i).isLessThanOrEqualTo(3);
                } else {
                    assertThat(got).as("copies at leaf %d, whose table does not match", i).isZero();
                }
                assertThat(net.deliveries(n.leaves().get(i)).sent(MessageType.QUERY, guid))
                        .as("a leaf relays nothing: leaf %d", i).isEmpty();
            }
            return hits.size() == 2;
        });
        assertThat(hits).extracting(SearchHit::name).containsExactlyInAnyOrder("zebra crossing.txt", "zebra herd.txt");
    }

    /** Runs a search until each of the asker's ultrapeers ended its dynamic query and nothing is in flight. */
    private Guid searchToTheEnd(ServentNode asker, String words, List<SearchHit> hits, Network n) {
        try (Search search = asker.search(words, 4, hits::add)) {
            Guid guid = Guid.fromHex(search.id());
            // A leaf dials its ultrapeers, so each link's address is that ultrapeer's listening one.
            Set<String> mine = ultrapeersOf(asker).stream().map(PeerInfo::address).collect(Collectors.toSet());
            List<ServentNode> running = n.ultrapeers().stream()
                    .filter(u -> mine.contains(HostPort.format(u.listenAddress()))).toList();
            assertThat(running).hasSize(3);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> {
                if (!net.watch().over(guid)) {
                    return false;
                }
                if (running.stream().allMatch(u -> net.deliveries(u).outcome(guid) != null)) {
                    return true;
                }
                net.time().advance(Duration.ofMillis(500));
                return false;
            });
            return guid;
        }
    }

    @Test
    void aLostUltrapeerIsReplacedWithinSeconds() {
        nodes();
        ServentNode first = ultrapeer("first", LEAVES, List.of(), Map.of());
        List<InetSocketAddress> known = List.of(first.listenAddress());
        List<ServentNode> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            others.add(ultrapeer("other" + i, LEAVES, known, Map.of()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> first.peers().size() == 3);
        ServentNode leaf = leaf("leaf", known, Map.of());
        runUntil(() -> ultrapeersOf(leaf).size() == 3
                && leavesOf(first) + others.stream().mapToLong(TwoTierNetworkTest::leavesOf).sum() == 3);
        ServentNode lost = others.stream().filter(u -> leavesOf(u) == 1).findFirst().orElseThrow();
        ServentNode spare = others.stream().filter(u -> leavesOf(u) == 0).findFirst().orElseThrow();

        net.stop(lost);
        await().atMost(Duration.ofSeconds(10)).until(() -> ultrapeersOf(leaf).size() == 2);
        // The dialler's next ticks, a second apart, dial the spare (the lost one rests after going
        // away); the handshake then runs in real time, with the clock held still.
        net.time().advance(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> ultrapeersOf(leaf).size() == 3 && leavesOf(spare) == 1);
    }
}
