package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.net.HostCache;
import dev.shoal.node.api.NodeEvent;
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

/**
 * {@link ServentNode#halt()} stands for a killed process: its peers see the link drop without a
 * Bye, and nothing is saved on the way out; a graceful {@link ServentNode#close()} does both. Either
 * way the node can start again on the same data folder.
 */
class HaltTest {
    @TempDir
    Path temp;
    private TestNodes nodes;
    private final List<String> reasons = new CopyOnWriteArrayList<>();

    @BeforeEach
    void network() {
        nodes = new TestNodes(temp);
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void haltCutsLinksWithoutByeAndSavesNoHostCache() {
        ServentNode hub = hub();
        ServentNode victim = nodes.ultrapeer("victim", 4, Map.of());
        nodes.link(victim, hub);

        victim.halt();

        await().atMost(Duration.ofSeconds(10)).until(() -> !reasons.isEmpty());
        assertThat(reasons.get(0)).doesNotContain("Bye");
        assertThat(temp.resolve("victim").resolve("data").resolve(HostCache.FILE_NAME)).doesNotExist();
    }

    @Test
    void closeSaysByeAndSavesTheHostCache() {
        ServentNode hub = hub();
        ServentNode leaving = nodes.ultrapeer("leaving", 4, Map.of());
        nodes.link(leaving, hub);

        leaving.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> !reasons.isEmpty());
        assertThat(reasons.get(0)).contains("Bye");
        assertThat(temp.resolve("leaving").resolve("data").resolve(HostCache.FILE_NAME)).exists();
    }

    @Test
    void aHaltedNodeStartsAgainOnItsDataFolderAndCloseAfterHaltIsHarmless() throws Exception {
        ServentNode hub = hub();
        ServentNode victim = nodes.ultrapeer("again", 4, Map.of("song.txt", "la la"));
        nodes.link(victim, hub);
        victim.halt();
        victim.close();

        ServentNode back = nodes.ultrapeer("again", 4, Map.of("song.txt", "la la"));
        nodes.link(back, hub);

        assertThat(back.sharedFiles()).hasSize(1);
        assertThat(Files.exists(temp.resolve("again").resolve("data"))).isTrue();
    }

    private ServentNode hub() {
        ServentNode hub = nodes.ultrapeer("hub", 4, Map.of());
        hub.addListener(e -> {
            if (e instanceof NodeEvent.PeerDisconnected d) {
                reasons.add(d.reason());
            }
        });
        return hub;
    }
}
