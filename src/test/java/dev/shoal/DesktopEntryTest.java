package dev.shoal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Linux desktop entry the app image carries: it must declare Shoal the handler of magnet links. */
class DesktopEntryTest {
    @Test
    void theEntryHandsMagnetLinksToShoalAsItsArgument() throws Exception {
        Map<String, String> entry = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("packaging", "shoal.desktop"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                entry.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertThat(Files.readAllLines(Path.of("packaging", "shoal.desktop")).get(0)).isEqualTo("[Desktop Entry]");
        assertThat(entry).containsEntry("Type", "Application").containsEntry("Name", "Shoal")
                .containsEntry("Exec", "@SHOAL@ %u").containsEntry("Terminal", "false");
        assertThat(entry.get("MimeType").split(";")).contains("x-scheme-handler/magnet");
        assertThat(Files.readString(Path.of("README.md"))).contains("x-scheme-handler/magnet")
                .contains("packaging/shoal.desktop");
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<copy file=\"packaging/shoal.desktop\"");
    }
}
