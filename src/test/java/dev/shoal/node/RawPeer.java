package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A hand-driven Gnutella peer on a plain socket, for tests that send exact bytes. */
final class RawPeer {
    private RawPeer() {
    }

    /** Completes the 0.6 handshake as an uncompressed ultrapeer and returns the open socket. */
    static Socket connectAsUltrapeer(InetSocketAddress node) throws IOException {
        Socket s = new Socket();
        s.connect(node, 5000);
        s.setSoTimeout(5000);
        String request = "GNUTELLA CONNECT/0.6\r\nUser-Agent: RawPeer/1.0\r\nX-Ultrapeer: True\r\n"
                + "X-Degree: 32\r\nX-Dynamic-Querying: 0.1\r\nX-Max-TTL: 4\r\nBye-Packet: 0.1\r\n\r\n";
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        assertThat(readHead(s.getInputStream())).startsWith("GNUTELLA/0.6 200");
        s.getOutputStream().write("GNUTELLA/0.6 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return s;
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
