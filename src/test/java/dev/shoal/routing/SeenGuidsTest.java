package dev.shoal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageType;
import org.junit.jupiter.api.Test;

class SeenGuidsTest {
    private static final long MINUTE = 60_000;

    @Test
    void secondSightingOfTheSameGuidAndTypeIsADuplicate() {
        SeenGuids seen = new SeenGuids(MINUTE, 100);
        Guid g = Guid.random();
        assertThat(seen.add(g, MessageType.QUERY, 0)).isTrue();
        assertThat(seen.add(g, MessageType.QUERY, 10)).isFalse();
    }

    @Test
    void sameGuidWithAnotherPayloadTypeIsNotADuplicate() {
        SeenGuids seen = new SeenGuids(MINUTE, 100);
        Guid g = Guid.random();
        seen.add(g, MessageType.QUERY, 0);
        assertThat(seen.add(g, MessageType.QUERY_HIT, 0)).isTrue();
        assertThat(seen.add(g, MessageType.PING, 0)).isTrue();
    }

    @Test
    void guidIsRememberedForAtLeastOneLifetime() {
        SeenGuids seen = new SeenGuids(MINUTE, 100);
        Guid g = Guid.random();
        seen.add(g, MessageType.QUERY, 0);
        seen.add(Guid.random(), MessageType.QUERY, MINUTE - 1);
        assertThat(seen.contains(g, MessageType.QUERY, MINUTE)).isTrue();
        assertThat(seen.contains(g, MessageType.QUERY, 2 * MINUTE - 1)).isTrue();
    }

    @Test
    void guidIsForgottenAfterTwoLifetimes() {
        SeenGuids seen = new SeenGuids(MINUTE, 100);
        Guid g = Guid.random();
        seen.add(g, MessageType.QUERY, 0);
        assertThat(seen.contains(g, MessageType.QUERY, 2 * MINUTE)).isFalse();
        assertThat(seen.add(g, MessageType.QUERY, 2 * MINUTE)).isTrue();
    }

    @Test
    void lateNoticedRotationStillForgetsWithinTwoLifetimes() {
        SeenGuids seen = new SeenGuids(MINUTE, 100);
        Guid g = Guid.random();
        seen.add(g, MessageType.QUERY, 0);
        // The first call after the generation was due comes late; g must still expire at 2 min.
        assertThat(seen.contains(g, MessageType.QUERY, MINUTE + MINUTE / 2)).isTrue();
        assertThat(seen.contains(g, MessageType.QUERY, 2 * MINUTE)).isFalse();
    }

    @Test
    void memoryIsBoundedByTwoGenerations() {
        SeenGuids seen = new SeenGuids(MINUTE, 1000);
        for (int i = 0; i < 50_000; i++) {
            seen.add(Guid.random(), MessageType.QUERY, i);
            assertThat(seen.size()).isLessThanOrEqualTo(2000);
        }
    }

    @Test
    void fullGenerationRotatesEarlyKeepingTheNewestEntries() {
        SeenGuids seen = new SeenGuids(MINUTE, 3);
        Guid first = Guid.random();
        seen.add(first, MessageType.QUERY, 0);
        Guid[] later = new Guid[6];
        for (int i = 0; i < later.length; i++) {
            later[i] = Guid.random();
            seen.add(later[i], MessageType.QUERY, 1);
        }
        assertThat(seen.contains(first, MessageType.QUERY, 1)).isFalse();
        assertThat(seen.contains(later[5], MessageType.QUERY, 1)).isTrue();
        assertThat(seen.contains(later[3], MessageType.QUERY, 1)).isTrue();
    }
}
