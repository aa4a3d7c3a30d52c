package dev.shoal.ui;

import static dev.shoal.ui.GuiChecks.find;
import static dev.shoal.ui.GuiChecks.onEdt;
import static dev.shoal.ui.GuiChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.FakeGWebCache;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.NodeConfigFile;
import dev.shoal.node.api.Role;
import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.swing.AbstractButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joining the public network is asked once, on the app's first start, and remembered; no node is
 * started here with the answer (tests never join the public network). The status bar says how
 * finding the network goes, here with a fake GWebCache on 127.0.0.1 naming hosts nobody listens on.
 */
@Tag("gui")
@NeedsDisplay
class JoinPublicGuiTest {
    @TempDir
    Path home;

    private static Optional<JDialog> question() {
        for (Window w : Window.getWindows()) {
            if (w instanceof JDialog d && d.isShowing() && FirstRun.TITLE.equals(d.getTitle())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static AbstractButton button(Container root, String text) {
        for (Component c : root.getComponents()) {
            if (c instanceof AbstractButton b && text.equals(b.getText())) {
                return b;
            }
            if (c instanceof Container inner) {
                AbstractButton found = button(inner, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void theFirstStartAsksOnceAndTheAnswerIsKeptInTheSettings() throws Exception {
        Path data = home.resolve("data");
        SettingsStore settings = SettingsStore.load(NodeConfig.defaults(data).withRole(Role.LEAF));
        CompletableFuture<NodeConfig> answered = CompletableFuture.supplyAsync(() -> FirstRun.askOnce(settings));

        waitFor("the join question", () -> onEdt(() -> question().isPresent()));
        onEdt(() -> {
            button(question().orElseThrow(), FirstRun.JOIN).doClick();
            return null;
        });

        assertThat(answered.get(10, TimeUnit.SECONDS).bootstrap().joinPublic()).isTrue();
        Path file = data.resolve(NodeConfigFile.SETTINGS_FILE);
        assertThat(Files.readString(file)).contains("join-public=true");
        SettingsStore again = SettingsStore.load(NodeConfig.defaults(data).withRole(Role.LEAF));
        assertThat(again.saved().bootstrap().joinPublic()).isTrue();
        // Answered: the next start returns at once, with no dialog to wait for.
        assertThat(FirstRun.askOnce(again).bootstrap().joinPublic()).isTrue();
    }

    @Test
    void notNowIsRememberedToo() throws Exception {
        Path data = home.resolve("data");
        SettingsStore settings = SettingsStore.load(NodeConfig.defaults(data));
        CompletableFuture<NodeConfig> answered = CompletableFuture.supplyAsync(() -> FirstRun.askOnce(settings));
        waitFor("the join question", () -> onEdt(() -> question().isPresent()));
        onEdt(() -> {
            button(question().orElseThrow(), FirstRun.NOT_NOW).doClick();
            return null;
        });
        assertThat(answered.get(10, TimeUnit.SECONDS).bootstrap().joinPublic()).isFalse();
        assertThat(Files.readString(data.resolve(NodeConfigFile.SETTINGS_FILE))).contains("join-public=false");
        assertThat(settings.has("join-public")).isTrue();
    }

    @Test
    void theStatusBarSaysHowFindingTheNetworkGoes() throws Exception {
        FakeGWebCache cache = FakeGWebCache.serving("/gwc", "H|127.0.0.1:1|5\nH|127.0.0.1:2|5\n");
        URI url = cache.url();
        try (GuiHarness app = GuiHarness.solo(home, c -> c.withRole(Role.LEAF)
                .withBootstrap(c.bootstrap().withGWebCaches(List.of(url))))) {
            JLabel line = (JLabel) find(app.frame, "statusBootstrap");
            waitFor("the bootstrap line", () -> onEdt(line::getText).startsWith("bootstrapping: asked 1 cache, 2 hosts"));
        } finally {
            cache.close();
        }
    }
}
