package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.net.Connection;
import dev.shoal.node.api.SearchHit;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.Urn;
import dev.shoal.routing.RouterConfig;
import dev.shoal.time.VirtualTime;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A hit for one of our searches names a servent: one we could dial goes to the host cache; one
 * behind a firewall (push flag) does not, its push proxies are kept instead.
 */
class HitsTeachHostsTest {
    private final List<InetSocketAddress> learned = new CopyOnWriteArrayList<>();
    private final List<Guid> proxiesOf = new CopyOnWriteArrayList<>();
    private final NodeRouter<Connection> routes = new NodeRouter<>(RouterConfig.defaults(), Guid.random(),
            new VirtualTime());
    private final AnswerPool pool = new AnswerPool();
    private final MessageHandler handler = new MessageHandler(routes, new QrpPublisher(null, routes),
            (query, keywords, advertised) -> List.of(), pool, new SearchRegistry(), null, new QuietHooks() {
                @Override
                public void hostLearned(InetSocketAddress address) {
                    learned.add(address);
                }

                @Override
                public void pushProxiesLearned(Guid servent, List<InetSocketAddress> proxies) {
                    proxiesOf.add(servent);
                }
            }, MessageTrace.NONE);
    private final FakeConnection answerer = FakeConnection.gtkg(2, true);

    HitsTeachHostsTest() {
        handler.onConnected(answerer);
    }

    @AfterEach
    void stop() {
        pool.close();
    }

    private static QueryHit hit(InetSocketAddress from, boolean push, Guid servent) {
        return new QueryHit(from, 100, List.of(QueryHit.Result.of(1, 10, "zebra.txt", Urn.sha1(new byte[20]))),
                "TEST", QueryHit.Flags.of(push, false, false, false, false), Ggep.EMPTY, new byte[0], servent);
    }

    @Test
    void aHitFromAServentWeCanDialTeachesItsAddressAndAFirewalledOneDoesNot() {
        List<SearchHit> delivered = new CopyOnWriteArrayList<>();
        Guid search = handler.search(Query.keywords("zebra"), 3, delivered::add, new SearchTrail()).query().guid();
        InetSocketAddress open = new InetSocketAddress("10.0.0.7", 6346);
        InetSocketAddress firewalled = new InetSocketAddress("10.0.0.8", 6346);
        Guid firewalledServent = Guid.random();

        handler.onFrame(answerer, MessageCodec.frame(search, 3, 1, hit(open, false, Guid.random())));
        handler.onFrame(answerer, MessageCodec.frame(search, 3, 1, hit(firewalled, true, firewalledServent)));

        assertThat(delivered).hasSize(2);
        assertThat(learned).containsExactly(open);
        assertThat(proxiesOf).containsExactly(firewalledServent);
    }
}
