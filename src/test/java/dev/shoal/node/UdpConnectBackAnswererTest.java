package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.UdpConnectBack;
import dev.shoal.protocol.handshake.HandshakeHeaders;
import dev.shoal.time.VirtualTime;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a UDP connect-back ping goes, what it carries, and how often we send one, in virtual time. */
class UdpConnectBackAnswererTest {
    private final VirtualTime time = new VirtualTime();
    private final List<InetSocketAddress> targets = new ArrayList<>();
    private final List<Frame> pings = new ArrayList<>();
    private final UdpConnectBackAnswerer answerer = new UdpConnectBackAnswerer(time.clock(), (to, frame) -> {
        targets.add(to);
        pings.add(frame);
        return true;
    });

    @Test
    void thePingGoesToTheAskingLinksAddressAtThePortAskedWithTheGuidAsked() {
        FakeConnection link = link(1);
        Guid guid = Guid.random();

        assertThat(answerer.answer(link, new UdpConnectBack.Ask(7001, guid))).isTrue();

        assertThat(targets).containsExactly(new InetSocketAddress(link.remoteAddress().getAddress(), 7001));
        assertThat(pings).singleElement().satisfies(f -> {
            assertThat(f.header().type()).isEqualTo(MessageType.PING);
            assertThat(f.header().guid()).isEqualTo(guid);
            assertThat(f.header().ttl()).isEqualTo(1);
        });
    }

    @Test
    void eachLinkIsAnsweredOnceAndAtMostThirtyLinksAMinute() {
        FakeConnection first = link(1);
        answerer.answer(first, new UdpConnectBack.Ask(7001, Guid.random()));
        assertThat(answerer.answer(first, new UdpConnectBack.Ask(7002, Guid.random()))).as("asked twice").isFalse();

        for (int i = 2; i <= 40; i++) {
            answerer.answer(link(i), new UdpConnectBack.Ask(7001, Guid.random()));
        }
        assertThat(pings).hasSize(UdpConnectBackAnswerer.PER_MINUTE);

        time.advance(Duration.ofMinutes(1));
        assertThat(answerer.answer(link(41), new UdpConnectBack.Ask(7001, Guid.random()))).isTrue();
        assertThat(pings).hasSize(UdpConnectBackAnswerer.PER_MINUTE + 1);
    }

    private static FakeConnection link(long id) {
        return new FakeConnection(id, HandshakeHeaders.builder().add("X-Ultrapeer", "False").build());
    }
}
