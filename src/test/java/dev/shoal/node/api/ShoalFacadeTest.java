package dev.shoal.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade as a client sees it: found through the service loader, events to whoever listens. */
class ShoalFacadeTest {
    @TempDir
    Path home;

    @Test
    void aRemovedListenerHearsNothingMoreWhileTheOthersDo() throws Exception {
        Path share = Files.createDirectories(home.resolve("share"));
        NodeConfig config = NodeConfig.defaults(home.resolve("data"))
                .withListen(new InetSocketAddress("127.0.0.1", 0))
                .withShares(List.of(share));
        List<NodeEvent> kept = new CopyOnWriteArrayList<>();
        List<NodeEvent> removed = new CopyOnWriteArrayList<>();
        try (ShoalNode node = Shoal.start(config)) {
            node.libraryReady().get();
            NodeListener gone = removed::add;
            node.addListener(gone);
            node.addListener(kept::add);
            node.removeListener(gone);

            Files.writeString(share.resolve("new song.txt"), "la la la");
            // Listeners hear each event in the order they were added: once the second one has the
            // library change, the first would have had it too.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> kept.stream().anyMatch(e -> e instanceof NodeEvent.LibraryChanged c && c.files() == 1));
        }
        assertThat(removed).isEmpty();
    }
}
