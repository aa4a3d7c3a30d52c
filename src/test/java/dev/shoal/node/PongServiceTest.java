package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.net.HostCache;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Pong;
import dev.shoal.protocol.PongExtensions;
import dev.shoal.protocol.handshake.HandshakeHeaders;
import dev.shoal.time.VirtualTime;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pings answered from our own pong and the pong cache; hosts learned from pongs; the cache refreshed. */
class PongServiceTest {
    private final VirtualTime time = new VirtualTime();
    private final HostCache hosts = new HostCache(null, 100);
    private final PongService pongs = new PongService(time, hosts, (c, f) -> c.send(f));
    private final Pong own = new Pong(new InetSocketAddress("127.0.0.1", 6346), 3, 40, Ggep.EMPTY);
    private final FakeConnection pinger = FakeConnection.gtkg(1, true);
    private static final Optional<PongExtensions.FreeSlots> ULTRAPEER = Optional.of(new PongExtensions.FreeSlots(20, 9));

    private static Pong ultrapeerPong(int host, long uptime) {
        return new Pong(new InetSocketAddress("127.0.1." + host, 6346), host, 0,
                Ggep.of(PongExtensions.ultrapeer(5, 5), PongExtensions.dailyUptime(uptime)));
    }

    private static Header ping(int ttl) {
        return new Header(Guid.random(), MessageType.PING, ttl, 0, 0);
    }

    private static Pong decode(Frame f) throws Exception {
        return (Pong) MessageCodec.decode(f);
    }

    @Test
    void ourPongSaysUptimeAndFreeSlotsToPeersThatSpeakGgep() throws Exception {
        time.advance(Duration.ofSeconds(90));
        FakeConnection ggep = new FakeConnection(2, HandshakeHeaders.builder().add("X-Ultrapeer", "True")
                .add("GGEP", "0.5").build());
        Header ping = ping(1);

        pongs.answer(ggep, ping, own, ULTRAPEER);
        pongs.answer(pinger, ping, own, ULTRAPEER);

        Pong withGgep = decode(ggep.sent.get(0));
        assertThat(ggep.sent.get(0).header().guid()).isEqualTo(ping.guid());
        assertThat(PongExtensions.dailyUptimeSeconds(withGgep.ggep())).hasValue(90);
        assertThat(PongExtensions.freeSlots(withGgep.ggep())).isEqualTo(ULTRAPEER);
        assertThat(decode(pinger.sent.get(0)).ggep().isEmpty()).as("no GGEP to a peer that did not announce it")
                .isTrue();
    }

    @Test
    void anUltrapeerAddsCachedUltrapeerPongsButNotToKeepAlives() throws Exception {
        pongs.received(new Header(Guid.random(), MessageType.PONG, 1, 0, 0), ultrapeerPong(1, 600), true);
        pongs.received(new Header(Guid.random(), MessageType.PONG, 1, 1, 0), ultrapeerPong(2, 60), true);
        pongs.received(new Header(Guid.random(), MessageType.PONG, 1, 0, 0),
                new Pong(new InetSocketAddress("127.0.0.3", 6346), 1, 1, Ggep.EMPTY), true);

        pongs.answer(pinger, ping(1), own, ULTRAPEER);
        assertThat(pinger.sent).as("a keep-alive gets our pong only").hasSize(1);

        pinger.sent.clear();
        Header ping = ping(3);
        pongs.answer(pinger, ping, own, ULTRAPEER);
        assertThat(pinger.sent).hasSize(3);
        assertThat(decode(pinger.sent.get(1)).address()).isEqualTo(new InetSocketAddress("127.0.1.1", 6346));
        assertThat(pinger.sent.get(1).header().hops()).isEqualTo(1);
        assertThat(pinger.sent.get(2).header().hops()).isEqualTo(2);
        assertThat(pinger.sent).allMatch(f -> f.header().guid().equals(ping.guid()));

        pinger.sent.clear();
        pongs.answer(pinger, ping(3), own, Optional.empty());
        assertThat(pinger.sent).as("a leaf gives its own pong only").hasSize(1);
        time.advance(Duration.ofSeconds(6));
        pinger.sent.clear();
        pongs.answer(pinger, ping(3), own, ULTRAPEER);
        assertThat(pinger.sent).as("cached pongs live 6 s").hasSize(1);
    }

    @Test
    void pongsTeachTheHostCacheRolesUptimesAndPackedHosts() {
        InetSocketAddress packed = new InetSocketAddress("127.0.9.9", 7000);
        Pong withIpp = new Pong(new InetSocketAddress("127.0.0.4", 6346), 0, 0,
                ultrapeerPong(4, 3_600).ggep().with(PongExtensions.packedHosts(List.of(packed))));
        pongs.received(new Header(Guid.random(), MessageType.PONG, 1, 0, 0), withIpp, false);
        pongs.received(new Header(Guid.random(), MessageType.PONG, 1, 0, 0),
                new Pong(new InetSocketAddress("127.0.0.5", 6346), 1, 1, Ggep.EMPTY), false);

        assertThat(hosts.get(withIpp.address()).orElseThrow().ultrapeer()).isTrue();
        assertThat(hosts.get(withIpp.address()).orElseThrow().uptimeMillis()).isEqualTo(3_600_000);
        assertThat(hosts.get(packed).orElseThrow().ultrapeer()).isTrue();
        assertThat(hosts.get(new InetSocketAddress("127.0.0.5", 6346)).orElseThrow().ultrapeer()).isFalse();
    }

    @Test
    void theCacheIsRefreshedByPingingUltrapeerLinksEveryThreeSeconds() {
        FakeConnection other = FakeConnection.gtkg(2, true);

        pongs.refresh(List.of(pinger, other));
        time.advance(Duration.ofMillis(2_999));
        pongs.refresh(List.of(pinger, other));
        assertThat(pinger.sent).hasSize(1);
        assertThat(other.sent).hasSize(1);
        assertThat(pinger.sent.get(0).header().ttl()).isEqualTo(PongService.REFRESH_TTL);
        time.advance(Duration.ofMillis(1));
        pongs.refresh(List.of(pinger, other));
        assertThat(pinger.sent).hasSize(2);
    }
}
