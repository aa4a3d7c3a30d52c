package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.net.Connection;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.QueryStatus;
import dev.shoal.protocol.Urn;
import dev.shoal.protocol.VendorMessage;
import dev.shoal.routing.RouterConfig;
import dev.shoal.time.VirtualTime;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A leaf's side of leaf guidance, seen from its ultrapeer: the leaf marks its queries leaf-guided,
 * answers BEAR/11 with the results its search has had, and "stop" (0xFFFF) once the search is
 * closed or for a query that was never its own; closing the search says "stop" unasked.
 */
class LeafQueryStatusTest {
    private final NodeRouter<Connection> routes = new NodeRouter<>(RouterConfig.defaults().withLeaf(true),
            Guid.random(), new VirtualTime());
    private final AnswerPool pool = new AnswerPool();
    private final MessageHandler handler = new MessageHandler(routes, new QrpPublisher(null, routes),
            (query, keywords, advertised) -> List.of(), pool, new SearchRegistry(), null, new QuietHooks(),
            MessageTrace.NONE);
    private final FakeConnection ultrapeer = FakeConnection.gtkg(1, true);

    LeafQueryStatusTest() {
        handler.onConnected(ultrapeer);
        ultrapeer.sent.clear();
    }

    @AfterEach
    void stop() {
        pool.close();
    }

    private int askStatus(Guid query) throws Exception {
        ultrapeer.sent.clear();
        handler.onFrame(ultrapeer, MessageCodec.frame(query, 1, 0, QueryStatus.request()));
        Frame answer = ultrapeer.sent.get(0);
        assertThat(answer.header().guid()).isEqualTo(query);
        assertThat(answer.header().ttl()).isEqualTo(1);
        VendorMessage v = (VendorMessage) MessageCodec.decode(answer);
        assertThat(QueryStatus.isResponse(v)).isTrue();
        return QueryStatus.kept(v);
    }

    @Test
    void aLeafMarksItsQueryAndReportsWhatItKeptThenStop() throws Exception {
        NodeRouter.OwnSearch<Connection> own = handler.search(Query.keywords("zebra"), 3, hit -> {
        }, new SearchTrail());
        Guid guid = own.query().guid();
        Query sent = (Query) MessageCodec.decode(ultrapeer.sent.get(0));
        assertThat(sent.hasFlag(Query.FLAG_LEAF_GUIDED)).isTrue();
        assertThat(askStatus(guid)).isZero();

        Urn urn = Urn.parse("urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ");
        QueryHit hit = new QueryHit(new InetSocketAddress("10.0.0.1", 6346), 100, List.of(
                QueryHit.Result.of(1, 10, "zebra one.txt", urn), QueryHit.Result.of(2, 20, "zebra two.txt", urn)),
                null, null, null, null, Guid.random());
        handler.onFrame(ultrapeer, MessageCodec.frame(guid, 3, 1, hit));
        assertThat(askStatus(guid)).isEqualTo(2);

        ultrapeer.sent.clear();
        handler.endSearch(own);
        assertThat(ultrapeer.sent).as("stop, unasked").singleElement()
                .matches(f -> f.header().type() == MessageType.VENDOR && f.header().guid().equals(guid));
        assertThat(QueryStatus.kept((VendorMessage) MessageCodec.decode(ultrapeer.sent.get(0))))
                .isEqualTo(QueryStatus.STOP);
        assertThat(askStatus(guid)).isEqualTo(QueryStatus.STOP);
    }

    @Test
    void aQueryThatIsNotOursGetsStop() throws Exception {
        assertThat(askStatus(Guid.random())).isEqualTo(QueryStatus.STOP);
    }
}
