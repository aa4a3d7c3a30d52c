package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.net.Connection;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.routing.QrpTable;
import dev.shoal.routing.QrpTableAssembler;
import dev.shoal.routing.RouterConfig;
import dev.shoal.time.VirtualTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An ultrapeer's table towards other ultrapeers covers its leaves, so it must be sent again when
 * a leaf's table arrives or goes. Seen with gtk-gnutella: a gtk-gnutella leaf on our ultrapeer,
 * and a gtk-gnutella ultrapeer that, on a query's last hop, routed by the table we sent it when
 * the leaf was not there yet, so it never forwarded queries for the leaf's files to us.
 */
class LeafTableRepublishTest {
    /** gtk-gnutella 1.2.3 leaf sharing {@code charliedelta-gtkg-leaf.txt}: its RESET, then its PATCH. */
    private static final byte[] GTKG_LEAF_RESET = HexFormat.of().parseHex("000040000002");
    private static final byte[] GTKG_LEAF_PATCH = HexFormat.of().parseHex(
            "010101010478daedd6411100000404400df46f2982067e3ccc6e84338e08609222000060fbcb2c89f8bfb967f1504a98"
            + "bf1300a020807f1a67c3040c");

    private NodeRouter<Connection> routes;
    private MessageHandler handler;
    private FakeConnection ultrapeer;
    private FakeConnection leaf;

    @BeforeEach
    void setUp() {
        Guid id = Guid.random();
        routes = new NodeRouter<>(RouterConfig.defaults(), id, new VirtualTime());
        handler = new MessageHandler(routes, new QrpPublisher(null, routes),
                new LocalResponder(null, id, LocalResponder.Reach.OPEN)::answer,
                new AnswerPool(), new SearchRegistry(), null, new QuietHooks(), MessageTrace.NONE);
        ultrapeer = FakeConnection.gtkg(1, true);
        leaf = FakeConnection.gtkg(2, false);
        handler.onConnected(ultrapeer);
        handler.onConnected(leaf);
        ultrapeer.sent.clear();
        leaf.sent.clear();
    }

    @Test
    void aLeafTableFromGtkGnutellaIsPassedOnToUltrapeers() throws Exception {
        sendLeafTable();

        QrpTable sent = tableIn(ultrapeer.sent);
        assertThat(sent.contains("charliedelta")).isTrue();
        assertThat(leaf.sent).isEmpty();
    }

    @Test
    void theSameLeafTableAgainSendsNothingNew() throws Exception {
        sendLeafTable();
        ultrapeer.sent.clear();

        sendLeafTable();

        assertThat(ultrapeer.sent).isEmpty();
    }

    @Test
    void aLeafThatLeavesTakesItsKeywordsOutOfTheTable() throws Exception {
        sendLeafTable();
        ultrapeer.sent.clear();

        handler.onDisconnected(leaf, "gone");

        QrpTable sent = tableIn(ultrapeer.sent);
        assertThat(sent.contains("charliedelta")).isFalse();
    }

    @Test
    void ourOwnKeywordsStayInTheTable() throws Exception {
        routes.ownTableChanged(QrpTable.builder().addName("bravozulu-shoal-only.txt").build());

        sendLeafTable();

        QrpTable sent = tableIn(ultrapeer.sent);
        assertThat(sent.contains("charliedelta")).isTrue();
        assertThat(sent.contains("bravozulu")).isTrue();
    }

    private void sendLeafTable() {
        handler.onFrame(leaf, frame(GTKG_LEAF_RESET));
        handler.onFrame(leaf, frame(GTKG_LEAF_PATCH));
    }

    private static Frame frame(byte[] payload) {
        return new Frame(new Header(Guid.random(), MessageType.ROUTE_TABLE_UPDATE, 1, 0, payload.length), payload);
    }

    /** Reassembles the RESET + PATCH frames one connection was sent. */
    private static QrpTable tableIn(List<Frame> frames) throws Exception {
        assertThat(frames).isNotEmpty();
        QrpTable table = null;
        try (QrpTableAssembler assembler = new QrpTableAssembler()) {
            for (Frame f : frames) {
                assertThat(f.header().type()).isEqualTo(MessageType.ROUTE_TABLE_UPDATE);
                assertThat(f.header().ttl()).isEqualTo(1);
                Optional<QrpTable> done = assembler.accept(MessageCodec.decode(f));
                if (done.isPresent()) {
                    table = done.get();
                }
            }
        }
        assertThat(table).as("a complete table").isNotNull();
        return table;
    }
}
