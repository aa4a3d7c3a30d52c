package dev.shoal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.net.InboundBudget.Limits;
import dev.shoal.net.InboundBudget.Rate;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.MessageType;
import dev.shoal.time.VirtualTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each kind of message has its own rate, all frames one byte rate, and overflow costs strikes; on virtual time. */
class InboundBudgetTest {
    private final VirtualTime time = new VirtualTime();
    private static final Rate ROOMY = new Rate(1_000, 1_000_000);

    private static Limits limits(Rate pings, Rate queries, Rate bytes, Rate strikes) {
        return new Limits(pings, ROOMY, queries, ROOMY, ROOMY, ROOMY, ROOMY, ROOMY, bytes, strikes);
    }

    @Test
    void aKindGetsItsBurstThenItsRateAndOtherKindsAreNotTouched() throws Exception {
        InboundBudget b = new InboundBudget(limits(new Rate(2, 3), ROOMY, new Rate(1 << 20, 1 << 20), ROOMY), time);
        for (int i = 0; i < 3; i++) {
            assertThat(b.admit(MessageType.PING, 23)).as("ping %d of the burst", i).isNull();
        }
        assertThat(b.admit(MessageType.PING, 23)).isEqualTo(DropReason.PING_FLOOD);
        assertThat(b.admit(MessageType.QUERY, 40)).as("queries have their own budget").isNull();

        time.advance(Duration.ofMillis(500));
        assertThat(b.admit(MessageType.PING, 23)).as("one ping earned in half a second").isNull();
        assertThat(b.admit(MessageType.PING, 23)).isEqualTo(DropReason.PING_FLOOD);
    }

    @Test
    void aQuietLinkHoldsBucketsOnlyForWhatItSent() throws Exception {
        InboundBudget b = new InboundBudget(Limits.defaults(), time);
        assertThat(b.buckets()).isZero();
        assertThat(b.admit(MessageType.PONG, 37)).isNull();
        assertThat(b.buckets()).as("pongs and bytes").isEqualTo(2);
    }

    @Test
    void aBucketMadeAtFirstUseIsAsFullAsOneMadeWithTheLink() throws Exception {
        InboundBudget b = new InboundBudget(limits(new Rate(1, 3), ROOMY, ROOMY, ROOMY), time);
        time.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(b.admit(MessageType.PING, 23)).as("ping %d of the burst", i).isNull();
        }
        assertThat(b.admit(MessageType.PING, 23)).isEqualTo(DropReason.PING_FLOOD);
    }

    @Test
    void everyKindHasItsReason() throws Exception {
        Rate one = new Rate(0, 1);
        InboundBudget b = new InboundBudget(new Limits(one, one, one, one, one, one, one, one, ROOMY, ROOMY), time);
        byte[] types = {MessageType.PING, MessageType.PONG, MessageType.QUERY, MessageType.QUERY_HIT,
            MessageType.PUSH, MessageType.ROUTE_TABLE_UPDATE, MessageType.VENDOR, MessageType.BYE};
        DropReason[] reasons = {DropReason.PING_FLOOD, DropReason.PONG_FLOOD, DropReason.QUERY_FLOOD,
            DropReason.HIT_FLOOD, DropReason.PUSH_FLOOD, DropReason.QRP_FLOOD, DropReason.VENDOR_FLOOD,
            DropReason.OTHER_FLOOD};
        for (int i = 0; i < types.length; i++) {
            assertThat(b.admit(types[i], 23)).isNull();
            assertThat(b.admit(types[i], 23)).isEqualTo(reasons[i]);
        }
        assertThat(b.admit(MessageType.VENDOR_STANDARD, 23)).as("both vendor types share one budget")
                .isEqualTo(DropReason.VENDOR_FLOOD);
    }

    @Test
    void bytesAreCountedAcrossKinds() throws Exception {
        InboundBudget b = new InboundBudget(limits(ROOMY, ROOMY, new Rate(1000, 1000), ROOMY), time);
        assertThat(b.admit(MessageType.QUERY, 600)).isNull();
        assertThat(b.admit(MessageType.PING, 600)).isEqualTo(DropReason.BYTE_FLOOD);
        assertThat(b.admit(MessageType.PING, 400)).isNull();
        time.advance(Duration.ofMillis(100));
        assertThat(b.admit(MessageType.PING, 100)).as("100 bytes earned in 100 ms").isNull();
        assertThat(b.admit(MessageType.PING, 23)).isEqualTo(DropReason.BYTE_FLOOD);
    }

    @Test
    void aLinkThatRunsOutOfStrikesIsFlooding() throws Exception {
        InboundBudget b = new InboundBudget(limits(new Rate(0, 1), ROOMY, ROOMY, new Rate(0, 5)), time);
        assertThat(b.admit(MessageType.PING, 23)).isNull();
        for (int i = 0; i < 5; i++) {
            assertThat(b.admit(MessageType.PING, 23)).isEqualTo(DropReason.PING_FLOOD);
        }
        assertThatThrownBy(() -> b.admit(MessageType.PING, 23))
                .isInstanceOfSatisfying(PeerMisbehaved.class, e -> {
                    assertThat(e.reason()).isEqualTo(DropReason.FLOODING);
                    assertThat(e.byeCode()).isEqualTo(Bye.TOO_MANY_ERRORS);
                })
                .hasMessageContaining("ping_flood");
    }

    @Test
    void unlimitedNeverDrops() throws Exception {
        InboundBudget b = new InboundBudget(Limits.unlimited(), time);
        for (int i = 0; i < 100_000; i++) {
            assertThat(b.admit(MessageType.QUERY, 65_000)).isNull();
        }
    }

    @Test
    void theDefaultsLetAWholeQrpTableAndASearchsHitsThrough() throws Exception {
        InboundBudget b = new InboundBudget(Limits.defaults(), time);
        for (int i = 0; i < 256; i++) {
            assertThat(b.admit(MessageType.ROUTE_TABLE_UPDATE, 4096 + 23)).as("patch %d", i).isNull();
        }
        for (int i = 0; i < 150; i++) {
            assertThat(b.admit(MessageType.QUERY_HIT, 1500)).as("hit %d", i).isNull();
        }
    }
}
