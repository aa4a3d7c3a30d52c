package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.RawPeer;
import dev.shoal.node.api.BuildInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node names itself the same way on a Gnutella link and in a download request: once they said
 * {@code Shoal/0.1.0} and {@code Shoal/0.1}. Both are read off the wire here.
 */
class UserAgentTest {
    private static final String URN = "urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ";

    @TempDir
    Path temp;

    @Test
    void handshakesAndDownloadRequestsCarryTheBuildsUserAgent() throws Exception {
        try (TestNodes net = new TestNodes(temp);
                ServerSocket source = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServentNode node = net.leaf("node", 4);

            String handshake;
            try (RawPeer peer = new RawPeer(node.listenAddress())) {
                peer.send("GNUTELLA CONNECT/0.6\r\nUser-Agent: RawPeer/1.0\r\nX-Ultrapeer: True\r\n\r\n");
                handshake = peer.readStep().headers().get("User-Agent").orElseThrow();
            }

            AtomicReference<String> request = new AtomicReference<>();
            Thread fake = new Thread(() -> request.set(firstHead(source)), "fake-source");
            fake.setDaemon(true);
            fake.start();
            node.fetch("magnet:?xt=" + URN + "&dn=song.ogg&xl=10&xs=http://127.0.0.1:" + source.getLocalPort()
                    + "/uri-res/N2R?" + URN, 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> request.get() != null);

            assertThat(handshake).isEqualTo(BuildInfo.userAgent());
            assertThat(request.get()).contains("\r\nUser-Agent: " + handshake + "\r\n");
        }
    }

    /** The head of the first request made to {@code server}, which is then hung up on. */
    private static String firstHead(ServerSocket server) {
        try (Socket s = server.accept()) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            return head.toString();
        } catch (IOException e) {
            return "failed: " + e;
        }
    }
}
