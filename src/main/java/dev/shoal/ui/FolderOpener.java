package dev.shoal.ui;

import java.awt.Component;
import java.awt.Desktop;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.swing.JOptionPane;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

/**
 * Opens a folder in the system's file manager when the desktop supports it, and otherwise shows
 * its path in a dialog where it can be selected and copied.
 */
final class FolderOpener {
    private FolderOpener() {
    }

    /** EDT: hands the (possibly slow) Desktop call to the background executor. */
    static void open(Component parent, Background background, Path folder) {
        boolean supported = Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
        if (!supported || !Files.isDirectory(folder)) {
            showPath(parent, folder);
            return;
        }
        background.call(() -> {
            Desktop.getDesktop().open(folder.toFile());
            return null;
        }, ignored -> {
        }, e -> showPath(parent, folder));
    }

    static void showPath(Component parent, Path folder) {
        JTextField path = new JTextField(folder.toAbsolutePath().toString());
        path.setName("folderPath");
        path.setEditable(false);
        path.selectAll();
        JOptionPane.showMessageDialog(SwingUtilities.getWindowAncestor(parent), new Object[] {"The file is in:", path},
                "Containing folder", JOptionPane.INFORMATION_MESSAGE);
    }

    /** The folder a finished file is in, or {@code fallback} while it has no path yet. */
    static Path containing(String filePath, Path fallback) {
        if (filePath == null || filePath.isBlank()) {
            return fallback;
        }
        Path parent = Path.of(filePath).toAbsolutePath().getParent();
        return parent == null ? fallback : parent;
    }
}
