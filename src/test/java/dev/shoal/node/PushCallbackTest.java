package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.RawPeer;
import dev.shoal.node.api.SharedFileInfo;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Push;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Push addressed to a node makes it dial back, say GIV and serve the file on that socket. */
class PushCallbackTest {
    @TempDir
    Path temp;
    TestNodes net;
    ServentNode holder;

    @BeforeEach
    void start() {
        net = new TestNodes(temp);
        holder = net.ultrapeer("holder", 4, Map.of("pushed file.txt", "bytes that travel by push"));
    }

    @AfterEach
    void stop() {
        net.close();
    }

    @Test
    void aPushForUsIsAnsweredWithGivAndTheFileIsServedOnThatSocket() throws Exception {
        SharedFileInfo file = holder.sharedFiles().get(0);
        try (ServerSocket downloader = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                RawPeer link = RawPeer.connectAsUltrapeer(holder.listenAddress())) {
            downloader.setSoTimeout(10_000);
            Push push = new Push(Guid.fromHex(holder.serventId()), file.index(),
                    new InetSocketAddress("127.0.0.1", downloader.getLocalPort()), Ggep.EMPTY);
            link.output().write(MessageCodec.frame(Guid.random(), 3, 0, push).toBytes());
            link.output().flush();

            try (Socket callback = downloader.accept()) {
                callback.setSoTimeout(10_000);
                InputStream in = callback.getInputStream();
                assertThat(readUntil(in, "\n\n")).isEqualTo(
                        "GIV " + file.index() + ":" + holder.serventId() + "/pushed file.txt\n\n");
                callback.getOutputStream().write(("GET /get/" + file.index() + "/pushed%20file.txt HTTP/1.1\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(response).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\nbytes that travel by push");
            }
        }
    }

    @Test
    void aPushForAnUnknownFileIsDroppedAndCounted() throws Exception {
        try (RawPeer link = RawPeer.connectAsUltrapeer(holder.listenAddress())) {
            // The dial-back address is never used: the node decides before it would dial.
            Push push = new Push(Guid.fromHex(holder.serventId()), 999, new InetSocketAddress("127.0.0.1", 9),
                    Ggep.EMPTY);
            link.output().write(MessageCodec.frame(Guid.random(), 3, 0, push).toBytes());
            link.output().flush();

            await().atMost(Duration.ofSeconds(10)).until(() -> holder.stats().count("push_unknown_file") == 1);
        }
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.UTF_8).endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            seen.write(b);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }
}
