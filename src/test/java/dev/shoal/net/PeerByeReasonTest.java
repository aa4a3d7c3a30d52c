package dev.shoal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.RawPeer;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageType;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The reason a peer gave in its Bye is what the link reports when it closes, even when the
 * listener closes the link itself on seeing the Bye (the servent does).
 */
class PeerByeReasonTest extends NetTestSupport {
    /**
     * gtk-gnutella 1.2.3's Bye after {@code node drop} (captured on loopback): code 201, the reason,
     * then a CRLF and a {@code Server:} header block, then the NUL.
     */
    private static final byte[] GTKG_MANUAL_REMOVAL = HexFormat.of().parseHex(
            "c90055736572206d616e75616c2072656d6f76616c0d0a5365727665723a2067746b2d676e7574656c6c612f"
            + "312e322e332028323032342d30332d30333b20546f706c6573733b204c696e7578207838365f3634290d0a0d0a00");

    @Test
    void byeReasonSurvivesAListenerThatClosesOnBye() throws Exception {
        Recorder r = new Recorder();
        ConnectionListener closesOnBye = new ConnectionListener() {
            @Override
            public void onConnected(Connection connection) {
                r.onConnected(connection);
            }

            @Override
            public void onFrame(Connection connection, Frame frame) {
                r.onFrame(connection, frame);
                if (frame.header().type() == MessageType.BYE) {
                    connection.close(null);
                }
            }

            @Override
            public void onDisconnected(Connection connection, String reason) {
                r.onDisconnected(connection, reason);
            }
        };
        ConnectionManager m = start(config("m"), closesOnBye);
        try (RawPeer p = new RawPeer(address(m))) {
            p.send("GNUTELLA CONNECT/0.6\r\nUser-Agent: gtk-gnutella/1.2.3\r\nX-Ultrapeer: False\r\n"
                    + "Bye-Packet: 0.1\r\n\r\n");
            p.readStep();
            p.send("GNUTELLA/0.6 200 OK\r\n\r\n");
            p.sendFrame(new Frame(new Header(Guid.random(), MessageType.BYE, 1, 0, GTKG_MANUAL_REMOVAL.length),
                    GTKG_MANUAL_REMOVAL));
            await().atMost(Duration.ofSeconds(5)).until(() -> !r.disconnected.isEmpty());
        }
        // Only the reason line: the header block after it stays out of the log line.
        assertThat(r.disconnected.get(0)).endsWith(": peer said Bye 201 User manual removal");
    }
}
