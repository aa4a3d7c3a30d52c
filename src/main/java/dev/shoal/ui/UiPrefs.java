package dev.shoal.ui;

import dev.shoal.io.AtomicFile;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Look-and-feel choices kept next to the node settings in the data folder ({@code ui.properties}),
 * so one folder holds everything and tests never touch the user's Java preferences.
 */
final class UiPrefs {
    private static final Logger log = LoggerFactory.getLogger(UiPrefs.class);
    static final String FILE = "ui.properties";

    private final Path file;
    private final Properties values = new Properties();

    private UiPrefs(Path file) {
        this.file = file;
    }

    static UiPrefs load(Path dataDir) {
        UiPrefs p = new UiPrefs(dataDir.resolve(FILE));
        if (Files.isRegularFile(p.file)) {
            try (Reader in = Files.newBufferedReader(p.file, StandardCharsets.UTF_8)) {
                p.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                log.warn("ignoring unreadable {}: {}", p.file, e.getMessage());
            }
        }
        return p;
    }

    synchronized Theme theme() {
        return Theme.parse(values.getProperty("theme"));
    }

    synchronized void setTheme(Theme theme) {
        values.setProperty("theme", theme.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Writes the file; call it off the EDT. A temporary file renamed over it, so that a kill while
     * saving leaves the previous choices rather than an empty file.
     */
    synchronized void save() {
        try {
            StringWriter out = new StringWriter();
            values.store(out, "Shoal desktop preferences");
            AtomicFile.writeString(file, out.toString());
        } catch (IOException e) {
            log.warn("cannot save {}: {}", file, e.getMessage());
        }
    }
}
