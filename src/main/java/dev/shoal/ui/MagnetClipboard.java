package dev.shoal.ui;

import java.awt.Toolkit;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Magnet links to and from the system clipboard: several links go one per line. EDT only. */
final class MagnetClipboard {
    private MagnetClipboard() {
    }

    static void copy(List<String> links) {
        String text = String.join("\n", links);
        clipboard().setContents(new StringSelection(text), null);
    }

    /** The first magnet link in the clipboard's text, if any. */
    static Optional<String> paste() {
        try {
            Object data = clipboard().getData(DataFlavor.stringFlavor);
            return data == null ? Optional.empty() : find(data.toString());
        } catch (UnsupportedFlavorException | IOException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The first magnet link in {@code text}, which may hold other words ("here it is: magnet:?..."). */
    static Optional<String> find(String text) {
        return Arrays.stream(text.split("\\s+")).filter(MagnetClipboard::isMagnet).findFirst();
    }

    static boolean isMagnet(String text) {
        return text.strip().toLowerCase(Locale.ROOT).startsWith("magnet:?");
    }

    private static Clipboard clipboard() {
        return Toolkit.getDefaultToolkit().getSystemClipboard();
    }
}
