package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a node takes as proof that others reach it, byte for byte as servents connect back:
 * LimeWire's {@code CONNECT BACK} line, gtk-gnutella's empty line, and gtk-gnutella's first try,
 * a TLS handshake (in interop with gtk-gnutella 1.2.3 that one was refused as an unknown protocol,
 * and the node stayed firewalled).
 */
class ConnectBackProbeTest {
    /** The first bytes of a TLS 1.x ClientHello record, as gtk-gnutella sends them. */
    private static final byte[] CLIENT_HELLO = HexFormat.of().parseHex("160301017c0100017803031d8fec8e3d57a1");

    @TempDir
    Path temp;
    private TestNodes net;

    @AfterEach
    void stop() {
        net.close();
    }

    @Test
    void aTlsHandshakeOnOurPortProvesWeAreReachable() throws Exception {
        assertThat(probedWith(CLIENT_HELLO)).isFalse();
    }

    @Test
    void gtkGnutellasEmptyLineProvesWeAreReachable() throws Exception {
        assertThat(probedWith("\n\n".getBytes())).isFalse();
    }

    @Test
    void limeWiresLineProvesWeAreReachable() throws Exception {
        assertThat(probedWith("CONNECT BACK\r\n\r\n".getBytes())).isFalse();
    }

    /** Whether the node still thinks itself firewalled once the probe's connection has been closed. */
    private boolean probedWith(byte[] bytes) throws Exception {
        net = new TestNodes(temp);
        ServentNode node = net.ultrapeer("node", 4, Map.of());
        assertThat(node.reach().firewalled()).isTrue();
        try (Socket s = new Socket(node.listenAddress().getAddress(), node.listenAddress().getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(bytes);
            out.flush();
            s.setSoTimeout(10_000);
            // The node closes a probe's connection once it has taken it.
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !node.reach().firewalled());
        return node.reach().firewalled();
    }
}
