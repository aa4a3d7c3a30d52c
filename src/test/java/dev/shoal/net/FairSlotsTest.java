package dev.shoal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shoal.RawPeer;
import dev.shoal.protocol.handshake.HandshakeMessage;
import dev.shoal.time.VirtualTime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One host cannot take every slot: each address gets its share of handshaking sockets, links,
 * leaf slots and HTTP sessions, and one that connects too often is banned for a while. The hosts
 * are played from different loopback addresses (all of 127.0.0.0/8 is this machine on Linux).
 */
class FairSlotsTest extends NetTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final VirtualTime time = new VirtualTime();

    static InetAddress host(int n) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) (n >> 8), (byte) n});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Skips these tests where loopback is only 127.0.0.1 (not Linux). */
    @BeforeAll
    static void loopbackHasManyAddresses() {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(host(2 << 8 | 2), 0));
        } catch (IOException e) {
            assumeTrue(false, "cannot bind 127.0.2.2: " + e.getMessage());
        }
    }

    private NetConfig withShares(int sockets, int links, int leaves, int http) {
        NetConfig c = config("m");
        return c.withPeerLimits(c.peerLimits().withPerAddress(sockets, links, leaves, http));
    }

    @Test
    void oneAddressGetsItsShareOfLeafSlotsAndAnotherStillGetsIn() throws Exception {
        Recorder r = new Recorder();
        ConnectionManager m = start(withShares(8, 4, 2, 4), r, time);
        List<RawPeer> peers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                RawPeer p = new RawPeer(address(m), 0, host(10));
                peers.add(p);
                assertThat(p.joinAsLeaf(false).firstLine()).contains(" 200 ");
            }
            RawPeer third = new RawPeer(address(m), 0, host(10));
            peers.add(third);
            HandshakeMessage refused = third.joinAsLeaf(false);
            assertThat(refused.firstLine()).contains(" 503 ");
            assertThat(third.closedWithin(5000)).isTrue();

            RawPeer other = new RawPeer(address(m), 0, host(11));
            peers.add(other);
            assertThat(other.joinAsLeaf(false).firstLine()).contains(" 200 ");
            await().atMost(WAIT).until(() -> r.connected.size() == 3);
            await().atMost(WAIT).until(() -> m.stats().drops().get(DropReason.ADDRESS_LEAVES) == 1);
            assertThat(m.stats().drops().get(DropReason.SLOTS_FULL)).isZero();
        } finally {
            for (RawPeer p : peers) {
                p.close();
            }
        }
    }

    @Test
    void tooManyConnectsAMinuteGetTheAddressBannedForAWhile() throws Exception {
        NetConfig c = config("m");
        c = c.withPeerLimits(c.peerLimits().withConnectRate(5, Duration.ofMinutes(5), Duration.ofHours(1)));
        ConnectionManager m = start(c, new Recorder(), time);
        InetAddress eager = host(20);
        for (int i = 0; i < 5; i++) {
            try (RawPeer p = new RawPeer(address(m), 0, eager)) {
                assertThat(p.joinAsLeaf(false).firstLine()).contains(" 200 ");
            }
        }
        for (int i = 0; i < 2; i++) {
            try (RawPeer p = new RawPeer(address(m), 0, eager)) {
                assertThat(p.closedWithin(5000)).as("closed before a byte is read").isTrue();
            }
        }
        try (RawPeer p = new RawPeer(address(m), 0, host(21))) {
            assertThat(p.joinAsLeaf(false).firstLine()).as("another address").contains(" 200 ");
        }
        await().atMost(WAIT).until(() -> m.stats().drops().get(DropReason.BANNED) == 1);
        assertThat(m.stats().drops().get(DropReason.CONNECT_RATE)).isEqualTo(1);
        assertThat(m.stats().bannedAddresses()).isEqualTo(1);

        time.advance(Duration.ofMinutes(5));
        try (RawPeer p = new RawPeer(address(m), 0, eager)) {
            assertThat(p.joinAsLeaf(false).firstLine()).as("the ban is over").contains(" 200 ");
        }
    }

    @Test
    void oneAddressGetsItsShareOfHttpSessions() throws Exception {
        ConnectionManager m = start(withShares(8, 4, 2, 3), new Recorder(), time);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger serving = new AtomicInteger();
        m.setHttpGateway(session -> {
            serving.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<RawPeer> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                RawPeer p = new RawPeer(address(m), 0, host(30));
                held.add(p);
                p.send("GET /a HTTP/1.1\r\n\r\n");
            }
            await().atMost(WAIT).until(() -> serving.get() == 3);
            try (RawPeer extra = new RawPeer(address(m), 0, host(30))) {
                extra.send("GET /a HTTP/1.1\r\n\r\n");
                assertThat(new String(extra.input().readAllBytes(), StandardCharsets.US_ASCII))
                        .startsWith("HTTP/1.1 503 ");
            }
            RawPeer other = new RawPeer(address(m), 0, host(31));
            held.add(other);
            other.send("GET /a HTTP/1.1\r\n\r\n");
            await().atMost(WAIT).until(() -> serving.get() == 4);
            assertThat(m.stats().drops().get(DropReason.ADDRESS_HTTP)).isEqualTo(1);
        } finally {
            release.countDown();
            for (RawPeer p : held) {
                p.close();
            }
        }
    }

    @Test
    void oneAddressGetsItsShareOfHandshakingSockets() throws Exception {
        ConnectionManager m = start(withShares(3, 4, 2, 4), new Recorder(), time);
        List<RawPeer> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                idle.add(new RawPeer(address(m), 0, host(40)));
            }
            await().atMost(WAIT).until(() -> m.handshaking() == 3);
            try (RawPeer fourth = new RawPeer(address(m), 0, host(40))) {
                assertThat(fourth.closedWithin(5000)).isTrue();
            }
            try (RawPeer other = new RawPeer(address(m), 0, host(41))) {
                assertThat(other.joinAsLeaf(false).firstLine()).contains(" 200 ");
            }
            await().atMost(WAIT).until(() -> m.stats().drops().get(DropReason.ADDRESS_SOCKETS) == 1);
        } finally {
            for (RawPeer p : idle) {
                p.close();
            }
        }
    }
}
