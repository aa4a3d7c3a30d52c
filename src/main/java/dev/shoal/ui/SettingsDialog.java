package dev.shoal.ui;

import com.formdev.flatlaf.FlatClientProperties;
import dev.shoal.node.api.NodeConfig;
import dev.shoal.node.api.Role;
import dev.shoal.node.api.UnsafeShareException;
import dev.shoal.protocol.HostPort;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.UIManager;

/**
 * Edits the settings kept in {@code <data>/settings.properties}. Shared folders apply at once, and
 * the node connects at once to peers added to the list it joins at start; the other values are
 * read when the node starts, and the dialog says which of them wait for a restart. Save refuses a
 * downloads folder or a peer it cannot use, and says why.
 */
final class SettingsDialog extends JDialog {
    /** The choices of {@link Role}, in its order, as the dialog names them. */
    private static final String[] ROLE_NAMES = {"Automatic", "Leaf", "Ultrapeer"};

    private final AppContext ctx;
    private final JSpinner port;
    private final JLabel problem = new JLabel(" ");
    private final FolderList shares = new FolderList("settingsShares", list -> {
    }, this::showProblem);
    private final JTextField downloads = new JTextField(34);
    private final JTextField peers = Widgets.field("peersField", "host:port, host:port", 34);
    private final JComboBox<String> role = new JComboBox<>(ROLE_NAMES);
    private final JSpinner maxConnections;
    private final JSpinner uploadSlots;
    private final JSpinner uploadLimit;
    private final JCheckBox browseHost = new JCheckBox("Let other servents list all my shared files");
    private final JCheckBox joinPublic = new JCheckBox(FirstRun.TITLE);
    private final JCheckBox bootstrap = new JCheckBox("Ask host caches for servents when too few are known");
    private final JCheckBox portMapping = new JCheckBox("Open my port on the home router (UPnP)");
    private final JLabel restartNote = new JLabel(" ");

    SettingsDialog(Window owner, AppContext ctx) {
        super(owner, "Settings", ModalityType.APPLICATION_MODAL);
        this.ctx = ctx;
        setName("settingsDialog");
        NodeConfig c = ctx.settings().saved();
        port = spinner("portSpinner", c.listen().getPort(), 0, 65_535);
        role.setName("roleCombo");
        role.setSelectedIndex(c.role().ordinal());
        role.addActionListener(e -> updateNote());
        maxConnections = spinner("maxConnectionsSpinner", c.maxConnections(), 1, 10_000);
        uploadSlots = spinner("uploadSlotsSpinner", c.uploadSlots(), 0, 1000);
        uploadLimit = spinner("uploadLimitSpinner", (int) (c.uploadLimitBytesPerSecond() / 1024), 0, 10_000_000);
        browseHost.setName("browseHostToggle");
        browseHost.setSelected(c.browseHost());
        joinPublic.setName("joinPublicToggle");
        joinPublic.setSelected(c.bootstrap().joinPublic());
        bootstrap.setName("bootstrapToggle");
        bootstrap.setSelected(c.bootstrap().enabled());
        portMapping.setName("portMappingToggle");
        portMapping.setSelected(c.portMapping());
        // The router is opened only for a node on the public network (NodeConfig.mapsPort).
        joinPublic.addActionListener(e -> {
            portMapping.setEnabled(joinPublic.isSelected());
            updateNote();
        });
        portMapping.setEnabled(joinPublic.isSelected());
        bootstrap.addActionListener(e -> updateNote());
        portMapping.addActionListener(e -> updateNote());
        shares.show(c.shares());
        downloads.setName("downloadsField");
        downloads.setText(c.downloadsDir().toString());
        peers.setText(String.join(", ", c.peers().stream().map(HostPort::format).toList()));
        peers.setCaretPosition(0);
        Widgets.onTextChange(peers, t -> clearProblem(peers));
        Widgets.onTextChange(downloads, t -> clearProblem(downloads));
        problem.setName("settingsProblem");
        problem.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
        restartNote.setName("restartNote");
        restartNote.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");

        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(Widgets.px(12), Widgets.px(12), Widgets.px(6), Widgets.px(12)));
        int row = 0;
        row = addRow(form, row, "Port *", port, "0 picks a free port each start");
        row = addRow(form, row, "Shared folders", shares, "applied as soon as you save");
        row = addRow(form, row, "Downloads folder *", downloadsRow(), null);
        row = addRow(form, row, "Peers to join", peers, "connected to now and at every start");
        row = addRow(form, row, "Role *", role, "a leaf uses a few ultrapeers; automatic becomes one when able");
        row = addRow(form, row, "Max connections *", maxConnections, "links to other ultrapeers, as an ultrapeer");
        row = addRow(form, row, "Upload slots *", uploadSlots, "uploads served at once");
        row = addRow(form, row, "Upload limit (KiB/s) *", uploadLimit, "0 means no limit");
        row = addRow(form, row, "Browse host", browseHost, "applied as soon as you save");
        row = addRow(form, row, "Public network *", joinPublic, "ask the public host caches for servents");
        row = addRow(form, row, "Bootstrap *", bootstrap, "off: connect only to the peers above and those you type");
        row = addRow(form, row, "Port mapping *", portMapping, "only on the public network; lets others reach you");
        GridBagConstraints note = constraints(0, row);
        note.gridwidth = 3;
        note.insets = new Insets(Widgets.px(10), 0, 0, 0);
        form.add(new JLabel("* takes effect the next time Shoal starts"), note);
        note = constraints(0, row + 1);
        note.gridwidth = 3;
        form.add(restartNote, note);
        note = constraints(0, row + 2);
        note.gridwidth = 3;
        form.add(problem, note);

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
        f.fill = field instanceof JSpinner || field instanceof JComboBox ? GridBagConstraints.NONE
                : GridBagConstraints.HORIZONTAL;
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

