package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.LeftOutFile;
import dev.shoal.node.api.NodeEvent;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SharedFileInfo;
import dev.shoal.node.api.UnsafeShareException;
import dev.shoal.node.api.UserFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real shared folder holding keys, a wallet and a passport scan next to music: another node on
 * loopback finds the music and never the private files, until the sharer shares one anyway. The
 * disk and the home folder are refused with a typed error.
 */
class SafeSharingTest {
    @TempDir
    Path temp;
    private TestNodes net;
    private ServentNode sharer;
    private ServentNode searcher;
    private final List<NodeEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        net = new TestNodes(temp);
        Path share = Files.createDirectories(net.shareOf("sharer"));
        write(share.resolve(".ssh/id_rsa"), "-----BEGIN OPENSSH PRIVATE KEY-----");
        write(share.resolve("backup/id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----");
        write(share.resolve("wallet.dat"), "coins");
        write(share.resolve("papers/passport-scan.pdf"), "me");
        write(share.resolve("music/ocean waves.mp3"), "waves");
        write(share.resolve("music/harbour scan.mp3"), "harbour");
        sharer = net.ultrapeer("sharer", 4, Map.of());
        sharer.addListener(events::add);
        searcher = net.leaf("searcher", 4);
        net.link(searcher, sharer);
    }

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @AfterEach
    void stop() {
        net.close();
    }

    @Test
    void anotherNodeFindsTheMusicAndNeverThePrivateFiles() {
        assertThat(names(net.searchUntilOver(searcher, "ocean waves", 2))).containsExactly("ocean waves.mp3");
        assertThat(names(net.searchUntilOver(searcher, "scan", 2))).containsExactly("harbour scan.mp3");
        for (String words : List.of("id_rsa", "id_ed25519", "wallet", "passport", "wallet dat")) {
            assertThat(net.searchUntilOver(searcher, words, 2)).as(words).isEmpty();
        }
        assertThat(sharer.sharedFiles()).extracting(SharedFileInfo::name)
                .containsExactlyInAnyOrder("ocean waves.mp3", "harbour scan.mp3");
        assertThat(sharer.leftOut()).extracting(LeftOutFile::kind)
                .containsExactlyInAnyOrder("SSH key", "wallet", "identity document");
    }

    @Test
    void aFileSharedAnywayIsFoundFromThenOn() throws Exception {
        Path wallet = net.shareOf("sharer").resolve("wallet.dat").toRealPath();
        sharer.shareAnyway(List.of(wallet));
        await().atMost(Duration.ofSeconds(10)).until(() -> sharer.leftOut().size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> !net.searchUntilOver(searcher, "wallet", 2).isEmpty());
        assertThat(names(net.searchUntilOver(searcher, "passport", 2))).isEmpty();
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(NodeEvent.PrivateFilesLeftOut.class,
                left -> assertThat(left.count()).isEqualTo(2)));
    }

    @Test
    void theDiskAndTheHomeFolderAreRefusedAndTheSharesStayAsTheyWere() throws Exception {
        List<Path> before = sharer.config().shares();
        assertThatThrownBy(() -> sharer.setSharedFolders(List.of(Path.of("/")))).isInstanceOf(UnsafeShareException.class)
                .hasMessageStartingWith("will not share /: it is the whole disk");
        // The build points HOME at a folder of its own, made here if no test made it yet.
        Path home = Files.createDirectories(UserFolders.current().home());
        assertThatThrownBy(() -> sharer.setSharedFolders(List.of(net.shareOf("sharer"), home)))
                .isInstanceOf(UnsafeShareException.class)
                .hasMessageStartingWith("will not share your whole home folder " + home.toRealPath());
        assertThat(sharer.config().shares()).isEqualTo(before);
        assertThat(names(net.searchUntilOver(searcher, "ocean", 2))).as("still sharing").containsExactly(
                "ocean waves.mp3");
    }

    @Test
    void theLibraryAnswersAsYouTypeWithoutTheNetwork() throws Exception {
        assertThat(sharer.searchLibrary("oce", 10).get(5, TimeUnit.SECONDS)).extracting(SharedFileInfo::name)
                .containsExactly("ocean waves.mp3");
        assertThat(sharer.searchLibrary("ocean wa", 10).get(5, TimeUnit.SECONDS)).extracting(SharedFileInfo::name)
                .containsExactly("ocean waves.mp3");
        assertThat(sharer.searchLibrary("wal", 10).get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(sharer.searchLibrary("", 10).get(5, TimeUnit.SECONDS)).isEmpty();
    }

    private static List<String> names(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::name).toList();
    }
}
