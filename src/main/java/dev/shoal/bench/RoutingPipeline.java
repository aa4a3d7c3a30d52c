package dev.shoal.bench;

import dev.shoal.node.NodeRouter;
import dev.shoal.protocol.BadMessageException;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.FramingException;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Payload;
import dev.shoal.protocol.Ping;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryHit;
import dev.shoal.routing.HitRoute;
import dev.shoal.routing.PingRoute;
import dev.shoal.routing.QrpTable;
import dev.shoal.routing.QueryRoute;
import dev.shoal.routing.RouterConfig;
import dev.shoal.time.Clock;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * What an ultrapeer does with each message it receives, minus the socket and the local Lucene
 * answer, as the servent's message handler does it: cut the frame (header read, payload copied,
 * as the network decoder does), read a hit's servent id from its trailer or decode any other
 * message with {@link MessageCodec}, ask the servent's own {@link NodeRouter} (its lock, the
 * system clock), and build the frame it would forward. Sockets are replaced by
 * {@link Workload#LINKS} fake connections: four ultrapeers and two leaves that sent QRP tables.
 * Counts outcomes so a test can check that the stream really exercises routing.
 */
final class RoutingPipeline implements MessageSink {
    private static final int MAX_PAYLOAD = 65_535;

    private final NodeRouter<FakeLink> routes = new NodeRouter<>(RouterConfig.defaults(), Guid.random(),
            Clock.system());
    private final FakeLink[] links = new FakeLink[Workload.LINKS];
    private long forwardedQueries;
    private long routedHits;
    private long droppedHits;
    private long answeredPings;
    private long duplicates;
    private long bad;

    /** A connection with identity equality, like the servent's real connections. */
    private static final class FakeLink {
        final int id;

        FakeLink(int id) {
            this.id = id;
        }
    }

    /** @param leafTables the QRP tables of the two leaf connections */
    RoutingPipeline(List<QrpTable> leafTables) {
        for (int i = 0; i < links.length; i++) {
            links[i] = new FakeLink(i);
            boolean leaf = i >= Workload.ULTRAPEERS;
            routes.opened(links[i], leaf);
            if (leaf) {
                routes.tableReceived(links[i], leafTables.get((i - Workload.ULTRAPEERS) % leafTables.size()));
            }
        }
    }

    @Override
    public long accept(byte[] wire, int link) {
        FakeLink from = links[link];
        try {
            Header h = Header.read(ByteBuffer.wrap(wire), MAX_PAYLOAD);
            Frame frame = new Frame(h, Arrays.copyOfRange(wire, Header.SIZE, Header.SIZE + h.payloadLength()));
            if (h.type() == MessageType.QUERY_HIT) {
                return hit(from, frame, QueryHit.serventId(frame.payload()));
            }
            Payload payload = MessageCodec.decode(frame);
            if (payload instanceof Query q) {
                return query(from, frame, q);
            } else if (payload instanceof Ping) {
                return ping(from, frame);
            }
            return 0;
        } catch (FramingException | BadMessageException e) {
            bad++;
            return -1;
        }
    }

    private long query(FakeLink from, Frame frame, Query q) {
        QueryRoute<FakeLink> route = routes.query(from, frame.header(), q.keywords(), q.urns());
        if (route.duplicate()) {
            duplicates++;
        }
        long out = route.answerLocally() ? 1 : 0;
        if (!route.forwardTo().isEmpty()) {
            Frame forward = new Frame(route.forwardHeader(), frame.payload());
            for (FakeLink target : route.forwardTo()) {
                out += forward.size() + target.id;
                forwardedQueries++;
            }
        }
        return out;
    }

    private long hit(FakeLink from, Frame frame, Guid servent) {
        HitRoute<FakeLink> route = routes.queryHit(from, frame.header(), servent);
        if (route.sendTo() == null) {
            droppedHits++;
            return 0;
        }
        routedHits++;
        return new Frame(route.forwardHeader(), frame.payload()).size() + route.sendTo().id;
    }

    private long ping(FakeLink from, Frame frame) {
        PingRoute route = routes.ping(from, frame.header());
        if (route.duplicate()) {
            duplicates++;
            return 0;
        }
        answeredPings++;
        return 1;
    }

    long forwardedQueries() {
        return forwardedQueries;
    }

    long routedHits() {
        return routedHits;
    }

    long droppedHits() {
        return droppedHits;
    }

    long answeredPings() {
        return answeredPings;
    }

    long duplicates() {
        return duplicates;
    }

    long bad() {
        return bad;
    }
}
