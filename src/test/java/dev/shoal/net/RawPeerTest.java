package dev.shoal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.GtkgCaptures;
import dev.shoal.RawPeer;
import dev.shoal.protocol.Bye;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.handshake.HandshakeMessage;
import dev.shoal.protocol.handshake.HandshakeReader;
import dev.shoal.protocol.HostPort;
import dev.shoal.time.VirtualTime;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Scripted peers on plain sockets talk byte-exact text and frames to our acceptor. */
class RawPeerTest extends NetTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** The first block of a capture: the initiator's request, exactly as captured. */
    private static byte[] requestOf(String capture) throws Exception {
        byte[] all = GtkgCaptures.read(capture);
        ByteBuffer in = ByteBuffer.wrap(all);
        new HandshakeReader().feed(in).orElseThrow();
        return Arrays.copyOf(all, in.position());
    }

    /** The third block of a capture: the initiator's final line and headers. */
    private static byte[] finalOf(String capture) throws Exception {
        byte[] all = GtkgCaptures.read(capture);
        ByteBuffer in = ByteBuffer.wrap(all);
        HandshakeReader r = new HandshakeReader();
        r.feed(in).orElseThrow();
        r.feed(in).orElseThrow();
        int start = in.position();
        r.feed(in).orElseThrow();
        return Arrays.copyOfRange(all, start, in.position());
    }

    private static Frame ping() {
        return RawPeer.frame(MessageType.PING, 1, 0, new byte[0]);
    }

    /** Replays the ultrapeer capture's request and final; returns our response. */
    private static HandshakeMessage handshakeAsCapturedUltrapeer(RawPeer p) throws Exception {
        p.send(requestOf("handshake-ultrapeer.txt"));
        HandshakeMessage response = p.readStep();
        p.send("GNUTELLA/0.6 200 OK\r\n\r\n");
        return response;
    }

    @Test
    void replayedUltrapeerRequestGetsOurFullAnswerAndPlainFrames() throws Exception {
        Recorder r = new Recorder();
        ConnectionManager m = start(config("m"), r);
        try (RawPeer p = new RawPeer(address(m))) {
            // Reassembly across reads is GnutellaDecoderTest's business; this is about what we answer.
            p.send(requestOf("handshake-ultrapeer.txt"));
            HandshakeMessage response = p.readStep();
            assertThat(response.firstLine()).isEqualTo("GNUTELLA/0.6 200 OK");
            assertThat(response.headers().names()).containsExactly("User-Agent", "X-Ultrapeer", "X-Degree",
                    "X-Query-Routing", "X-Ultrapeer-Query-Routing", "X-Max-TTL", "X-Dynamic-Querying", "X-Requeries",
                    "Listen-IP", "Remote-IP", "Pong-Caching", "GGEP", "Vendor-Message", "Bye-Packet", "Accept-Encoding",
                    "X-Ultrapeer-Needed");
            assertThat(response.headers().get("Listen-IP")).contains(HostPort.format(address(m)));
            assertThat(response.headers().get("Remote-IP")).contains("127.0.0.1");
            assertThat(response.headers().get("X-Ultrapeer")).contains("True");
            // The capture's final step, then a ping glued to it in the same write.
            ByteArrayOutputStream glued = new ByteArrayOutputStream();
            glued.write(finalOf("handshake-ultrapeer.txt"));
            Frame ping = ping();
            glued.write(ping.toBytes());
            p.send(glued.toByteArray());

            await().atMost(WAIT).until(() -> r.frames.size() == 1);
            assertThat(r.frames.get(0).frame()).isEqualTo(ping);
            Connection c = r.connected.get(0);
            assertThat(c.isCompressedIn()).isFalse();
            assertThat(c.isCompressedOut()).isFalse();
            assertThat(c.listenAddress()).contains(HostPort.parseLiteral("127.0.0.1:17001").orElseThrow());
            assertThat(m.hostCache().contains(HostPort.parseLiteral("127.0.0.1:17001").orElseThrow())).isTrue();

            Frame pong = RawPeer.frame(MessageType.PONG, 1, 0, new byte[14]);
            c.send(pong);
            assertThat(p.readFrame()).isEqualTo(pong);
        }
    }

    @Test
    void replayedDeflateLeafGetsCompressionBothWays() throws Exception {
        Recorder r = new Recorder();
        ConnectionManager m = start(config("m"), r);
        try (RawPeer p = new RawPeer(address(m))) {
            p.send(requestOf("handshake-leaf-deflate.txt"));
            HandshakeMessage response = p.readStep();
            assertThat(response.firstLine()).isEqualTo("GNUTELLA/0.6 200 OK");
            assertThat(response.headers().get("Content-Encoding")).contains("deflate");
            assertThat(response.headers().get("Accept-Encoding")).contains("deflate");
            assertThat(response.headers().contains("X-Ultrapeer-Needed")).isFalse();
            p.send(finalOf("handshake-leaf-deflate.txt"));
            p.deflateOutput();
            p.inflateInput();

            Frame[] sent = {ping(), RawPeer.frame(MessageType.QUERY, 3, 0, "\u0000\u0080ubuntu\u0000".getBytes())};
            for (Frame f : sent) {
                p.sendFrame(f);
            }
            await().atMost(WAIT).until(() -> r.frames.size() == 2);
            assertThat(r.frames).extracting(Recorder.Received::frame).containsExactly(sent);
            Connection c = r.connected.get(0);
            assertThat(c.isUltrapeer()).isFalse();
            assertThat(c.isCompressedIn()).isTrue();
            assertThat(c.isCompressedOut()).isTrue();

            Frame hit = RawPeer.frame(MessageType.QUERY_HIT, 6, 0, new byte[300]);
            Frame pong = RawPeer.frame(MessageType.PONG, 1, 0, new byte[14]);
            c.send(hit);
            c.send(pong);
            assertThat(p.readFrame()).isEqualTo(hit);
            assertThat(p.readFrame()).isEqualTo(pong);
        }
    }

    /**
     * The one test of split reads over a real socket; the GnutellaDecoder*Test classes cut the same
     * kind of stream at every byte without one.
     */
    @Test
    void capturedGtkGnutellaDeflateStreamIsInflatedIntoItsFrames() throws Exception {
        Recorder r = new Recorder();
        ConnectionManager m = start(config("m"), r);
        byte[] stream = GtkgCaptures.read("deflate-stream-from-gtkg.bin");
        byte[] inflated = GtkgCaptures.read("deflate-stream-from-gtkg.inflated.bin");
        assertThat(stream[0] & 0xFF).isEqualTo(0x68);
        try (RawPeer p = new RawPeer(address(m))) {
            p.send(requestOf("handshake-leaf-deflate.txt"));
            p.readStep();
            p.send(finalOf("handshake-leaf-deflate.txt"));
            for (int i = 0; i < stream.length; i += 97) {
                p.send(Arrays.copyOfRange(stream, i, Math.min(stream.length, i + 97)));
            }
            // The stream ends with gtk-gnutella's Bye, never with a zlib end: all frames must still come out.
            await().atMost(WAIT).until(() -> !r.disconnected.isEmpty());
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (Recorder.Received f : r.frames) {
            joined.write(f.frame().toBytes());
        }
        assertThat(joined.toByteArray()).isEqualTo(inflated);
        assertThat(r.frames).hasSize(11);
        assertThat(r.frames.get(10).frame().header().type()).isEqualTo(MessageType.BYE);
        assertThat(r.disconnected.get(0)).contains("peer said Bye 200");
    }

    @Test
    void peerThatOffersDeflateButSendsPlainGetsCompressedFramesOnly() throws Exception {
        Recorder r = new Recorder();
        ConnectionManager m = start(config("m"), r);
        try (RawPeer p = new RawPeer(address(m))) {
            p.send(requestOf("handshake-leaf-deflate.txt"));
            p.readStep();
            p.send("GNUTELLA/0.6 200 OK\r\n\r\n");
            p.inflateInput();
            Frame ping = ping();
            p.sendFrame(ping);
            await().atMost(WAIT).until(() -> r.frames.size() == 1);
            Connection c = r.connected.get(0);
            assertThat(c.isCompressedIn()).isFalse();
            assertThat(c.isCompressedOut()).isTrue();
            Frame pong = RawPeer.frame(MessageType.PONG, 1, 0, new byte[14]);
            c.send(pong);
            assertThat(p.readFrame()).isEqualTo(pong);
        }
    }

    @Test
    void malformedHandshakeClosesOnlyThatConnection() throws Exception {
        Recorder r = new Recorder();
        ConnectionManager m = start(config("m"), r);
        try (RawPeer good = new RawPeer(address(m)); RawPeer bad = new RawPeer(address(m))) {
            handshakeAsCapturedUltrapeer(good);
            await().atMost(WAIT).until(() -> r.connected.size() == 1);
            bad.send("GNUTELLA CONNECT/0.6\r\nthis line has no colon\r\n\r\n");
            assertThat(bad.closedWithin(3000)).isTrue();
            Frame ping = ping();
            good.sendFrame(ping);
            await().atMost(WAIT).until(() -> r.frames.size() == 1);
            assertThat(m.connections()).hasSize(1);
        }
    }

    @Test
    void oversizedFrameGetsBye400AndClosesOnlyThatConnection() throws Exception {
        Recorder r = new Recorder();
        ConnectionManager m = start(config("m"), r);
        try (RawPeer good = new RawPeer(address(m)); RawPeer bad = new RawPeer(address(m))) {
            handshakeAsCapturedUltrapeer(good);
            handshakeAsCapturedUltrapeer(bad);
            await().atMost(WAIT).until(() -> r.connected.size() == 2);
            ByteBuffer header = ByteBuffer.allocate(Header.SIZE).order(ByteOrder.LITTLE_ENDIAN);
            header.put(Guid.random().toBytes()).put(MessageType.QUERY).put((byte) 3).put((byte) 0).putInt(65_536);
            bad.send(header.array());
            Frame bye = bad.readFrame();
            assertThat(bye.header().type()).isEqualTo(MessageType.BYE);
            assertThat(Bye.decode(bye.payload()).code()).isEqualTo(Bye.TOO_LARGE);
            assertThat(bad.closedWithin(3000)).isTrue();

            good.sendFrame(ping());
            await().atMost(WAIT).until(() -> r.frames.size() == 1);
            await().atMost(WAIT).until(() -> m.connections().size() == 1);
            assertThat(r.disconnected).singleElement().asString().contains("framing error");
        }
    }

    @Test
    void legacyConnectIsClosedWithoutAnswer() throws Exception {
        ConnectionManager m = start(config("m"), new Recorder());
        try (RawPeer p = new RawPeer(address(m))) {
            p.send(GtkgCaptures.read("handshake-legacy-0.4-closed.txt"));
            assertThat(p.readByte()).isEqualTo(-1);
        }
    }

    @Test
    void unknownFirstLineIsClosed() throws Exception {
        ConnectionManager m = start(config("m"), new Recorder());
        try (RawPeer p = new RawPeer(address(m))) {
            p.send("HELLO THERE\r\n\r\n");
            assertThat(p.readByte()).isEqualTo(-1);
        }
    }

    @Test
    void silentSocketIsClosedAfterTheHandshakeTimeout() throws Exception {
        VirtualTime time = new VirtualTime();
        NetConfig config = config("m");
        ConnectionManager m = start(config, new Recorder(), time);
        try (RawPeer p = new RawPeer(address(m))) {
            await().atMost(WAIT).until(() -> m.handshaking() == 1);
            time.advance(config.handshakeTimeout().minusMillis(1));
            assertThat(m.handshaking()).as("still within the timeout").isEqualTo(1);
            time.advance(ConnectionManager.tickPeriod(config));
            assertThat(m.handshaking()).as("closed by the timeout").isZero();
            assertThat(p.closedWithin(3000)).isTrue();
        }
    }

    @Test
    void quietPeerGetsATtl1PingThenBye405() throws Exception {
        VirtualTime time = new VirtualTime();
        Recorder r = new Recorder();
        NetConfig config = config("m");
        ConnectionManager m = start(config, r, time);
        try (RawPeer p = new RawPeer(address(m))) {
            handshakeAsCapturedUltrapeer(p);
            await().atMost(WAIT).until(() -> r.connected.size() == 1);
            Connection c = r.connected.get(0);
            time.advance(config.keepAliveInterval().minusMillis(1));
            assertThat(c.stats().framesOut()).as("nothing sent before the keep-alive interval").isZero();
            time.advance(ConnectionManager.tickPeriod(config));
            assertThat(c.stats().framesOut()).isEqualTo(1);
            Frame first = p.readFrame();
            assertThat(first.header().type()).isEqualTo(MessageType.PING);
            assertThat(first.header().ttl()).isEqualTo(1);
            assertThat(first.header().hops()).isZero();
            assertThat(first.payload()).isEmpty();
            assertThat(c.isOpen()).isTrue();

            time.advance(config.idleTimeout().minus(config.keepAliveInterval()));
            assertThat(c.isOpen()).as("closed once silent for the idle timeout").isFalse();
            Frame f;
            do {
                f = p.readFrame();
            } while (f.header().type() == MessageType.PING);
            assertThat(f.header().type()).isEqualTo(MessageType.BYE);
            assertThat(Bye.decode(f.payload()).code()).isEqualTo(Bye.IDLE);
            assertThat(p.closedWithin(3000)).isTrue();
            await().atMost(WAIT).until(() -> r.disconnected.size() == 1);
        }
    }

    @Test
    void answeringKeepsThePeerAlive() throws Exception {
        VirtualTime time = new VirtualTime();
        Recorder r = new Recorder();
        NetConfig config = config("m");
        ConnectionManager m = start(config, r, time);
        try (RawPeer p = new RawPeer(address(m))) {
            handshakeAsCapturedUltrapeer(p);
            await().atMost(WAIT).until(() -> r.connected.size() == 1);
            Connection c = r.connected.get(0);
            Duration total = Duration.ZERO;
            for (int pong = 1; total.compareTo(config.idleTimeout().multipliedBy(2)) <= 0; pong++) {
                time.advance(config.keepAliveInterval());
                total = total.plus(config.keepAliveInterval());
                Frame f = p.readFrame();
                assertThat(f.header().type()).isEqualTo(MessageType.PING);
                p.sendFrame(new Frame(new Header(f.header().guid(), MessageType.PONG, 1, 0, 14), new byte[14]));
                int received = pong;
                await().atMost(WAIT).until(() -> r.frames.size() == received);
            }
            assertThat(c.isOpen()).isTrue();
            assertThat(m.connections()).hasSize(1);
        }
    }

    @Test
    void sendQueueDropsLesserFramesWhenThePeerDoesNotRead() throws Exception {
        Recorder r = new Recorder();
        ConnectionManager m = start(config("m").withSendQueueBytes(32 * 1024), r);
        try (RawPeer p = new RawPeer(address(m), 4096)) {
            handshakeAsCapturedUltrapeer(p);
            await().atMost(WAIT).until(() -> r.connected.size() == 1);
            Connection c = r.connected.get(0);
            int refused = 0;
            // 20 MB: far more than the kernel's socket buffers can absorb however far they auto-tune.
            for (int i = 0; i < 20_000; i++) {
                if (!c.send(RawPeer.frame(MessageType.QUERY, 3, i % 4, new byte[1000]))) {
                    refused++;
                }
            }
            Frame qrp = RawPeer.frame(MessageType.ROUTE_TABLE_UPDATE, 1, 0, new byte[] {0, 0, 0, 1, 0, 7});
            assertThat(c.send(qrp)).isTrue();
            // A hit outranks the queued queries: it gets in by evicting one of them.
            assertThat(c.send(RawPeer.frame(MessageType.QUERY_HIT, 6, 0, new byte[1000]))).isTrue();
            // Whether a ping still fits depends on how much the kernel has drained meanwhile, so
            // the drop counts below are what proves the queue sheds lesser frames (and a send
            // that waited for the reader would never have come back).
            ConnectionStats s = c.stats();
            assertThat(s.framesDropped()).isGreaterThan(1000);
            assertThat(s.queuedBytes()).isLessThanOrEqualTo(32 * 1024);
            assertThat(refused + s.framesDropped()).isGreaterThan(0);
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void httpFirstLineReachesTheGateway() throws Exception {
        ConnectionManager m = start(config("m"), new Recorder());
        m.setHttpGateway(session -> {
            StringBuilder head = new StringBuilder();
            int b;
            boolean http = !session.firstLine().startsWith("GIV ");
            while (http && !head.toString().endsWith("\r\n\r\n") && (b = session.in().read()) >= 0) {
                head.append((char) b);
            }
            String body = session.firstLine() + "|" + head.toString().trim();
            session.out().write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).getBytes());
            session.out().flush();
        });
        try (RawPeer p = new RawPeer(address(m))) {
            p.send("GET /uri-res/N2R?urn:sha1:ABC HTTP/1.1\r\nHost: x\r\n\r\n");
            String answer = new String(new java.io.DataInputStream(p.input()).readAllBytes());
            assertThat(answer).startsWith("HTTP/1.1 200 OK").endsWith("GET /uri-res/N2R?urn:sha1:ABC HTTP/1.1|Host: x");
        }
        try (RawPeer p = new RawPeer(address(m))) {
            p.send("GIV 0:" + Guid.random().toHex() + "/file.txt\n\n");
            String answer = new String(p.input().readAllBytes());
            assertThat(answer).contains("\r\n\r\nGIV 0:").endsWith("/file.txt|");
        }
    }

    @Test
    void httpWithoutAGatewayGets404() throws Exception {
        ConnectionManager m = start(config("m"), new Recorder());
        try (RawPeer p = new RawPeer(address(m))) {
            p.send("HEAD / HTTP/1.1\r\n\r\n");
            assertThat(new String(p.input().readAllBytes())).startsWith("HTTP/1.1 404 Not Found\r\n");
        }
    }

    @Test
    void httpSessionsBeyondTheLimitGet503AndTheOthersCarryOn() throws Exception {
        ConnectionManager m = start(oneAddressForAll(config("m")), new Recorder());
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger serving = new java.util.concurrent.atomic.AtomicInteger();
        m.setHttpGateway(session -> {
            serving.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            session.out().write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes());
            session.out().flush();
        });
        List<RawPeer> held = new ArrayList<>();
        try {
            for (int i = 0; i < HttpSessions.MAX_SESSIONS; i++) {
                RawPeer p = new RawPeer(address(m));
                held.add(p);
                p.send("HEAD / HTTP/1.1\r\n\r\n");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> serving.get() == HttpSessions.MAX_SESSIONS);
            try (RawPeer extra = new RawPeer(address(m))) {
                extra.send("HEAD / HTTP/1.1\r\n\r\n");
                assertThat(new String(extra.input().readAllBytes()))
                        .startsWith("HTTP/1.1 503 Service Unavailable\r\n");
            }
            release.countDown();
            for (RawPeer p : held) {
                assertThat(new String(p.input().readAllBytes())).startsWith("HTTP/1.1 204 ");
            }
        } finally {
            release.countDown();
            for (RawPeer p : held) {
                p.close();
            }
        }
    }
}
