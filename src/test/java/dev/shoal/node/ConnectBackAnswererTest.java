package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.protocol.handshake.HandshakeHeaders;
import dev.shoal.time.VirtualTime;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bounds of answering connect-back requests, in virtual time, and what a probe says. */
class ConnectBackAnswererTest {
    private final VirtualTime time = new VirtualTime();

    @Test
    void eachLinkIsAnsweredOnceAndAtMostThirtyLinksAMinute() {
        try (ConnectBackAnswerer answerer = new ConnectBackAnswerer(time.clock())) {
            FakeConnection first = link(1);
            answerer.answer(first, 1);
            answerer.answer(first, 1);
            assertThat(answerer.granted()).as("asked twice on one link").isEqualTo(1);

            for (int i = 2; i <= 40; i++) {
                answerer.answer(link(i), 1);
            }
            assertThat(answerer.granted()).isEqualTo(ConnectBackAnswerer.PER_MINUTE);

            time.advance(Duration.ofMinutes(1));
            answerer.answer(link(41), 1);
            assertThat(answerer.granted()).isEqualTo(ConnectBackAnswerer.PER_MINUTE + 1);
        }
    }

    @Test
    void theProbeGoesToTheAskingLinksAddressAndSaysConnectBack() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ConnectBackAnswerer answerer = new ConnectBackAnswerer(time.clock())) {
            server.setSoTimeout(10_000);
            answerer.answer(link(1), server.getLocalPort());
            try (Socket probe = server.accept()) {
                probe.setSoTimeout(10_000);
                InputStream in = probe.getInputStream();
                assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("CONNECT BACK\r\n\r\n");
            }
        }
    }

    private static FakeConnection link(long id) {
        return new FakeConnection(id, HandshakeHeaders.builder().add("X-Ultrapeer", "False").build());
    }
}
