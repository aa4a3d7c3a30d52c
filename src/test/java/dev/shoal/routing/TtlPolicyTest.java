package dev.shoal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageType;
import org.junit.jupiter.api.Test;

class TtlPolicyTest {
    private final TtlPolicy policy = TtlPolicy.defaults();

    private static Header query(int ttl, int hops) {
        return new Header(Guid.random(), MessageType.QUERY, ttl, hops, 0);
    }

    @Test
    void defaultsAreMaxTtl4HopsTtl4HardLimit15() {
        assertThat(policy).isEqualTo(new TtlPolicy(4, 4, 15));
    }

    @Test
    void ownTtlAboveMaxIsClampedAndSaysSo() {
        assertThat(policy.clampOwn(7)).isEqualTo(new TtlPolicy.Clamped(4, true));
    }

    @Test
    void ownTtlWithinRangeIsKept() {
        assertThat(policy.clampOwn(3)).isEqualTo(new TtlPolicy.Clamped(3, false));
        assertThat(policy.clampOwn(4)).isEqualTo(new TtlPolicy.Clamped(4, false));
    }

    @Test
    void ownTtlZeroIsRaisedToOneBecauseTtlZeroIsNeverSent() {
        assertThat(policy.clampOwn(0)).isEqualTo(new TtlPolicy.Clamped(1, true));
    }

    @Test
    void receivingDecrementsTtlAndIncrementsHops() {
        Header out = policy.forwardHeader(query(3, 0));
        assertThat(out.ttl()).isEqualTo(2);
        assertThat(out.hops()).isEqualTo(1);
    }

    @Test
    void forwardedTtlIsTrimmedSoHopsPlusTtlStaysWithinTheCap() {
        Header out = policy.forwardHeader(query(7, 0));
        assertThat(out.hops()).isEqualTo(1);
        assertThat(out.ttl()).isEqualTo(3);
        assertThat(out.hops() + out.ttl()).isEqualTo(4);
    }

    @Test
    void messageWhoseTtlRunsOutIsNotForwardable() {
        assertThat(TtlPolicy.forwardable(policy.forwardHeader(query(1, 2)))).isFalse();
        assertThat(TtlPolicy.forwardable(policy.forwardHeader(query(2, 1)))).isTrue();
    }

    @Test
    void messageAlreadyAtTheHopsCapIsNotForwardable() {
        Header out = policy.forwardHeader(query(5, 4));
        assertThat(out.ttl()).isZero();
        assertThat(TtlPolicy.forwardable(out)).isFalse();
    }

    @Test
    void hopsPlusTtlAbove15ExceedsTheHardLimit() {
        assertThat(policy.exceedsHardLimit(query(10, 5))).isFalse();
        assertThat(policy.exceedsHardLimit(query(10, 6))).isTrue();
    }

    @Test
    void invalidPoliciesAreRejected() {
        assertThatThrownBy(() -> new TtlPolicy(0, 4, 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TtlPolicy(4, 16, 15)).isInstanceOf(IllegalArgumentException.class);
    }
}
