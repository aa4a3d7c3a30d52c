package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.node.api.Download;
import dev.shoal.node.api.SharedFileInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A magnet link copied from a node that shares the file leads another node straight to it. */
class MagnetLinkTest {
    @TempDir
    Path temp;

    @Test
    void aSharedFilesLinkNamesUsAsASourceAndOpensAnywhere() throws Exception {
        try (TestNodes net = new TestNodes(temp)) {
            ServentNode sharer = net.ultrapeer("sharer", 4, Map.of("Café & crème.txt", "a recipe"));
            SharedFileInfo f = sharer.sharedFiles().get(0);
            String link = sharer.magnetLink(f.urn(), f.name(), f.size());
            assertThat(link).isEqualTo("magnet:?xt=" + f.urn() + "&dn=Caf%C3%A9%20%26%20cr%C3%A8me.txt&xl=8&xs=http://"
                    + "127.0.0.1:" + sharer.listenAddress().getPort() + "/uri-res/N2R?" + f.urn());

            // A node with no peers at all: the link's source is all it has.
            ServentNode stranger = net.leaf("stranger", 4);
            Download d = stranger.fetch(link, 1);
            Path got = d.completion().get(30, TimeUnit.SECONDS);
            assertThat(Files.readString(got)).isEqualTo("a recipe");
            assertThat(got.getFileName().toString()).isEqualTo("Café & crème.txt");
        }
    }

    @Test
    void aFileWeDoNotShareGetsALinkWithoutASource() {
        try (TestNodes net = new TestNodes(temp)) {
            ServentNode node = net.leaf("node", 4);
            String urn = "urn:sha1:5T7Z3XHOHKCK5QY2Z6BQKEKQPZMQGVOJ";
            assertThat(node.magnetLink(urn.toLowerCase(), "song.ogg", 378_392))
                    .isEqualTo("magnet:?xt=" + urn + "&dn=song.ogg&xl=378392");
        }
    }
}
