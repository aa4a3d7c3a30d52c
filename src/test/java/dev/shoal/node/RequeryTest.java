package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.RawPeer;
import dev.shoal.node.api.Download;
import dev.shoal.protocol.Base32;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Ping;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.Urn;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A download's hash query reaches each link once: the links up when it starts, then each link that
 * comes up while it runs, and never the same link again by itself, as {@code X-Requeries: False}
 * promises (gtk-gnutella drops a leaf's repeats as "throttle"). Regression: a download without a
 * source asked every link again every 20 s.
 */
class RequeryTest {
    @TempDir
    Path temp;

    @Test
    void aSourcelessDownloadAsksEachLinkOnceAndANewLinkAsItComesUp() throws Exception {
        Urn nowhere = Urn.parse("urn:sha1:" + Base32.encode(new byte[20]));
        try (TestNodes nodes = new TestNodes(temp).withConfig(c -> c.withTimeouts(Duration.ofHours(1),
                Duration.ofHours(2)));
                ServerSocket first = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                ServerSocket second = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ServentNode you = nodes.leaf("you", 4);
            try (RawPeer a = ultrapeerOf(you, first)) {
                Download d = you.fetch(nowhere.toString(), 4);
                assertThat(urnsOfNextQuery(a)).containsExactly(nowhere);

                // Long past the old 20 s re-query, several times over.
                for (int i = 0; i < 6; i++) {
                    nodes.time().advance(Duration.ofSeconds(20));
                }
                try (RawPeer b = ultrapeerOf(you, second)) {
                    assertThat(urnsOfNextQuery(b)).as("a link that came up later is asked").containsExactly(nowhere);
                }

                // A ping answered shows everything the node sent a before it: no query came again.
                a.sendFrame(MessageCodec.frame(Guid.random(), 1, 0, Ping.PLAIN));
                List<Frame> before = new ArrayList<>();
                a.setReadTimeout(30_000);
                for (Frame f = a.readFrame(); f.header().type() != MessageType.PONG; f = a.readFrame()) {
                    before.add(f);
                }
                assertThat(before).noneMatch(f -> f.header().type() == MessageType.QUERY);
                assertThat(d.info().knownSources()).isZero();
            }
        }
    }

    /** A raw ultrapeer on {@code server} that {@code leaf} dials and keeps as a link. */
    private static RawPeer ultrapeerOf(ServentNode leaf, ServerSocket server) throws Exception {
        CompletableFuture<?> dialled = leaf.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                server.getLocalPort()));
        server.setSoTimeout(30_000);
        RawPeer peer = RawPeer.acceptAsUltrapeer(server);
        dialled.get(30, TimeUnit.SECONDS);
        return peer;
    }

    private static List<Urn> urnsOfNextQuery(RawPeer peer) throws Exception {
        peer.setReadTimeout(30_000);
        Frame f = peer.readUntil(MessageType.QUERY);
        return ((Query) MessageCodec.decode(f)).urns();
    }
}
