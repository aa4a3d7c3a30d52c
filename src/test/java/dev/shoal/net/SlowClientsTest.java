package dev.shoal.net;

import static dev.shoal.net.FairSlotsTest.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.RawPeer;
import dev.shoal.protocol.handshake.HandshakeReader;
import dev.shoal.time.VirtualTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow and idle clients are reaped by total deadlines on the injected clock, not by silence
 * between reads, and cost bounded memory meanwhile: heads trickled in, answers never read,
 * handshakes without end, and hundreds of sockets that say nothing, while a real peer is served.
 */
class SlowClientsTest extends NetTestSupport {
    /** Positive waits only; long enough for a machine under a load of 25 (a shared CI box). */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final VirtualTime time = new VirtualTime();
    private final AtomicInteger served = new AtomicInteger();
    /** Answers whose write has completed on the server's side (the client may read them a moment sooner). */
    private final AtomicInteger answered = new AtomicInteger();

    @BeforeAll
    static void loopbackHasManyAddresses() {
        FairSlotsTest.loopbackHasManyAddresses();
    }

    /** Answers each request head with an empty 200, reading byte by byte (and counting the bytes it took). */
    private void answerEveryRequest(ConnectionManager m, AtomicLong bytesRead) {
        m.setHttpGateway(session -> {
            served.incrementAndGet();
            InputStream in = session.in();
            OutputStream out = session.out();
            int lineLength = 0;
            int b;
            while ((b = in.read()) >= 0) {
                bytesRead.incrementAndGet();
                if (b == '\n' && lineLength == 0) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    answered.incrementAndGet();
                }
                lineLength = b == '\n' ? 0 : b == '\r' ? lineLength : lineLength + 1;
            }
        });
    }

    private static String readAnswer(RawPeer p) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = p.readByte();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** Regression: a trickled first head held an HTTP session, and only 180 s of silence freed it. */
    @Test
    void aTrickledHeadHoldsNoHttpSessionAndIsClosedByTheHandshakeDeadline() throws Exception {
        ConnectionManager m = start(config("m"), new Recorder(), time);
        answerEveryRequest(m, new AtomicLong());
        try (RawPeer slow = new RawPeer(address(m))) {
            for (byte b : "GET / HTTP/1.1\r\nHost: slo".getBytes(StandardCharsets.US_ASCII)) {
                slow.send(new byte[] {b});
            }
            await().atMost(WAIT).until(() -> m.handshaking() == 1);
            assertThat(m.stats().httpSessions()).isZero();
            time.advance(config("m").handshakeTimeout().minusMillis(1));
            assertThat(m.openSockets()).as("before the deadline").isEqualTo(1);
            time.advance(Duration.ofSeconds(1));
            assertThat(slow.closedWithin(5000)).isTrue();
            assertThat(served).hasValue(0);
            await().atMost(WAIT).until(() -> m.stats().drops().get(DropReason.HANDSHAKE_TIMEOUT) == 1);
        }
    }

    @Test
    void aLaterRequestHeadMustArriveWithinTheHeadTimeout() throws Exception {
        ConnectionManager m = start(config("m"), new Recorder(), time);
        AtomicLong read = new AtomicLong();
        answerEveryRequest(m, read);
        try (RawPeer client = new RawPeer(address(m))) {
            String first = "GET /one HTTP/1.1\r\nHost: x\r\n\r\n";
            client.send(first);
            assertThat(readAnswer(client)).startsWith("HTTP/1.1 200 ");
            String partial = "GET /two HTTP/1.1\r\nHo";
            client.send(partial);
            long afterFirst = first.length() - "GET /one HTTP/1.1\r\n".length();
            await().atMost(WAIT).until(() -> read.get() == afterFirst + partial.length());
            Duration head = config("m").peerLimits().httpHeadTimeout();
            time.advance(head.minusSeconds(2));
            assertThat(m.openSockets()).as("before the head timeout").isEqualTo(1);
            time.advance(Duration.ofSeconds(3));
            assertThat(client.closedWithin(5000)).isTrue();
            await().atMost(WAIT).until(() -> m.stats().drops().get(DropReason.HTTP_HEAD_TIMEOUT) == 1);
        }
    }

    @Test
    void aClientThatDoesNotReadItsAnswerIsClosedAndItsThreadFreed() throws Exception {
        ConnectionManager m = start(config("m"), new Recorder(), time);
        AtomicInteger finished = new AtomicInteger();
        AtomicLong wrote = new AtomicLong();
        m.setHttpGateway(session -> {
            try {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 1024; i++) {
                    session.out().write(chunk);
                    wrote.addAndGet(chunk.length);
                }
            } finally {
                finished.incrementAndGet();
            }
        });
        try (RawPeer deaf = new RawPeer(address(m), 4096)) {
            deaf.send("GET /big HTTP/1.1\r\n\r\n");
            // The socket buffers take their fill, then the writer waits for a client that never reads.
            AtomicLong seen = new AtomicLong(-1);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(300))
                    .until(() -> wrote.get() > 0 && seen.getAndSet(wrote.get()) == wrote.get());
            assertThat(finished).as("the writer waits for the client").hasValue(0);
            Duration stall = config("m").peerLimits().httpStall();
            // A stall time at each look, until the writer is freed: the session's mark moves with any
            // progress the kernel still makes in real time, and a client that never reads stops
            // making progress, after which one stall time closes it. (It once failed under load
            // because the close left the writer waiting on a write MINA never completed.)
            await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
                time.advance(stall.plusSeconds(1));
                return finished.get() == 1;
            });
            await().atMost(WAIT).until(() -> m.stats().httpSessions() == 0);
            assertThat(m.stats().drops().get(DropReason.HTTP_SLOW_READER)).isEqualTo(1);
        }
    }

    @Test
    void anIdleKeepAliveSessionIsClosedAfterTheIdleTimeout() throws Exception {
        ConnectionManager m = start(config("m"), new Recorder(), time);
        answerEveryRequest(m, new AtomicLong());
        try (RawPeer client = new RawPeer(address(m))) {
            client.send("GET /one HTTP/1.1\r\n\r\n");
            assertThat(readAnswer(client)).startsWith("HTTP/1.1 200 ");
            // Until its write completes the session still times the request's head: move time after.
            await().atMost(WAIT).until(() -> answered.get() == 1);
            time.advance(config("m").idleTimeout().minusSeconds(2));
            assertThat(m.openSockets()).as("before the idle timeout").isEqualTo(1);
            time.advance(Duration.ofSeconds(3));
            assertThat(client.closedWithin(5000)).isTrue();
            await().atMost(WAIT).until(() -> m.stats().drops().get(DropReason.HTTP_IDLE) == 1);
        }
    }

    /** Regression: endless folded header lines grew one header by hundreds of MB before the timeout. */
    @Test
    void endlessFoldedHandshakeLinesCostOneBlockAndCloseTheSocket() throws Exception {
        ConnectionManager m = start(config("m"), new Recorder(), time);
        try (RawPeer p = new RawPeer(address(m))) {
            p.send("GNUTELLA CONNECT/0.6\r\nUser-Agent: folded\r\n");
            byte[] fold = (" " + "z".repeat(500) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            try {
                while (sent < 64L * 1024 * 1024) {
                    p.send(fold);
                    sent += fold.length;
                }
            } catch (IOException closedOnUs) {
                // expected: the node closed the socket
            }
            assertThat(p.closedWithin(5000)).isTrue();
            assertThat(sent).as("the node stopped it long before 64 MB").isLessThan(8L * 1024 * 1024);
            await().atMost(WAIT).until(() -> m.stats().drops().get(DropReason.BAD_HANDSHAKE) == 1);
        }
        assertThat(HandshakeReader.MAX_BLOCK).isEqualTo(32 * 1024);
    }

    @Test
    void hundredsOfIdleAndSlowSocketsDoNotKeepRealPeersOut() throws Exception {
        Recorder r = new Recorder();
        ConnectionManager m = start(config("m"), r, time);
        AtomicLong read = new AtomicLong();
        answerEveryRequest(m, read);
        List<RawPeer> crowd = new ArrayList<>();
        try {
            for (int i = 1; i <= 200; i++) {
                RawPeer p = new RawPeer(address(m), 0, host(1 << 8 | i));
                crowd.add(p);
                if (i % 2 == 0) {
                    p.send("GET / HTTP/1.1\r\nX-Slow: ");
                }
            }
            await().atMost(WAIT).until(() -> m.handshaking() == 200);
            assertThat(m.stats().httpSessions()).as("half-sent heads hold no session").isZero();

            try (RawPeer real = new RawPeer(address(m))) {
                assertThat(real.joinAsLeaf(false).firstLine()).contains(" 200 ");
                real.sendFrame(RawPeer.frame(dev.shoal.protocol.MessageType.PING, 1, 0, new byte[0]));
                await().atMost(WAIT).until(() -> r.frames.size() == 1);
            }
            try (RawPeer downloader = new RawPeer(address(m))) {
                downloader.send("GET /file HTTP/1.1\r\n\r\n");
                assertThat(readAnswer(downloader)).startsWith("HTTP/1.1 200 ");
            }

            time.advance(config("m").handshakeTimeout().plusSeconds(1));
            await().atMost(WAIT).until(() -> m.handshaking() == 0);
            for (RawPeer p : crowd) {
                assertThat(p.closedWithin(5000)).isTrue();
            }
            await().atMost(WAIT).until(() -> m.stats().drops().get(DropReason.HANDSHAKE_TIMEOUT) == 200);
        } finally {
            for (RawPeer p : crowd) {
                p.close();
            }
        }
    }
}
