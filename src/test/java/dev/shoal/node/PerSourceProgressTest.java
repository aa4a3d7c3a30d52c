package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.library.FileHasher;
import dev.shoal.node.api.Download;
import dev.shoal.node.api.DownloadInfo;
import dev.shoal.node.api.DownloadSource;
import dev.shoal.node.api.DownloadState;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.PieceRun;
import dev.shoal.node.api.SourceProgress;
import dev.shoal.node.api.SourceState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A download from four throttled servents reports what each one sent and which parts came from where. */
class PerSourceProgressTest {
    /** Seven chunks of 512 KiB, the last one short. */
    private static final int SIZE = 3 * 1024 * 1024 + 12_345;
    private static final int CHUNKS = 7;
    private static final long LIMIT = 1024 * 1024;

    @AutoClose
    private final SharingServents servents = new SharingServents();

    @Test
    void everySourceShowsItsBytesAndThePieceMapCoversTheFile() throws Exception {
        byte[] content = new byte[SIZE];
        new Random(7).nextBytes(content);
        String urn = FileHasher.hash(content).toString();
        List<DownloadSource> sources = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ServentNode holder = node("holder" + i, content);
            sources.add(new DownloadSource("127.0.0.1", holder.listenAddress().getPort(), -1, "payload.bin"));
        }
        ServentNode you = node("you", null);
        List<DownloadInfo> seen = new CopyOnWriteArrayList<>();
        you.addListener(e -> {
            if (e instanceof NodeEvent.DownloadChanged c) {
                seen.add(c.download());
            }
        });

        Download d = you.download(urn, "payload.bin", SIZE, sources);
        Path file = d.completion().get(60, TimeUnit.SECONDS);

        assertThat(Files.mismatch(file, servents.shareOf("holder0").resolve("payload.bin"))).isEqualTo(-1);
        DownloadInfo info = d.info();
        assertThat(info.state()).isEqualTo(DownloadState.DONE);
        assertThat(info.perSource()).extracting(SourceProgress::address).containsExactlyInAnyOrderElementsOf(
                sources.stream().map(s -> "127.0.0.1:" + s.port()).toList());
        // Each chunk is credited to the one source whose copy was kept.
        assertThat(info.perSource().stream().mapToLong(SourceProgress::bytes).sum()).isEqualTo(SIZE);
        assertThat(info.perSource()).allSatisfy(s -> {
            assertThat(s.bytes()).as("bytes from %s", s.address()).isPositive();
            assertThat(s.state()).isEqualTo(SourceState.IDLE);
            assertThat(s.bytesPerSecond()).isZero();
        });
        assertThat(info.pieces().stream().mapToInt(PieceRun::chunks).sum()).isEqualTo(CHUNKS);
        assertThat(info.pieces()).extracting(PieceRun::source).doesNotContain(PieceRun.MISSING, PieceRun.EARLIER)
                .contains(0, 1, 2, 3);
        // While it ran, the map was partly missing and sources had a speed.
        assertThat(seen).anySatisfy(i -> assertThat(i.pieces()).extracting(PieceRun::source)
                .contains(PieceRun.MISSING));
        assertThat(seen).anySatisfy(i -> assertThat(i.perSource())
                .anySatisfy(s -> assertThat(s.bytesPerSecond()).isPositive()));
    }

    private ServentNode node(String name, byte[] content) {
        return servents.start(name, "payload.bin", content, c -> c.withUploads(4, LIMIT));
    }
}
