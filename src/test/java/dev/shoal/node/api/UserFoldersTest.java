package dev.shoal.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserFoldersTest {
    @Test
    void homeFollowsTheHomeVariable() {
        UserFolders f = UserFolders.of(Map.of("HOME", "/home/elsewhere"), "/home/passwd");
        assertThat(f.data()).isEqualTo(Path.of("/home/elsewhere/.shoal"));
        assertThat(f.downloads()).isEqualTo(Path.of("/home/elsewhere/Downloads/Shoal"));
    }

    @Test
    void withoutHomeTheJvmsUserHomeIsUsed() {
        assertThat(UserFolders.of(Map.of(), "/home/passwd").home()).isEqualTo(Path.of("/home/passwd"));
        assertThat(UserFolders.of(Map.of("HOME", " "), "/home/passwd").home()).isEqualTo(Path.of("/home/passwd"));
    }

    @Test
    void theDefaultConfigDownloadsIntoTheVisibleDownloadsFolder() {
        assertThat(NodeConfig.defaults(Path.of("/data")).downloadsDir()).isEqualTo(UserFolders.current().downloads());
    }
}
