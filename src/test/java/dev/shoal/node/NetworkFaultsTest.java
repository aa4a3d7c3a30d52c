package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.RawPeer;
import dev.shoal.ShoalProcess;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchHit;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Ping;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults stay local: a vanished peer or a peer sending garbage costs only its own link. */
class NetworkFaultsTest {
    @TempDir
    Path temp;
    TestNodes net;
    ServentNode hub;
    ServentNode steady;
    ServentNode searcher;

    @BeforeEach
    void start() {
        net = new TestNodes(temp);
        hub = net.ultrapeer("hub", 4, Map.of("faultline hub.txt", "hub"));
        steady = net.ultrapeer("steady", 4, Map.of("faultline steady.txt", "steady"));
        searcher = net.leaf("searcher", 4);
        net.link(searcher, hub);
        net.link(hub, steady);
    }

    @AfterEach
    void stop() {
        net.close();
    }

    @Test
    void aPeerThatVanishesMidSearchDoesNotDisturbTheOthers() throws Exception {
        Path share = Files.createDirectories(temp.resolve("doomed-share"));
        Files.writeString(share.resolve("faultline doomed.txt"), "doomed");
        try (ShoalProcess doomed = ShoalProcess.start(temp.resolve("doomed.log"), "node", "--bind", "127.0.0.1", "--port", "0",
                "--share", share.toString(), "--data", temp.resolve("doomed-data").toString())) {
            InetSocketAddress address = doomed.awaitListening();
            int before = hub.peers().size();
            hub.connect(address).get();
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.peers().size() == before + 1);

            List<SearchHit> hits = new CopyOnWriteArrayList<>();
            try (Search search = searcher.search("faultline", 3, hits::add)) {
                doomed.kill();
                await().atMost(Duration.ofSeconds(10)).until(() -> names(hits).containsAll(
                        List.of("faultline hub.txt", "faultline steady.txt")));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.peers().size() == before);
        }
        List<SearchHit> again = new CopyOnWriteArrayList<>();
        try (Search search = searcher.search("faultline", 3, again::add)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> names(again).containsAll(
                    List.of("faultline hub.txt", "faultline steady.txt")));
        }
    }

    @Test
    void malformedMessagesAreDroppedAndAnOversizedOneClosesOnlyThatLink() throws Exception {
        try (RawPeer raw = RawPeer.connectAsUltrapeer(hub.listenAddress())) {
            OutputStream out = raw.output();
            // A Push of 3 bytes cannot be decoded: dropped, the link stays.
            out.write(new Frame(new Header(Guid.random(), MessageType.PUSH, 2, 0, 3), new byte[] {1, 2, 3})
                    .toBytes());
            Guid pingId = Guid.random();
            out.write(MessageCodec.frame(pingId, 1, 0, Ping.PLAIN).toBytes());
            out.flush();
            // Past the node's QRP table and the rest, our pong: the link outlived the malformed push.
            raw.readUntil(f -> f.header().type() == MessageType.PONG && f.header().guid().equals(pingId));

            // A length field of 70 000 bytes desynchronises the stream: the link is closed.
            ByteBuffer header = ByteBuffer.allocate(Header.SIZE);
            new Header(Guid.random(), MessageType.QUERY, 2, 0, 70_000).writeTo(header);
            out.write(header.array());
            out.flush();
            assertThat(raw.closedWithin(5000)).as("link closed by the node").isTrue();
        }
        // Our end sees the close a moment after the peer's socket does.
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.peers().size() == 2);
        List<SearchHit> hits = new CopyOnWriteArrayList<>();
        try (Search search = searcher.search("faultline", 3, hits::add)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> names(hits).containsAll(
                    List.of("faultline hub.txt", "faultline steady.txt")));
        }
    }

    private static List<String> names(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::name).toList();
    }
}
