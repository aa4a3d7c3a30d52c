package dev.shoal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Guid;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private static final long MINUTE = 60_000;

    @Test
    void guidRoutesBackToTheConnectionItCameFrom() {
        RouteTable<String> table = new RouteTable<>(MINUTE, 100);
        Guid g = Guid.random();
        table.put(g, "a", 0);
        assertThat(table.get(g, 1)).isEqualTo("a");
        assertThat(table.get(Guid.random(), 1)).isNull();
    }

    @Test
    void newerRouteReplacesOlderOne() {
        RouteTable<String> table = new RouteTable<>(MINUTE, 100);
        Guid g = Guid.random();
        table.put(g, "a", 0);
        table.put(g, "b", MINUTE + 1);
        assertThat(table.get(g, MINUTE + 2)).isEqualTo("b");
    }

    @Test
    void closedConnectionIsNeverReturnedInEitherGeneration() {
        RouteTable<String> table = new RouteTable<>(MINUTE, 100);
        Guid old = Guid.random();
        Guid recent = Guid.random();
        Guid other = Guid.random();
        table.put(old, "a", 0);
        table.put(recent, "a", MINUTE + 5);
        table.put(other, "b", MINUTE + 5);
        table.removeConnection("a");
        assertThat(table.get(old, MINUTE + 6)).isNull();
        assertThat(table.get(recent, MINUTE + 6)).isNull();
        assertThat(table.get(other, MINUTE + 6)).isEqualTo("b");
    }

    @Test
    void routeLivesAtLeastOneLifetimeAndExpiresAfterTwo() {
        RouteTable<Integer> table = new RouteTable<>(MINUTE, 100);
        Guid g = Guid.random();
        table.put(g, 1, 0);
        assertThat(table.get(g, MINUTE)).isEqualTo(1);
        assertThat(table.get(g, 2 * MINUTE - 1)).isEqualTo(1);
        assertThat(table.get(g, 2 * MINUTE)).isNull();
    }

    @Test
    void memoryIsBoundedByTwoGenerations() {
        RouteTable<Integer> table = new RouteTable<>(MINUTE, 500);
        for (int i = 0; i < 20_000; i++) {
            table.put(Guid.random(), i % 7, 0);
            assertThat(table.size()).isLessThanOrEqualTo(1000);
        }
    }
}
