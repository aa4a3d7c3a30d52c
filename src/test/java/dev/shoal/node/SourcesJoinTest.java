package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.RawPeer;
import dev.shoal.library.FileHasher;
import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadState;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.SharedFileInfo;
import dev.shoal.node.api.SourceProgress;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.Urn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A download found by a hash query starts from the first source whose hit arrives, and sources
 * whose hits come later join it while it runs: the peer that knows the second source holds its
 * hit back until bytes flow from the first.
 */
class SourcesJoinTest {
    private static final int SIZE = 2 * 1024 * 1024 + 4321;
    private static final int CHUNK = 64 * 1024;
    /** Slow enough that the first source alone would take seconds: the second joins long before the end. */
    private static final long LIMIT = 256 * 1024;

    @AutoClose
    private final SharingServents servents = new SharingServents();

    @Test
    void theFirstHitStartsTheDownloadAndALaterHitJoinsIt() throws Exception {
        byte[] content = new byte[SIZE];
        new Random(5).nextBytes(content);
        Urn urn = FileHasher.hash(content);
        ServentNode first = node("first", content, LIMIT);
        ServentNode second = node("second", content, LIMIT);
        ServentNode you = node("you", null, 0);
        you.connect(first.listenAddress()).get(10, TimeUnit.SECONDS);

        try (RawPeer late = RawPeer.connectAsUltrapeer(you.listenAddress())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> you.peers().size() == 2);
            Download d = you.fetch(urn.toString(), 2);
            Frame query = hashQueryFor(urn, late);

            await().atMost(Duration.ofSeconds(30)).until(() -> from(d.info(), first) > 0);
            DownloadInfo before = d.info();
            assertThat(before.state()).isEqualTo(DownloadState.DOWNLOADING);
            assertThat(before.knownSources()).isEqualTo(1);
            assertThat(before.perSource()).extracting(SourceProgress::address).containsExactly(address(first));

            late.sendFrame(MessageCodec.frame(query.header().guid(), query.header().hops() + 1, 0,
                    hitFor(second, urn)));
            await().atMost(Duration.ofSeconds(30)).until(() -> from(d.info(), second) > 0);
            assertThat(d.info().state()).as("joined while it ran").isIn(DownloadState.DOWNLOADING,
                    DownloadState.VERIFYING, DownloadState.DONE);

            Path file = d.completion().get(60, TimeUnit.SECONDS);
            assertThat(Files.readAllBytes(file)).isEqualTo(content);
            assertThat(d.info().perSource()).extracting(SourceProgress::address)
                    .containsExactly(address(first), address(second));
            assertThat(d.info().perSource().stream().mapToLong(SourceProgress::bytes).sum()).isEqualTo(SIZE);
        }
    }

    /** Reads what the node sends the raw peer until its query for {@code urn}. */
    private static Frame hashQueryFor(Urn urn, RawPeer peer) throws Exception {
        peer.setReadTimeout(30_000);
        while (true) {
            Frame f = peer.readFrame();
            if (f.header().type() == MessageType.QUERY
                    && ((Query) MessageCodec.decode(f)).urns().contains(urn)) {
                return f;
            }
        }
    }

    /** A hit naming {@code holder}, as the peer it is connected to would relay it. */
    private static QueryHit hitFor(ServentNode holder, Urn urn) {
        SharedFileInfo file = holder.sharedFiles().get(0);
        return new QueryHit(holder.listenAddress(), 100,
                List.of(QueryHit.Result.of(file.index(), file.size(), file.name(), urn)), "TEST",
                QueryHit.Flags.of(false, false, false, false, false), Ggep.EMPTY, new byte[0], Guid.random());
    }

    private static long from(DownloadInfo info, ServentNode source) {
        return info.perSource().stream().filter(s -> s.address().equals(address(source)))
                .mapToLong(SourceProgress::bytes).sum();
    }

    private static String address(ServentNode node) {
        return "127.0.0.1:" + node.listenAddress().getPort();
    }

    private ServentNode node(String name, byte[] content, long uploadLimit) {
        return servents.start(name, "payload.bin", content, c -> c.withUploads(4, uploadLimit)
                .withTuning(NodeConfig.Tuning.defaults().withChunkSize(CHUNK)));
    }
}