    /**
     * The settings as edited, on top of what was saved (keeps bind address and TTL). Peers stay
     * unresolved here: names are looked up off the EDT, when connecting.
     */
    NodeConfig edited() {
        NodeConfig saved = ctx.settings().saved();
        String dir = downloads.getText().strip();
        return saved.toBuilder()
                .listen(new InetSocketAddress(saved.listen().getHostString(), (Integer) port.getValue()))
                .shares(shares.folders())
                .peers(peerList(saved.peers()))
                .downloadsDir(dir.isEmpty() ? saved.downloadsDir() : Path.of(dir))
                .role(Role.values()[role.getSelectedIndex()])
                .maxConnections((Integer) maxConnections.getValue())
                .uploadSlots((Integer) uploadSlots.getValue())
                .uploadLimitBytesPerSecond(1024L * (Integer) uploadLimit.getValue())
                .browseHost(browseHost.isSelected())
                .portMapping(portMapping.isSelected())
                .bootstrap(saved.bootstrap().withJoinPublic(joinPublic.isSelected()).withEnabled(bootstrap.isSelected()))
                .build();
    }

    private void updateNote() {
        List<String> pending = SettingsChange.needingRestart(ctx.node().config(), edited());
        restartNote.setText(pending.isEmpty() ? " " : "Restart Shoal to apply: " + String.join(", ", pending));
    }

    /** The typed peers; while one is malformed, {@code fallback} (Save says what is wrong). */
    private List<InetSocketAddress> peerList(List<InetSocketAddress> fallback) {
        try {
            return parsePeers(peers.getText());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** Peers separated by commas or spaces, each host:port. */
    static List<InetSocketAddress> parsePeers(String text) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isBlank()) {
                out.add(HostPort.parse(part).unresolved());
            }
        }
        return out;
    }

    /** Why the downloads folder cannot be used, or null. */
    static String downloadsProblem(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        Path dir = Path.of(t);
        if (!dir.isAbsolute()) {
            return "Type the downloads folder as a full path, such as " + Path.of(System.getProperty("user.home"),
                    "Downloads").toAbsolutePath();
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return dir + " is a file: choose a folder for downloads";
        }
        if (Files.isDirectory(dir) && !Files.isWritable(dir)) {
            return "Shoal may not write into " + dir + ": choose another downloads folder";
        }
        return null;
    }

    private void save() {
        String folderProblem = downloadsProblem(downloads.getText());
        if (folderProblem != null) {
            refuse(downloads, folderProblem);
            return;
        }
        try {
            parsePeers(peers.getText());
        } catch (IllegalArgumentException e) {
            refuse(peers, "Peers to join: " + Format.sentence(e.getMessage()));
            return;
        }
        NodeConfig wanted = edited();
        NodeConfig running = ctx.node().config();
        List<String> pending = SettingsChange.needingRestart(running, wanted);
        boolean sharesChanged = SettingsChange.sharesChanged(running, wanted);
        boolean browseChanged = running.browseHost() != wanted.browseHost();
        List<InetSocketAddress> newPeers = wanted.peers().stream().filter(p -> !ctx.settings().saved().peers()
                .stream().anyMatch(old -> old.getHostString().equals(p.getHostString()) && old.getPort() == p.getPort()))
                .toList();
        AppContext app = ctx;
        app.background().call(() -> {
            // Shared first: a folder the node refuses (the disk, the home folder) is never saved.
            if (sharesChanged) {
                app.node().setSharedFolders(wanted.shares());
            }
            if (browseChanged) {
                app.node().setBrowseHost(wanted.browseHost());
            }
            app.settings().save(wanted);
            for (InetSocketAddress p : newPeers) {
                app.background().await(app.node().connect(new InetSocketAddress(p.getHostString(), p.getPort())),
                        peer -> app.poller().pollSoon(), e -> app.notice(Background.message(e)));
            }
            return null;
        }, ignored -> app.notice(pending.isEmpty()
                ? "Settings saved" + (newPeers.isEmpty() ? "" : "; connecting to the new peers")
                : "Settings saved; restart Shoal to apply: " + String.join(", ", pending)), e -> {
                    if (e instanceof UnsafeShareException) {
                        JOptionPane.showMessageDialog(getOwner(), Background.message(e), "Not shared",
                                JOptionPane.WARNING_MESSAGE);
                    } else {
                        app.notice(Background.message(e));
                    }
                });
        dispose();
    }

    private void refuse(JComponent field, String why) {
        field.putClientProperty(FlatClientProperties.OUTLINE, FlatClientProperties.OUTLINE_ERROR);
        field.requestFocusInWindow();
        showProblem(why);
    }

    private void showProblem(String why) {
        problem.setText(why);
        pack();
    }

    private void clearProblem(JComponent field) {
        field.putClientProperty(FlatClientProperties.OUTLINE, null);
        problem.setText(" ");
    }
}
