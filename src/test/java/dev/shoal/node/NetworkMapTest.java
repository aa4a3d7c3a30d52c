package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.NetworkMap;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchReach;
import dev.shoal.protocol.Guid;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network map of real servents on loopback, in two tiers: up1 - up2 - up3 ultrapeers in a
 * line, a leaf under up1 and a sharing leaf under up3. Ultrapeers flood, so a search's path is
 * fixed by the TTL.
 */
class NetworkMapTest {
    @TempDir
    Path dir;
    private TestNodes net;
    private ServentNode up1;
    private ServentNode up2;
    private ServentNode up3;
    private ServentNode leaf;
    private ServentNode sharer;

    @BeforeEach
    void startTheNetwork() {
        // Links only as the test makes them, even while time moves: nobody dials from its host cache.
        net = new TestNodes(dir).flooding().withConfig(c -> c.toBuilder().leafUltrapeers(1)
                .tuning(c.tuning().toBuilder().outgoingUltrapeers(0).build()).build());
        up3 = net.ultrapeer("up3", 4, Map.of());
        up2 = net.ultrapeer("up2", 4, Map.of());
        up1 = net.ultrapeer("up1", 4, Map.of());
        sharer = net.leaf("sharer", 4, Map.of("harbour seal song.txt", "a seal sings in the harbour"));
        leaf = net.leaf("leaf", 4);
        net.link(up2, up3);
        net.link(up1, up2);
        net.link(sharer, up3);
        net.link(leaf, up1);
    }

    @AfterEach
    void stopTheNetwork() {
        net.close();
    }

    @Test
    void anUltrapeersMapHoldsItsLinksWithRoleVendorDirectionAndTraffic() {
        NetworkMap map = up1.networkMap();

        assertThat(map.address()).isEqualTo(address(up1));
        assertThat(map.role()).isEqualTo(Role.ULTRAPEER);
        assertThat(map.links()).hasSize(2);
        NetworkMap.Link toUp2 = linkTo(map, up2);
        assertThat(toUp2.role()).isEqualTo(Role.ULTRAPEER);
        assertThat(toUp2.outgoing()).isTrue();
        assertThat(toUp2.vendor()).isEqualTo("Shoal");
        assertThat(toUp2.userAgent()).startsWith("Shoal/");
        assertThat(toUp2.bytesIn()).isPositive();
        assertThat(toUp2.bytesOut()).isPositive();
        NetworkMap.Link toLeaf = map.links().stream().filter(l -> l.role() == Role.LEAF).findFirst().orElseThrow();
        assertThat(toLeaf.outgoing()).isFalse();
        assertThat(up1.peers()).extracting(p -> p.id()).contains(toUp2.id(), toLeaf.id());
    }

    @Test
    void theNeighboursOfAnUltrapeerComeFromThePongsItRelays() {
        NetworkMap.Link toUp2 = linkTo(up1.networkMap(), up2);
        NetworkMap.Neighbour expected = new NetworkMap.Neighbour(address(up3), toUp2.id(), true, NetworkMap.Heard.PONG);

        // Ultrapeers refresh their pong caches from their ultrapeer links every few seconds.
        runUntil(() -> up1.networkMap().neighbours().contains(expected));

        assertThat(up1.networkMap().neighbours()).as("never ourselves nor a host we are linked to")
                .extracting(NetworkMap.Neighbour::address).doesNotContain(address(up1), address(up2));
    }

    @Test
    void aLeafLearnsItsUltrapeersNeighboursFromTheHandshake() {
        NetworkMap map = leaf.networkMap();

        assertThat(map.role()).isEqualTo(Role.LEAF);
        NetworkMap.Link toUp1 = linkTo(map, up1);
        assertThat(toUp1.outgoing()).isTrue();
        assertThat(map.neighbours()).contains(
                new NetworkMap.Neighbour(address(up2), toUp1.id(), true, NetworkMap.Heard.TRY_HEADER));
    }

    @Test
    void aSearchSaysWhichLinksItWentToAndTheWayEachHitCameBack() {
        NetworkMap.Link toUp2 = linkTo(up1.networkMap(), up2);

        SearchReach reach = searchUntilOver(up1, "seal", 3);

        assertThat(reach.queried()).containsExactly(new SearchReach.Queried(toUp2.id(), address(up2)));
        assertThat(reach.hits()).containsExactly(new SearchReach.HitPath(toUp2.id(), address(up2), 2,
                address(sharer), sharer.serventId(), "SHOL", false, 1));
        assertThat(reach.hitsNotKept()).isZero();
    }

    @Test
    void aLeafsSearchGoesToItsUltrapeerAndItsHitsComeBackThroughIt() {
        NetworkMap.Link toUp1 = linkTo(leaf.networkMap(), up1);

        SearchReach reach = searchUntilOver(leaf, "seal", 4);

        assertThat(reach.queried()).extracting(SearchReach.Queried::linkId).containsExactly(toUp1.id());
        assertThat(reach.hits()).singleElement().satisfies(h -> {
            assertThat(h.linkId()).isEqualTo(toUp1.id());
            assertThat(h.hops()).as("relayed by up3, up2 and up1").isEqualTo(3);
            assertThat(h.responder()).isEqualTo(address(sharer));
        });
    }

    /** Searches and waits until the query's flood is over; the reach is read after the search is closed. */
    private SearchReach searchUntilOver(ServentNode from, String text, int ttl) {
        Search search = from.search(text, ttl, hit -> {
        });
        Guid guid = Guid.fromHex(search.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> net.watch().over(guid));
        search.close();
        return search.reach();
    }

    private void runUntil(BooleanSupplier done) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (done.getAsBoolean()) {
                return true;
            }
            net.time().advance(Duration.ofMillis(500));
            return false;
        });
    }

    private static NetworkMap.Link linkTo(NetworkMap map, ServentNode peer) {
        // Links we dialled are at the peer's listening address.
        List<NetworkMap.Link> found = map.links().stream().filter(l -> l.address().equals(address(peer))).toList();
        assertThat(found).as("a link to %s in %s", address(peer), map).hasSize(1);
        return found.get(0);
    }

    private static String address(ServentNode n) {
        return "127.0.0.1:" + n.listenAddress().getPort();
    }
}
