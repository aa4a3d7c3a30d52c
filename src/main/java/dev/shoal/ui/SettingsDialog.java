package dev.shoal.ui;

import com.formdev.flatlaf.FlatClientProperties;
import dev.shoal.node.api.NodeConfig;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

/**
 * Edits the settings kept in {@code <data>/settings.properties}. Shared folders apply at once; the
 * other values are read when the node starts, and the dialog says which of them wait for a restart.
 */
final class SettingsDialog extends JDialog {
    private final AppContext ctx;
    private final JSpinner port;
    private final FolderList shares = new FolderList("settingsShares", list -> {
    });
    private final JTextField downloads = new JTextField(34);
    private final JSpinner maxConnections;
    private final JSpinner uploadSlots;
    private final JSpinner uploadLimit;
    private final JLabel restartNote = new JLabel(" ");

    SettingsDialog(Window owner, AppContext ctx) {
        super(owner, "Settings", ModalityType.APPLICATION_MODAL);
        this.ctx = ctx;
        setName("settingsDialog");
        NodeConfig c = ctx.settings().saved();
        port = spinner("portSpinner", c.listen().getPort(), 0, 65_535);
        maxConnections = spinner("maxConnectionsSpinner", c.maxConnections(), 1, 10_000);
        uploadSlots = spinner("uploadSlotsSpinner", c.uploadSlots(), 0, 1000);
        uploadLimit = spinner("uploadLimitSpinner", (int) (c.uploadLimitBytesPerSecond() / 1024), 0, 10_000_000);
        shares.show(c.shares());
        downloads.setName("downloadsField");
        downloads.setText(c.downloadsDir().toString());
        restartNote.setName("restartNote");
        restartNote.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");

        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(Widgets.px(12), Widgets.px(12), Widgets.px(6), Widgets.px(12)));
        int row = 0;
        row = addRow(form, row, "Port *", port, "0 picks a free port each start");
        row = addRow(form, row, "Shared folders", shares, "applied as soon as you save");
        row = addRow(form, row, "Downloads folder *", downloadsRow(), null);
        row = addRow(form, row, "Max connections *", maxConnections, null);
        row = addRow(form, row, "Upload slots *", uploadSlots, "uploads served at once");
        row = addRow(form, row, "Upload limit (KiB/s) *", uploadLimit, "0 means no limit");
        GridBagConstraints note = constraints(0, row);
        note.gridwidth = 3;
        note.insets = new Insets(Widgets.px(10), 0, 0, 0);
        form.add(new JLabel("* takes effect the next time Shoal starts"), note);
        note = constraints(0, row + 1);
        note.gridwidth = 3;
        form.add(restartNote, note);

        JButton save = new JButton("Save");
        save.setName("saveSettings");
        save.addActionListener(e -> save());
        JButton cancel = new JButton("Cancel");
        cancel.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(save);
        buttons.add(cancel);
        getRootPane().setDefaultButton(save);
        add(form, BorderLayout.CENTER);
        add(buttons, BorderLayout.SOUTH);
        updateNote();
        pack();
        setLocationRelativeTo(owner);
    }

    private JSpinner spinner(String name, int value, int min, int max) {
        JSpinner s = new JSpinner(new SpinnerNumberModel(Math.max(min, Math.min(max, value)), min, max, 1));
        s.setName(name);
        ((JSpinner.DefaultEditor) s.getEditor()).getTextField().setColumns(8);
        s.addChangeListener(e -> updateNote());
        return s;
    }

    private JComponent downloadsRow() {
        JButton browse = new JButton("Browse\u2026");
        browse.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser(downloads.getText());
            chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
            if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
                downloads.setText(chooser.getSelectedFile().getAbsolutePath());
                updateNote();
            }
        });
        Widgets.onTextChange(downloads, t -> updateNote());
        JPanel p = new JPanel(new BorderLayout(Widgets.px(6), 0));
        p.add(downloads, BorderLayout.CENTER);
        p.add(browse, BorderLayout.EAST);
        return p;
    }

    private static int addRow(JPanel form, int row, String label, JComponent field, String help) {
        GridBagConstraints l = constraints(0, row);
        l.anchor = GridBagConstraints.NORTHWEST;
        l.insets = new Insets(Widgets.px(6), 0, 0, Widgets.px(10));
        form.add(new JLabel(label), l);
        GridBagConstraints f = constraints(1, row);
        // Numbers keep their natural width; lists and paths take the rest of the row.
        f.fill = field instanceof JSpinner ? GridBagConstraints.NONE : GridBagConstraints.HORIZONTAL;
        f.weightx = 1;
        f.insets = new Insets(Widgets.px(3), 0, 0, 0);
        form.add(field, f);
        if (help != null) {
            JLabel h = new JLabel(help);
            h.setEnabled(false);
            GridBagConstraints hc = constraints(1, row + 1);
            hc.anchor = GridBagConstraints.WEST;
            form.add(h, hc);
            return row + 2;
        }
        return row + 1;
    }

    private static GridBagConstraints constraints(int x, int y) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = y;
        c.anchor = GridBagConstraints.WEST;
        return c;
    }

    /** The settings as edited, on top of what was saved (keeps bind address, peers, TTL). */
    NodeConfig edited() {
        NodeConfig saved = ctx.settings().saved();
        String dir = downloads.getText().strip();
        return saved.toBuilder()
                .listen(new InetSocketAddress(saved.listen().getHostString(), (Integer) port.getValue()))
                .shares(shares.folders())
                .downloadsDir(dir.isEmpty() ? saved.downloadsDir() : Path.of(dir))
                .maxConnections((Integer) maxConnections.getValue())
                .uploadSlots((Integer) uploadSlots.getValue())
                .uploadLimitBytesPerSecond(1024L * (Integer) uploadLimit.getValue())
                .build();
    }

    private void updateNote() {
        List<String> pending = SettingsChange.needingRestart(ctx.node().config(), edited());
        restartNote.setText(pending.isEmpty() ? " " : "Restart Shoal to apply: " + String.join(", ", pending));
    }

    private void save() {
        NodeConfig wanted = edited();
        NodeConfig running = ctx.node().config();
        List<String> pending = SettingsChange.needingRestart(running, wanted);
        boolean sharesChanged = SettingsChange.sharesChanged(running, wanted);
        ctx.background().call(() -> {
            ctx.settings().save(wanted);
            if (sharesChanged) {
                ctx.node().setSharedFolders(wanted.shares());
            }
            return null;
        }, ignored -> ctx.notice(pending.isEmpty() ? "Settings saved"
                : "Settings saved; restart Shoal to apply: " + String.join(", ", pending)));
        dispose();
    }
}
