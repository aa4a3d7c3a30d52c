package dev.shoal.ui;

import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;

/**
 * A list of folders with Add (a folder chooser) and Remove; tells its owner the new list. A path
 * that is not an existing folder (a name typed into the chooser, say) is refused with a reason.
 */
final class FolderList extends JPanel {
    private final DefaultListModel<Path> folders = new DefaultListModel<>();
    private final JList<Path> list = new JList<>(folders);
    private final Consumer<List<Path>> onChange;
    private final Consumer<String> onRefused;

    FolderList(String name, Consumer<List<Path>> onChange, Consumer<String> onRefused) {
        super(new BorderLayout(Widgets.px(6), 0));
        this.onChange = onChange;
        this.onRefused = onRefused;
        list.setName(name);
        list.setVisibleRowCount(4);
        JButton add = new JButton("Add\u2026");
        add.setName(name + "Add");
        add.addActionListener(e -> choose());
        JButton remove = new JButton("Remove");
        remove.setName(name + "Remove");
        remove.addActionListener(e -> removeSelected());
        remove.setEnabled(false);
        list.addListSelectionListener(e -> remove.setEnabled(!list.isSelectionEmpty()));
        JPanel buttons = new JPanel(new GridLayout(0, 1, 0, Widgets.px(4)));
        buttons.add(add);
        buttons.add(remove);
        JPanel east = new JPanel(new BorderLayout());
        east.add(buttons, BorderLayout.NORTH);
        add(new JScrollPane(list), BorderLayout.CENTER);
        add(east, BorderLayout.EAST);
    }

    List<Path> folders() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            out.add(folders.get(i));
        }
        return out;
    }

    /** Shows {@code paths} without telling the owner (they came from it). */
    void show(List<Path> paths) {
        folders.clear();
        paths.forEach(folders::addElement);
    }

    /** Adds a folder as if it had been chosen; ignored when already listed, refused when not a folder. */
    void addFolder(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        String problem = problem(abs);
        if (problem != null) {
            onRefused.accept(problem);
            return;
        }
        if (!folders.contains(abs)) {
            folders.addElement(abs);
            onChange.accept(folders());
        }
    }

    /** Why {@code folder} cannot be shared, or null. */
    static String problem(Path folder) {
        if (Files.isDirectory(folder)) {
            return Files.isReadable(folder) ? null : "Cannot share " + folder + ": Shoal may not read it";
        }
        return Files.exists(folder) ? "Cannot share " + folder + ": it is a file, not a folder (share the folder it is in)"
                : "Cannot share " + folder + ": there is no such folder";
    }

    private void choose() {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setDialogTitle("Share a folder");
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            addFolder(chooser.getSelectedFile().toPath());
        }
    }

    private void removeSelected() {
        List<Path> gone = list.getSelectedValuesList();
        if (!gone.isEmpty()) {
            gone.forEach(folders::removeElement);
            onChange.accept(folders());
        }
    }
}
