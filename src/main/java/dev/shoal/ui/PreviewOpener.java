package dev.shoal.ui;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Hands a preview file to the desktop's player for its type. The window holds one in its
 * {@link AppContext}; tests put a recorder in its place, so that no real player is ever launched.
 */
@FunctionalInterface
interface PreviewOpener {
    /** Audio, video and text: what a player can start on before the whole file is there. */
    Set<String> PREVIEWABLE = Set.of("mp3", "ogg", "oga", "opus", "flac", "wav", "m4a", "aac", "wma",
            "mp4", "m4v", "mkv", "webm", "avi", "mov", "mpg", "mpeg", "ogv", "wmv", "flv",
            "txt", "text", "md", "nfo", "srt", "log", "csv");

    /** Called off the event thread: a desktop may take a while to start a player. */
    void open(Path file) throws IOException;

    /** The desktop's own opener; fails with the file's path where there is none. */
    static PreviewOpener desktop() {
        return file -> {
            if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                throw new IOException("this desktop cannot open files; the preview is " + file.toAbsolutePath());
            }
            Desktop.getDesktop().open(file.toFile());
        };
    }

    /** True for a file name whose type a player can preview. */
    static boolean canPreview(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && PREVIEWABLE.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
