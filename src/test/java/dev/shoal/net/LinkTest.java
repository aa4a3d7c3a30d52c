package dev.shoal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shoal.RawPeer;
import dev.shoal.node.api.BuildInfo;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.HostPort;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.handshake.HandshakeHeaders;
import dev.shoal.protocol.handshake.NodeRole;
import dev.shoal.time.VirtualTime;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Two (or three) real managers talking over loopback. */
class LinkTest extends NetTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static Frame query(int i, int size) {
        byte[] payload = new byte[size];
        payload[0] = (byte) 0x80;
        payload[size - 1] = (byte) i;
        return RawPeer.frame(MessageType.QUERY, 3, 0, payload);
    }

    @ParameterizedTest(name = "dialler deflate={0}, acceptor deflate={1}")
    @CsvSource({"true,true", "true,false", "false,true", "false,false"})
    void framesFlowBothWaysInOrder(boolean deflateA, boolean deflateB) throws Exception {
        Recorder ra = new Recorder();
        Recorder rb = new Recorder();
        ConnectionManager a = start(config("a").withDeflate(deflateA), ra);
        ConnectionManager b = start(config("b").withDeflate(deflateB), rb);

        Connection ab = a.connect(address(b)).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> rb.connected.size() == 1);
        Connection ba = rb.connected.get(0);
        boolean compressed = deflateA && deflateB;
        assertThat(ab.isCompressedOut()).isEqualTo(compressed);
        assertThat(ab.isCompressedIn()).isEqualTo(compressed);
        assertThat(ba.isCompressedOut()).isEqualTo(compressed);
        assertThat(ba.isOutgoing()).isFalse();
        assertThat(ab.isUltrapeer()).isTrue();
        assertThat(ab.userAgent()).isEqualTo(BuildInfo.userAgent());
        assertThat(ba.listenAddress()).contains(address(a));

        List<Frame> toB = new ArrayList<>();
        List<Frame> toA = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            toB.add(query(i, 20 + i));
            toA.add(query(i, 40 + i));
        }
        toB.add(query(999, 60_000));
        for (int i = 0; i < toB.size(); i++) {
            assertThat(ab.send(toB.get(i))).isTrue();
            if (i < toA.size()) {
                assertThat(ba.send(toA.get(i))).isTrue();
            }
        }
        await().atMost(WAIT).until(() -> rb.frames.size() == toB.size() && ra.frames.size() == toA.size());
        assertThat(rb.frames).extracting(Recorder.Received::frame).containsExactlyElementsOf(toB);
        assertThat(ra.frames).extracting(Recorder.Received::frame).containsExactlyElementsOf(toA);
        assertThat(ra.wrongThreads).isEmpty();
        assertThat(rb.wrongThreads).isEmpty();
        assertThat(ab.stats().framesOut()).isEqualTo(toB.size());
        assertThat(ba.stats().framesIn()).isEqualTo(toB.size());
        if (compressed) {
            // Mostly zero bytes: the stream must be far smaller than the frames it carried.
            assertThat(ab.stats().wireBytesOut()).isLessThan(ab.stats().frameBytesOut() / 4);
        }
    }

    @Test
    void fullNodeRefusesWith503AndSuggestsOtherUltrapeers() throws Exception {
        ConnectionManager a = start(config("a"), new Recorder());
        ConnectionManager b = start(config("b").withMaxConnections(1, 0), new Recorder());
        ConnectionManager c = start(config("c"), new Recorder());
        a.connect(address(b)).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> b.connections().size() == 1);

        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> c.connect(address(b)).get(5, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(HandshakeRefusedException.class);
        HandshakeRefusedException refused = (HandshakeRefusedException) e.getCause();
        assertThat(refused.code()).isEqualTo(503);
        HandshakeHeaders h = refused.headers();
        assertThat(HostPort.parseLiteralList(h.get("X-Try-Ultrapeers").orElseThrow())).contains(address(a));
        // c learnt a from the refusal.
        assertThat(c.hostCache().contains(address(a))).isTrue();
        assertThat(b.connections()).hasSize(1);
    }

    @Test
    void aLeafTakesNoLeaves() throws Exception {
        ConnectionManager leaf1 = start(config("l1").withRole(NodeRole.LEAF), new Recorder());
        ConnectionManager leaf2 = start(config("l2").withRole(NodeRole.LEAF), new Recorder());
        assertThatThrownBy(() -> leaf1.connect(address(leaf2)).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(HandshakeRefusedException.class);
        ConnectionManager up = start(config("up"), new Recorder());
        Connection c = leaf1.connect(address(up)).get(5, TimeUnit.SECONDS);
        assertThat(c.isUltrapeer()).isTrue();
        await().atMost(WAIT).until(() -> up.connections().size() == 1);
        assertThat(up.connections().get(0).isUltrapeer()).isFalse();
    }

    @Test
    void hostCacheIsPersistedAndReloadedWithoutOurOwnAddress() throws Exception {
        ConnectionManager a = start(config("a"), new Recorder());
        NetConfig bConfig = config("b");
        ConnectionManager b = start(bConfig, new Recorder());
        a.connect(address(b)).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> b.hostCache().contains(address(a)));
        assertThat(b.hostCache().add(address(b), System.currentTimeMillis())).isFalse();
        b.shutdown();

        String saved = Files.readString(bConfig.dataDir().resolve(HostCache.FILE_NAME));
        assertThat(saved).contains(HostPort.format(address(a)));
        HostCache reloaded = new HostCache(bConfig.dataDir().resolve(HostCache.FILE_NAME), 100);
        reloaded.load();
        assertThat(reloaded.best(10)).containsExactly(address(a));
    }

    @Test
    void keepsTheOutgoingTargetByDiallingTheHostCache() throws Exception {
        Recorder rb = new Recorder();
        ConnectionManager b = start(config("b"), rb);
        NetConfig aConfig = config("a").withOutgoingTarget(1);
        Files.createDirectories(aConfig.dataDir());
        Files.writeString(aConfig.dataDir().resolve(HostCache.FILE_NAME), HostPort.format(address(b)) + " 1\n");
        VirtualTime time = new VirtualTime();
        ConnectionManager a = start(aConfig, new Recorder(), time);
        assertThat(a.dialsStarted()).as("nothing dialled before the first tick").isZero();
        time.advance(ConnectionManager.tickPeriod(aConfig));
        assertThat(a.dialsStarted()).isEqualTo(1);
        await().atMost(WAIT).until(() -> a.connections().size() == 1 && rb.connected.size() == 1);
        assertThat(a.connections().get(0).isOutgoing()).isTrue();
        // Target reached: the loop keeps running (short of the idle timeout) and dials nothing more.
        time.advance(aConfig.idleTimeout().dividedBy(2));
        assertThat(a.dialsStarted()).isEqualTo(1);
        assertThat(a.connections()).hasSize(1);
    }

    @Test
    void shutdownSaysByeToEveryPeer() throws Exception {
        Recorder ra = new Recorder();
        ConnectionManager a = start(config("a"), ra);
        ConnectionManager b = start(config("b"), new Recorder());
        a.connect(address(b)).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> b.connections().size() == 1);
        b.shutdown();
        await().atMost(WAIT).until(() -> ra.disconnected.size() == 1);
        List<Frame> byes = ra.framesOf(MessageType.BYE);
        assertThat(byes).hasSize(1);
        assertThat(Bye.decode(byes.get(0).payload()).code()).isEqualTo(Bye.SHUTDOWN);
        assertThat(ra.disconnected.get(0)).contains("peer said Bye 200");
        assertThat(byes.get(0).header().ttl()).isEqualTo(1);
    }

    @Test
    void connectingToNothingFails() {
        InetSocketAddress nowhere = new InetSocketAddress("127.0.0.1", 1);
        assertThatThrownBy(() -> {
            ConnectionManager a = start(config("a"), new Recorder());
            a.connect(nowhere).get(5, TimeUnit.SECONDS);
        }).isInstanceOf(ExecutionException.class);
    }
}
