package dev.shoal.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.RawPeer;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendQueueTest {
    /** Every test frame is 100 bytes on the wire. */
    private static Frame frame(byte type, int hops) {
        return RawPeer.frame(type, 3, hops, new byte[100 - Header.SIZE]);
    }

    @Test
    void keepsArrivalOrderAndDrainsInBatches() {
        SendQueue q = new SendQueue(1000);
        Frame a = frame(MessageType.QUERY, 0);
        Frame b = frame(MessageType.PING, 0);
        Frame c = frame(MessageType.QUERY_HIT, 0);
        q.offer(a);
        q.offer(b);
        q.offer(c);
        assertThat(q.drain(250)).containsExactly(a, b);
        assertThat(q.drain(10)).containsExactly(c);
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.bytes()).isZero();
    }

    @Test
    void pingsGoFirstThenPongsThenQueries() {
        SendQueue q = new SendQueue(300);
        Frame query = frame(MessageType.QUERY, 0);
        Frame pong = frame(MessageType.PONG, 0);
        Frame ping = frame(MessageType.PING, 0);
        q.offer(query);
        q.offer(pong);
        q.offer(ping);
        Frame hit = frame(MessageType.QUERY_HIT, 0);
        assertThat(q.offer(hit)).isTrue();
        assertThat(q.drain(1000)).containsExactly(query, pong, hit);
        assertThat(q.dropped()).isEqualTo(1);
    }

    @Test
    void aLesserNewcomerIsTheOneDropped() {
        SendQueue q = new SendQueue(200);
        q.offer(frame(MessageType.QUERY_HIT, 1));
        q.offer(frame(MessageType.QUERY, 1));
        assertThat(q.offer(frame(MessageType.PING, 0))).isFalse();
        assertThat(q.size()).isEqualTo(2);
    }

    @Test
    void queriesThatTravelledFurthestDropFirstAndOldestAmongEquals() {
        SendQueue q = new SendQueue(300);
        Frame near = frame(MessageType.QUERY, 0);
        Frame far = frame(MessageType.QUERY, 3);
        Frame mid = frame(MessageType.QUERY, 1);
        q.offer(near);
        q.offer(far);
        q.offer(mid);
        Frame midNew = frame(MessageType.QUERY, 1);
        q.offer(midNew);
        assertThat(q.drain(1000)).containsExactly(near, mid, midNew);
        Frame old = frame(MessageType.QUERY, 2);
        q.offer(old);
        q.offer(frame(MessageType.QUERY, 0));
        q.offer(frame(MessageType.QUERY, 0));
        q.offer(frame(MessageType.QUERY, 2));
        assertThat(q.drain(1000)).doesNotContain(old).hasSize(3);
    }

    @Test
    void hitsThatTravelledFurthestSurvive() {
        SendQueue q = new SendQueue(200);
        Frame close = frame(MessageType.QUERY_HIT, 0);
        Frame far = frame(MessageType.QUERY_HIT, 4);
        q.offer(close);
        q.offer(far);
        Frame farther = frame(MessageType.QUERY_HIT, 5);
        assertThat(q.offer(farther)).isTrue();
        assertThat(q.drain(1000)).containsExactly(far, farther);
    }

    @Test
    void byeQrpAndVendorAreNeverDropped() {
        SendQueue q = new SendQueue(200);
        List<Frame> critical = List.of(frame(MessageType.ROUTE_TABLE_UPDATE, 0), frame(MessageType.VENDOR, 0),
                frame(MessageType.VENDOR_STANDARD, 0), frame(MessageType.BYE, 0));
        for (Frame f : critical) {
            assertThat(q.offer(f)).isTrue();
        }
        assertThat(q.offer(frame(MessageType.QUERY_HIT, 9))).isFalse();
        assertThat(q.drain(10_000)).containsExactlyElementsOf(critical);
    }

    @Test
    void criticalFramesWithoutEndOverloadTheQueue() {
        SendQueue q = new SendQueue(200);
        for (int i = 0; i < 8; i++) {
            q.offer(frame(MessageType.ROUTE_TABLE_UPDATE, 0));
        }
        assertThat(q.overloaded()).isFalse();
        q.offer(frame(MessageType.ROUTE_TABLE_UPDATE, 0));
        assertThat(q.overloaded()).isTrue();
    }

    @Test
    void aFrameLargerThanTheLimitStillGoesThroughAnEmptyQueue() {
        SendQueue q = new SendQueue(50);
        assertThat(q.offer(frame(MessageType.QUERY, 0))).isTrue();
        assertThat(q.offer(frame(MessageType.PING, 0))).isFalse();
    }
}
