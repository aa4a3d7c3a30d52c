package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shoal.RawPeer;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchTooSoonException;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryStatus;
import dev.shoal.protocol.VendorMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network etiquette in the node, whatever the client: one search by keywords every few seconds.
 * Counted on the wire at an ultrapeer played by a raw socket, with the node's clock moved by hand.
 */
class SearchPacingTest {
    @TempDir
    Path temp;
    private TestNodes net;
    private ServentNode typist;
    private RawPeer ultrapeer;

    @BeforeEach
    void start() throws Exception {
        net = new TestNodes(temp);
        // Paced as every node is by default (test networks are not, see TestNodes).
        typist = net.start("typist", Map.of(), c -> c.withRole(Role.LEAF).withTuning(c.tuning().toBuilder()
                .searchInterval(NodeConfig.Tuning.defaults().searchInterval()).build()));
        ultrapeer = RawPeer.connectAsUltrapeer(typist.listenAddress());
        await().atMost(Duration.ofSeconds(10)).until(() -> typist.peers().size() == 1);
    }

    @AfterEach
    void stop() throws Exception {
        ultrapeer.close();
        net.close();
    }

    @Test
    void twentyQuickRefinementsSendOneQueryAndTheClosedOneIsToldToStop() throws Exception {
        String words = "ocean waves at dawn";
        int sent = 0;
        int refused = 0;
        Search live = null;
        // Twenty keystrokes, 150 ms apart: a client that searches on each one, closing the one before.
        for (int i = 1; i <= 20; i++) {
            try {
                Search next = typist.search(words.substring(0, Math.min(i, words.length())), 4, hit -> {
                });
                if (live != null) {
                    live.close();
                }
                live = next;
                sent++;
            } catch (SearchTooSoonException e) {
                refused++;
                assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(3));
            }
            net.time().advance(Duration.ofMillis(150));
        }
        assertThat(sent).isEqualTo(1);
        assertThat(refused).isEqualTo(19);
        Guid first = Guid.fromHex(live.id());
        live.close();

        net.time().advance(Duration.ofSeconds(3));
        Search last = typist.search(words, 4, hit -> {
        });
        List<Frame> seen = framesUntilQuery(Guid.fromHex(last.id()));
        List<Guid> queries = seen.stream().filter(f -> f.header().type() == MessageType.QUERY)
                .map(f -> f.header().guid()).toList();
        assertThat(queries).as("queries on the wire").containsExactly(first, Guid.fromHex(last.id()));
        assertThat(((Query) MessageCodec.decode(seen.stream().filter(f -> f.header().guid().equals(first)
                && f.header().type() == MessageType.QUERY).findFirst().orElseThrow())).text()).isEqualTo("o");
        assertThat(seen).as("the abandoned query is stopped (BEAR/12 0xFFFF)").anySatisfy(f -> {
            assertThat(f.header().guid()).isEqualTo(first);
            assertThat(f.header().type()).isEqualTo(MessageType.VENDOR);
            assertThat(QueryStatus.kept((VendorMessage) MessageCodec.decode(f))).isEqualTo(QueryStatus.STOP);
        });
        last.close();
    }

    @Test
    void aRefusalSaysHowLongToWaitAndHashSearchesAreNotCounted() {
        typist.search("tide", 4, hit -> {
        }).close();
        net.time().advance(Duration.ofMillis(1000));
        assertThatThrownBy(() -> typist.search("tide pool", 4, hit -> {
        })).isInstanceOfSatisfying(SearchTooSoonException.class, e -> assertThat(e.retryAfter())
                .isEqualTo(Duration.ofMillis(2000))).hasMessage("one search every 3 s is what the network bears:"
                        + " try again in 2 s");
        typist.search("urn:sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5", 4, hit -> {
        }).close();
        net.time().advance(Duration.ofMillis(2000));
        typist.search("tide pool", 4, hit -> {
        }).close();
    }

    private List<Frame> framesUntilQuery(Guid guid) throws Exception {
        List<Frame> seen = new ArrayList<>();
        while (true) {
            Frame f = ultrapeer.readFrame();
            seen.add(f);
            if (f.header().type() == MessageType.QUERY && f.header().guid().equals(guid)) {
                return seen;
            }
        }
    }
}
