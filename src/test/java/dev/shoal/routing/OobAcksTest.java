package dev.shoal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Guid;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The querier's book of acknowledged out-of-band answers, on virtual milliseconds. */
class OobAcksTest {
    private static final InetSocketAddress ANSWERER = new InetSocketAddress("127.0.0.2", 6346);
    private static final InetSocketAddress OTHER = new InetSocketAddress("127.0.0.3", 6346);
    private static final byte[] TOKEN = {1, 2, 3, 4, 5, 6, 7, 8};
    private final Guid query = Guid.random();
    private final OobAcks acks = new OobAcks(50);

    @Test
    void weAskForTheOfferCappedPerAnswererAndByTheRoomLeft() {
        assertThat(acks.acknowledge(query, ANSWERER, 20, 150, TOKEN, 0)).isEqualTo(20);
        assertThat(acks.acknowledge(query, OTHER, 255, 150, TOKEN, 0)).isEqualTo(50);
        assertThat(acks.acknowledge(Guid.random(), ANSWERER, 255, 10, TOKEN, 0)).isEqualTo(10);
    }

    @Test
    void resultsAskedAndNotYetComeCountAgainstTheRoom() {
        assertThat(acks.acknowledge(query, ANSWERER, 50, 60, null, 0)).isEqualTo(50);
        assertThat(acks.acknowledge(query, OTHER, 50, 60, null, 0)).isEqualTo(10);
        assertThat(acks.acknowledge(query, new InetSocketAddress("127.0.0.4", 1), 50, 60, null, 0)).isZero();
    }

    @Test
    void anAnswererIsAcknowledgedOnceAQuery() {
        acks.acknowledge(query, ANSWERER, 5, 150, null, 0);

        assertThat(acks.acknowledge(query, ANSWERER, 5, 150, null, 0)).isEqualTo(OobAcks.ALREADY_ASKED);
    }

    @Test
    void aHitIsTakenOnlyFromTheAcknowledgedAddressWithItsTokenAndWithinTheCount() {
        acks.acknowledge(query, ANSWERER, 15, 150, TOKEN, 0);

        assertThat(acks.take(query, OTHER, TOKEN, 10, 1).verdict()).isEqualTo(OobAcks.Verdict.UNSOLICITED);
        assertThat(acks.take(Guid.random(), ANSWERER, TOKEN, 10, 1).verdict()).isEqualTo(OobAcks.Verdict.UNSOLICITED);
        assertThat(acks.take(query, ANSWERER, new byte[] {9}, 10, 1).verdict()).isEqualTo(OobAcks.Verdict.BAD_TOKEN);
        assertThat(acks.take(query, ANSWERER, null, 10, 1).verdict()).isEqualTo(OobAcks.Verdict.BAD_TOKEN);
        assertThat(acks.take(query, ANSWERER, TOKEN, 10, 1)).isEqualTo(new OobAcks.Taken(OobAcks.Verdict.TAKEN, 10));
        assertThat(acks.take(query, ANSWERER, TOKEN, 10, 1)).isEqualTo(new OobAcks.Taken(OobAcks.Verdict.TAKEN, 5));
        assertThat(acks.take(query, ANSWERER, TOKEN, 1, 1).verdict()).isEqualTo(OobAcks.Verdict.EXCESS);
    }

    @Test
    void withoutATokenAnyHitFromTheAddressCounts() {
        acks.acknowledge(query, ANSWERER, 3, 150, null, 0);

        assertThat(acks.take(query, ANSWERER, null, 3, 0).verdict()).isEqualTo(OobAcks.Verdict.TAKEN);
    }

    @Test
    void anAcknowledgementLapsesAfterItsLifetimeAndWhenTheSearchEnds() {
        acks.acknowledge(query, ANSWERER, 3, 150, null, 0);
        assertThat(acks.take(query, ANSWERER, null, 1, OobAcks.ACK_LIFETIME_MILLIS).verdict())
                .isEqualTo(OobAcks.Verdict.TAKEN);
        assertThat(acks.take(query, ANSWERER, null, 1, OobAcks.ACK_LIFETIME_MILLIS + 1).verdict())
                .isEqualTo(OobAcks.Verdict.UNSOLICITED);

        Guid other = Guid.random();
        acks.acknowledge(other, ANSWERER, 3, 150, null, 0);
        acks.forget(other);
        assertThat(acks.take(other, ANSWERER, null, 1, 0).verdict()).isEqualTo(OobAcks.Verdict.UNSOLICITED);
    }

    @Test
    void theBookIsBoundedAndForgetsTheOldestFirst() {
        Guid first = Guid.random();
        acks.acknowledge(first, ANSWERER, 1, 150, null, 0);
        for (int i = 0; i < OobAcks.MAX_ACKED; i++) {
            acks.acknowledge(Guid.random(), ANSWERER, 1, 150, null, 0);
        }

        assertThat(acks.size()).isEqualTo(OobAcks.MAX_ACKED);
        assertThat(acks.take(first, ANSWERER, null, 1, 0).verdict()).isEqualTo(OobAcks.Verdict.UNSOLICITED);
    }
}
