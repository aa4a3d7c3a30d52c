package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.net.Connection;
import dev.shoal.net.ConnectionStats;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Pong;
import dev.shoal.protocol.Push;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.handshake.HandshakeHeaders;
import dev.shoal.routing.QrpTable;
import dev.shoal.routing.QrpTableAssembler;
import dev.shoal.routing.Router;
import dev.shoal.routing.RouterConfig;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private Router<Connection> router;
    private MessageHandler handler;
    private FakeConnection ultrapeer;
    private FakeConnection leaf;

    @BeforeEach
    void setUp() {
        Guid id = Guid.random();
        router = new Router<>(RouterConfig.defaults(), id);
        handler = new MessageHandler(router, new LocalResponder(null, id), new SearchRegistry(), new NoHooks(),
                () -> 1_000L);
        ultrapeer = new FakeConnection(1, true);
        leaf = new FakeConnection(2, false);
        handler.onConnected(ultrapeer);
        handler.onConnected(leaf);
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
        router.ownTableChanged(QrpTable.builder().addName("bravozulu-shoal-only.txt").build());

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

    private static final class NoHooks implements MessageHandler.NodeHooks {
        @Override
        public Pong ownPong(Connection to) {
            throw new AssertionError("no pings here");
        }

        @Override
        public InetSocketAddress advertisedAddress(Connection to) {
            return new InetSocketAddress("127.0.0.1", 6346);
        }

        @Override
        public void connected(Connection c) {
        }

        @Override
        public void disconnected(Connection c, String reason) {
        }

        @Override
        public void hostLearned(InetSocketAddress address) {
        }

        @Override
        public void pushForUs(Push push) {
        }

        @Override
        public void queryAnswered(Query query, int hops, int results) {
        }
    }

    /** A link that records what is sent on it; ultrapeers announce QRP like gtk-gnutella does. */
    private static final class FakeConnection implements Connection {
        final List<Frame> sent = new CopyOnWriteArrayList<>();
        private final long id;
        private final HandshakeHeaders headers;

        FakeConnection(long id, boolean ultrapeer) {
            this.id = id;
            this.headers = HandshakeHeaders.builder()
                    .add("User-Agent", "gtk-gnutella/1.2.3 (2024-03-03; Topless; Linux x86_64)")
                    .add("X-Query-Routing", "0.2")
                    .add("X-Ultrapeer", ultrapeer ? "True" : "False")
                    .build();
        }

        @Override
        public long id() {
            return id;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 16000 + (int) id);
        }

        @Override
        public Optional<InetSocketAddress> listenAddress() {
            return Optional.of(remoteAddress());
        }

        @Override
        public HandshakeHeaders peerHeaders() {
            return headers;
        }

        @Override
        public boolean isOutgoing() {
            return false;
        }

        @Override
        public boolean isUltrapeer() {
            return headers.isTrue("X-Ultrapeer");
        }

        @Override
        public String userAgent() {
            return headers.get("User-Agent").orElse("");
        }

        @Override
        public Instant since() {
            return Instant.EPOCH;
        }

        @Override
        public boolean isCompressedIn() {
            return false;
        }

        @Override
        public boolean isCompressedOut() {
            return false;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public ConnectionStats stats() {
            return new ConnectionStats(0, sent.size(), 0, 0, 0, 0, 0, 0);
        }

        @Override
        public boolean send(Frame frame) {
            sent.add(frame);
            return true;
        }

        @Override
        public void close(Bye bye) {
        }
    }
}
