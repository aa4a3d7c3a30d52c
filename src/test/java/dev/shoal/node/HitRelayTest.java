package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.net.Connection;
import dev.shoal.node.api.SearchHit;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Push;
import dev.shoal.protocol.Query;
import dev.shoal.routing.RouterConfig;
import dev.shoal.time.VirtualTime;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A hit we only pass on is routed by its header and the servent id in its last 16 bytes, and
 * never decoded: its bytes go on untouched. Only hits for our own searches are decoded.
 */
class HitRelayTest {
    private final NodeRouter<Connection> routes = new NodeRouter<>(RouterConfig.defaults(), Guid.random(),
            new VirtualTime());
    private final AnswerPool pool = new AnswerPool();
    private final MessageHandler handler = new MessageHandler(routes, new QrpPublisher(null, routes),
            (query, keywords, advertised) -> List.of(), pool, new SearchRegistry(), null, new QuietHooks(),
            MessageTrace.NONE);
    private final FakeConnection asker = FakeConnection.gtkg(1, true);
    private final FakeConnection answerer = FakeConnection.gtkg(2, true);

    HitRelayTest() {
        handler.onConnected(asker);
        handler.onConnected(answerer);
    }

    @AfterEach
    void stop() {
        pool.close();
    }

    /** A hit payload whose results are not decodable, ending with {@code servent}'s id. */
    private static byte[] undecodableHit(Guid servent) {
        byte[] payload = new byte[60];
        payload[0] = 5; // five results announced, none there
        System.arraycopy(servent.toBytes(), 0, payload, payload.length - 16, 16);
        return payload;
    }

    @Test
    void aRelayedHitGoesBackByteForByteAndTeachesThePushRoute() {
        Frame query = MessageCodec.frame(Guid.random(), 3, 0, Query.keywords("anything"));
        handler.onFrame(asker, query);
        Guid servent = Guid.random();
        byte[] payload = undecodableHit(servent);
        handler.onFrame(answerer, new Frame(new Header(query.header().guid(), MessageType.QUERY_HIT, 5, 1,
                payload.length), payload));

        List<Frame> relayed = asker.sent.stream().filter(f -> f.header().type() == MessageType.QUERY_HIT).toList();
        assertThat(relayed).hasSize(1);
        assertThat(relayed.get(0).payload()).isEqualTo(payload);
        assertThat(relayed.get(0).header().hops()).isEqualTo(2);
        assertThat(relayed.get(0).header().ttl()).isEqualTo(4);

        // The servent id read from the trailer routes a Push to it back through the answerer.
        Push push = new Push(servent, 1, new InetSocketAddress("127.0.0.1", 6346), Ggep.EMPTY);
        handler.onFrame(asker, MessageCodec.frame(Guid.random(), 5, 0, push));
        assertThat(answerer.sent).anyMatch(f -> f.header().type() == MessageType.PUSH);
    }

    @Test
    void aHitTooShortToHoldAServentIdIsDropped() {
        Frame query = MessageCodec.frame(Guid.random(), 3, 0, Query.keywords("anything"));
        handler.onFrame(asker, query);
        byte[] tooShort = new byte[26];
        handler.onFrame(answerer, new Frame(new Header(query.header().guid(), MessageType.QUERY_HIT, 5, 1,
                tooShort.length), tooShort));

        assertThat(asker.sent).noneMatch(f -> f.header().type() == MessageType.QUERY_HIT);
    }

    @Test
    void aHitForOurOwnSearchIsDecodedAndAnUndecodableOneIsNotDelivered() {
        List<SearchHit> delivered = new CopyOnWriteArrayList<>();
        Guid search = handler.search(Query.keywords("anything"), 3, delivered::add, new SearchTrail()).query().guid();
        byte[] payload = undecodableHit(Guid.random());
        handler.onFrame(answerer, new Frame(new Header(search, MessageType.QUERY_HIT, 5, 1, payload.length),
                payload));

        assertThat(delivered).isEmpty();
        assertThat(asker.sent).noneMatch(f -> f.header().type() == MessageType.QUERY_HIT);
    }
}
