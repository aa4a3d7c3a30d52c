package dev.shoal.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostCacheTest {
    @TempDir
    Path dir;

    private static InetSocketAddress host(int i) {
        return new InetSocketAddress("127.0.0." + (1 + i / 1000), 10_000 + i);
    }

    @Test
    void boundedByEvictingTheHostHeardOfLongestAgo() {
        HostCache c = new HostCache(null, 3);
        c.add(host(1), 100);
        c.add(host(2), 50);
        c.add(host(3), 300);
        c.add(host(4), 200);
        assertThat(c.size()).isEqualTo(3);
        assertThat(c.contains(host(2))).isFalse();
        assertThat(c.recent(10)).containsExactly(host(3), host(4), host(1));
    }

    @Test
    void neverHoldsOurOwnAddressOrUndialableOnes() {
        HostCache c = new HostCache(null, 10);
        c.add(host(1), 1);
        c.setSelf(a -> a.equals(host(1)));
        assertThat(c.contains(host(1))).isFalse();
        assertThat(c.add(host(1), 2)).isFalse();
        assertThat(c.add(new InetSocketAddress("0.0.0.0", 6346), 2)).isFalse();
        assertThat(c.add(new InetSocketAddress("224.0.0.1", 6346), 2)).isFalse();
        assertThat(c.add(host(2), 2)).isTrue();
    }

    @Test
    void atMostTwoAttemptsPerMinutePerHost() {
        HostCache c = new HostCache(null, 10);
        c.add(host(1), 0);
        long t = 1_000_000;
        assertThat(c.dialCandidates(5, t, Set.of())).containsExactly(host(1));
        c.attempted(host(1), t);
        c.succeeded(host(1), t + 10);
        assertThat(c.dialCandidates(5, t + 20, Set.of())).containsExactly(host(1));
        c.attempted(host(1), t + 20);
        assertThat(c.dialCandidates(5, t + 30, Set.of())).isEmpty();
        assertThat(c.dialCandidates(5, t + 60_000, Set.of())).containsExactly(host(1));
    }

    @Test
    void failuresBackOffExponentially() {
        HostCache c = new HostCache(null, 10);
        c.add(host(1), 0);
        long t = 1_000_000;
        c.attempted(host(1), t);
        c.failed(host(1), t);
        assertThat(c.dialCandidates(1, t + HostCache.FIRST_BACKOFF_MILLIS - 1, Set.of())).isEmpty();
        assertThat(c.dialCandidates(1, t + HostCache.FIRST_BACKOFF_MILLIS, Set.of())).hasSize(1);
        long t2 = t + 120_000;
        c.attempted(host(1), t2);
        c.failed(host(1), t2);
        assertThat(c.dialCandidates(1, t2 + HostCache.FIRST_BACKOFF_MILLIS, Set.of())).isEmpty();
        assertThat(c.dialCandidates(1, t2 + 2 * HostCache.FIRST_BACKOFF_MILLIS + 60_000, Set.of())).hasSize(1);
        assertThat(c.dialCandidates(1, t2 + 3 * HostCache.FIRST_BACKOFF_MILLIS, Set.of(host(1)))).isEmpty();
    }

    @Test
    void savesAndLoadsTextSkippingGarbage() throws Exception {
        Path file = dir.resolve("hosts.txt");
        HostCache c = new HostCache(file, 10);
        c.add(host(1), 10);
        c.add(host(2), 20);
        c.save();
        assertThat(Files.readAllLines(file)).contains("127.0.0.1:10002 20", "127.0.0.1:10001 10");
        Files.writeString(file, "garbage\nunresolved-name:6346 5\n" + Files.readString(file) + "127.1.2.4:x\n");
        HostCache again = new HostCache(file, 10);
        again.load();
        assertThat(again.recent(10)).isEqualTo(List.of(host(2), host(1)));
        assertThat(again.isDirty()).isFalse();
    }
}
