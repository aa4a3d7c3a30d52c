package dev.shoal.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.handshake.HandshakeHeaders;
import dev.shoal.routing.HostSelector;
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
    void boundedByEvictingTheWorstHostWhichAmongEqualsIsTheOneHeardOfLongestAgo() {
        HostCache c = new HostCache(null, 3);
        c.add(host(1), 100);
        c.add(host(2), 50);
        c.add(host(3), 300);
        c.add(host(4), 200);
        assertThat(c.size()).isEqualTo(3);
        assertThat(c.contains(host(2))).isFalse();
        assertThat(c.best(10)).containsExactly(host(3), host(4), host(1));
    }

    @Test
    void theBestAreTriedFirstUltrapeersThenReliableThenLongUpThenRecent() {
        HostCache c = new HostCache(null, 10);
        c.add(host(1), 900);
        c.heard(host(2), true, 5_000, 100);
        c.heard(host(3), true, 60_000, 100);
        c.addUltrapeer(host(4), 100);
        c.succeeded(host(4), 100);
        c.heard(host(5), true, 99_000, 800);
        c.succeeded(host(5), 800);
        c.failed(host(5), 800);
        long now = 1_000_000;
        assertThat(c.dialCandidates(10, now, Set.of())).containsExactly(host(4), host(3), host(2), host(5), host(1));
        assertThat(c.ultrapeers(10, now)).containsExactly(host(4), host(3), host(2), host(5));
        // A host of unknown role keeps what we knew of it.
        c.add(host(3), 2_000);
        assertThat(c.get(host(3)).orElseThrow().ultrapeer()).isTrue();
        assertThat(c.get(host(3)).orElseThrow().uptimeMillis()).isEqualTo(60_000);
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
        long first = HostSelector.FIRST_REST_MILLIS;
        c.attempted(host(1), t);
        c.failed(host(1), t);
        assertThat(c.dialCandidates(1, t + first - 1, Set.of())).isEmpty();
        assertThat(c.dialCandidates(1, t + first, Set.of())).hasSize(1);
        long t2 = t + 120_000;
        c.attempted(host(1), t2);
        c.failed(host(1), t2);
        assertThat(c.dialCandidates(1, t2 + first, Set.of())).isEmpty();
        assertThat(c.dialCandidates(1, t2 + 2 * first + 60_000, Set.of())).hasSize(1);
        assertThat(c.dialCandidates(1, t2 + 3 * first, Set.of(host(1)))).isEmpty();
    }

    @Test
    void savesEveryHostsRecordAndLoadsItBackSkippingGarbage() throws Exception {
        Path file = dir.resolve("hosts.txt");
        HostCache c = new HostCache(file, 10);
        c.add(host(1), 10);
        c.heard(host(2), true, 7_000, 20);
        c.succeeded(host(2), 30);
        c.failed(host(1), 40);
        c.save();
        assertThat(Files.readAllLines(file)).contains("127.0.0.1:10002 30 ultrapeer 7 1 0 0",
                "127.0.0.1:10001 10 leaf 0 0 1 40");
        Files.writeString(file, "garbage\nunresolved-name:6346 5\n" + Files.readString(file)
                + "127.1.2.4:x\n127.1.2.5:7 1 elephant 0 0 0 0\n");
        HostCache again = new HostCache(file, 10);
        again.load();
        assertThat(again.best(10)).isEqualTo(List.of(host(2), host(1)));
        assertThat(again.get(host(2)).orElseThrow()).isEqualTo(c.get(host(2)).orElseThrow());
        assertThat(again.get(host(1)).orElseThrow()).isEqualTo(c.get(host(1)).orElseThrow());
        assertThat(again.isDirty()).isFalse();
    }

    @Test
    void readsTheOlderTwoColumnFileAsUltrapeersToDial() throws Exception {
        Path file = dir.resolve("hosts.txt");
        Files.writeString(file, "# Shoal host cache: ip:port last-seen-millis\n127.0.0.1:10002 20\n127.0.0.1:10001 10\n");
        HostCache old = new HostCache(file, 10);
        old.load();
        assertThat(old.best(10)).containsExactly(host(2), host(1));
        assertThat(old.get(host(1)).orElseThrow().ultrapeer()).isTrue();
        assertThat(old.dialCandidates(10, 1_000_000, Set.of())).containsExactly(host(2), host(1));
    }

    @Test
    void aHandshakeTeachesUltrapeersAndOtherHostsButNoLoopbackFromAfar() {
        HostCache c = new HostCache(null, 10);
        HandshakeHeaders h = HandshakeHeaders.builder().add("X-Ultrapeer", "True").add("Listen-IP", "10.0.0.1:6346")
                .add("X-Try-Ultrapeers", "10.0.0.2:6346, 127.0.0.1:7000").add("X-Try", "10.0.0.3:6346").build();

        c.learn(h, false, 100);

        assertThat(c.get(new InetSocketAddress("10.0.0.1", 6346)).orElseThrow().ultrapeer()).isTrue();
        assertThat(c.get(new InetSocketAddress("10.0.0.2", 6346)).orElseThrow().ultrapeer()).isTrue();
        assertThat(c.get(new InetSocketAddress("10.0.0.3", 6346)).orElseThrow().ultrapeer()).isFalse();
        assertThat(c.contains(new InetSocketAddress("127.0.0.1", 7000))).as("loopback named from afar").isFalse();
        c.learn(h, true, 200);
        assertThat(c.contains(new InetSocketAddress("127.0.0.1", 7000))).isTrue();
        // A leaf's own address is not an ultrapeer to dial.
        c.learn(HandshakeHeaders.builder().add("X-Ultrapeer", "False").add("Listen-IP", "10.0.0.9:6346").build(),
                false, 300);
        assertThat(c.contains(new InetSocketAddress("10.0.0.9", 6346))).isFalse();
    }
}
