package dev.shoal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Pong;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class PongCacheTest {
    private final PongCache cache = PongCache.defaults();

    private static Pong pong(int host) {
        return new Pong(new InetSocketAddress("10.0.0." + host, 6346), host, 0, Ggep.EMPTY);
    }

    @Test
    void answersNearestFirstNewestFirstAtMostTwoPerHopCount() {
        cache.add(pong(1), 3, 0);
        cache.add(pong(2), 1, 0);
        cache.add(pong(3), 1, 100);
        cache.add(pong(4), 1, 200);
        cache.add(pong(5), 2, 200);
        assertThat(cache.answer(10, 300)).containsExactly(pong(4), pong(3), pong(5), pong(1));
        assertThat(cache.answer(2, 300)).containsExactly(pong(4), pong(3));
    }

    @Test
    void aPongIsGivenOutForSixSecondsOnly() {
        cache.add(pong(1), 1, 1_000);
        cache.add(pong(2), 2, 3_000);
        assertThat(cache.answer(10, 6_999)).containsExactly(pong(1), pong(2));
        assertThat(cache.answer(10, 7_000)).containsExactly(pong(2));
        assertThat(cache.answer(10, 9_000)).isEmpty();
    }

    @Test
    void aNewerPongFromTheSameHostReplacesTheOlderAndFarPongsAreNotKept() {
        cache.add(pong(1), 4, 0);
        cache.add(pong(1), 2, 10);
        cache.add(pong(9), 7, 10);
        cache.add(pong(8), 0, 10);
        assertThat(cache.answer(10, 20)).containsExactly(pong(1));
    }

    @Test
    void refreshIsDueAtOnceAndThenEveryThreeSeconds() {
        assertThat(cache.refreshDue(50_000)).isTrue();
        assertThat(cache.refreshDue(52_999)).isFalse();
        assertThat(cache.refreshDue(53_000)).isTrue();
        assertThat(cache.refreshDue(53_001)).isFalse();
    }

    @Test
    void eachPongGoesOutWithTheHopsItHadMade() {
        PongCache cache = PongCache.defaults();
        cache.add(pong(1), 1, 0);
        cache.add(pong(2), 3, 0);
        assertThat(cache.answerWithHops(10, 10)).containsExactly(new PongCache.Cached(pong(1), 1),
                new PongCache.Cached(pong(2), 3));
    }
}
