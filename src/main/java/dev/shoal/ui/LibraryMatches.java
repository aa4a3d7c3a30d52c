package dev.shoal.ui;

import dev.shoal.node.api.SharedFileInfo;
import java.awt.BorderLayout;
import java.util.List;
import javax.swing.DefaultListModel;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.ListSelectionModel;

/**
 * Under the search box, while the user types: the files of our own library whose names match what
 * is typed so far, before any peer is asked. Hidden when nothing matches.
 */
final class LibraryMatches extends JPanel {
    static final int MAX = 50;

    private final DefaultListModel<String> names = new DefaultListModel<>();
    private final JList<String> list = new JList<>(names);
    private final JLabel title = new JLabel();

    LibraryMatches() {
        super(new BorderLayout(0, Widgets.px(2)));
        setName("libraryMatchesPanel");
        list.setName("libraryMatches");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setLayoutOrientation(JList.HORIZONTAL_WRAP);
        list.setVisibleRowCount(2);
        title.setName("libraryMatchesTitle");
        add(title, BorderLayout.NORTH);
        add(list, BorderLayout.CENTER);
        setVisible(false);
    }

    /** EDT: what matches {@code text} in our library now. */
    void show(String text, List<SharedFileInfo> files) {
        names.clear();
        files.forEach(f -> names.addElement(f.name()));
        title.setText(files.isEmpty() ? "" : "In your library (" + (files.size() >= MAX ? MAX + "+" : files.size())
                + ") \u2014 the network is asked when you pause:");
        list.setToolTipText(files.isEmpty() ? null : "Files you share whose names match \u201c" + text + "\u201d");
        setVisible(!files.isEmpty());
        revalidate();
    }

    void clear() {
        show("", List.of());
    }

    /** The names shown, for tests. */
    List<String> shown() {
        return java.util.Collections.list(names.elements());
    }
}
