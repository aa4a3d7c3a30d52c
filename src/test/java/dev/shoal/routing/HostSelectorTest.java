package dev.shoal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostSelectorTest {
    private final HostSelector<String> hosts = new HostSelector<>(10);

    @Test
    void theWantedRoleComesFirstThenReliabilityThenUptimeThenRecency() {
        hosts.heardOf("leaf", false, 99_000_000, 500);
        hosts.heardOf("old", true, 1_000, 100);
        hosts.heardOf("recent", true, 1_000, 400);
        hosts.heardOf("long-up", true, 50_000, 100);
        hosts.heardOf("proven", true, 0, 0);
        hosts.connected("proven", 0);
        hosts.heardOf("flaky", true, 90_000_000, 0);
        hosts.connected("flaky", 0);
        hosts.connected("flaky", 0);
        hosts.failed("flaky", 0);
        assertThat(hosts.best(10, true, h -> false, 1_000_000))
                .containsExactly("proven", "long-up", "recent", "old", "flaky", "leaf");
        assertThat(hosts.best(2, false, h -> false, 1_000_000)).containsExactly("leaf", "proven");
    }

    @Test
    void aFailedHostRestsTenSecondsDoublingWithEachFailureInARow() {
        hosts.heardOf("a", true, 0, 0);
        hosts.failed("a", 1_000);
        assertThat(hosts.best(1, true, h -> false, 10_999)).isEmpty();
        assertThat(hosts.best(1, true, h -> false, 11_000)).containsExactly("a");
        hosts.failed("a", 11_000);
        assertThat(hosts.best(1, true, h -> false, 30_999)).isEmpty();
        assertThat(hosts.best(1, true, h -> false, 31_000)).containsExactly("a");
        hosts.connected("a", 31_000);
        assertThat(hosts.get("a").failuresInARow()).isZero();
        assertThat(hosts.get("a").successes()).isEqualTo(1);
        for (int i = 0; i < 30; i++) {
            hosts.failed("a", 40_000);
        }
        assertThat(hosts.best(1, true, h -> false, 40_000 + 30 * 60_000 - 1)).isEmpty();
        assertThat(hosts.best(1, true, h -> false, 40_000 + 30 * 60_000)).containsExactly("a");
    }

    @Test
    void skippedHostsAreLeftOutAndWhenFullTheWorstGoes() {
        HostSelector<Integer> small = new HostSelector<>(3);
        small.heardOf(1, true, 0, 0);
        small.heardOf(2, false, 0, 0);
        small.heardOf(3, true, 0, 0);
        small.heardOf(4, true, 0, 5);
        assertThat(small.size()).isEqualTo(3);
        assertThat(small.get(2)).isNull();
        assertThat(small.best(3, true, h -> h == 3, 0)).isEqualTo(List.of(4, 1));
    }

    @Test
    void aRestoredHostKeepsItsRecordAndAllHostsCanBeListed() {
        HostSelector<String> small = new HostSelector<>(2);
        small.heardOf("a", true, 0, 0);
        small.heardOf("b", false, 0, 0);
        small.restore(new HostSelector.Host<>("c", true, 5, 7_000, 4, 0, 0));

        assertThat(small.size()).isEqualTo(2);
        assertThat(small.get("b")).as("the worst went to make room").isNull();
        assertThat(small.get("c")).isEqualTo(new HostSelector.Host<>("c", true, 5, 7_000, 4, 0, 0));
        assertThat(small.hosts()).extracting(HostSelector.Host::address).containsExactlyInAnyOrder("a", "c");
        assertThat(small.best(1, true, h -> false, 10)).containsExactly("c");
    }
}
