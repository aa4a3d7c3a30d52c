package dev.shoal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiPrefsTest {
    @TempDir
    Path data;

    @Test
    void theThemeIsKeptAcrossLoads() {
        UiPrefs prefs = UiPrefs.load(data);
        assertThat(prefs.theme()).isEqualTo(Theme.parse(null));
        prefs.setTheme(Theme.DARK);
        prefs.save();
        assertThat(UiPrefs.load(data).theme()).isEqualTo(Theme.DARK);
    }

    /** Saving replaces the file whole: read at any moment (or left by a kill), it holds a theme. */
    @Test
    void theFileIsNeverSeenHalfWritten() throws Exception {
        UiPrefs prefs = UiPrefs.load(data);
        prefs.setTheme(Theme.LIGHT);
        prefs.save();
        AtomicBoolean stop = new AtomicBoolean();
        Thread saver = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                prefs.setTheme(i % 2 == 0 ? Theme.DARK : Theme.LIGHT);
                prefs.save();
            }
        });
        saver.start();
        try {
            for (int i = 0; i < 3000; i++) {
                assertThat(themeOnDisk(data.resolve(UiPrefs.FILE))).as("read %d", i).isNotNull();
            }
        } finally {
            stop.set(true);
            saver.join();
        }
    }

    private static String themeOnDisk(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p.getProperty("theme");
    }
}
