package dev.shoal.ui;

import com.formdev.flatlaf.FlatClientProperties;
import dev.shoal.node.api.LeftOutFile;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Window;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTable;
import javax.swing.table.AbstractTableModel;

/**
 * Says which files of the shared folders were left out because they look private (keys, wallets,
 * mail, passports, tax and bank papers), with their kind and folder. Nothing is shared unless the
 * user ticks a file and chooses "Share ticked anyway".
 */
final class LeftOutDialog extends JDialog {
    private final AppContext ctx;
    private final Rows rows;

    LeftOutDialog(Window owner, AppContext ctx, List<LeftOutFile> files) {
        super(owner, "Files left out of the share", ModalityType.APPLICATION_MODAL);
        this.ctx = ctx;
        this.rows = new Rows(files);
        setName("leftOutDialog");
        JLabel why = new JLabel("<html>" + (files.size() == 1 ? "This file looks" : "These " + files.size()
                + " files look") + " private, so Shoal does not share " + (files.size() == 1 ? "it" : "them")
                + ": anyone on the network could download " + (files.size() == 1 ? "it" : "them") + ".<br>"
                + "Tick a file and choose <b>Share ticked anyway</b> only if you mean everyone to have it.</html>");
        JTable table = Widgets.table("leftOutTable", rows, null, 40, 230, 130, 330);
        JButton share = new JButton("Share ticked anyway");
        share.setName("shareAnywayButton");
        share.addActionListener(e -> shareTicked());
        JButton keep = new JButton("Keep them out");
        keep.setName("keepOutButton");
        keep.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, Widgets.px(4), 0));
        buttons.add(share);
        buttons.add(keep);
        JLabel where = new JLabel("<html>Shoal looks at names only: SSH and GPG keys, wallets, password and mail"
                + " stores, browser profiles,<br>and documents named like passports, tax returns or bank statements."
                + "</html>");
        where.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        JPanel bottom = new JPanel(new BorderLayout(0, Widgets.px(6)));
        bottom.add(where, BorderLayout.NORTH);
        bottom.add(buttons, BorderLayout.SOUTH);
        JPanel content = new JPanel(new BorderLayout(0, Widgets.px(8)));
        content.setBorder(BorderFactory.createEmptyBorder(Widgets.px(12), Widgets.px(12), Widgets.px(12), Widgets.px(12)));
        content.add(why, BorderLayout.NORTH);
        content.add(Widgets.scroll(table), BorderLayout.CENTER);
        content.add(bottom, BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().setDefaultButton(keep);
        setSize(Widgets.px(780), Widgets.px(360));
        setLocationRelativeTo(owner);
    }

    private void shareTicked() {
        List<Path> chosen = rows.ticked();
        if (chosen.isEmpty()) {
            dispose();
            return;
        }
        ctx.background().call(() -> {
            ctx.node().shareAnyway(chosen);
            return chosen.size();
        }, n -> ctx.notice(n == 1 ? "Sharing " + chosen.get(0).getFileName() + " anyway"
                : "Sharing " + n + " files that look private anyway"));
        dispose();
    }

    /** The left-out files, each with a tick for "share anyway". */
    private static final class Rows extends AbstractTableModel {
        private static final String[] COLUMNS = {"Share", "Name", "Looks like", "Folder"};
        private final List<LeftOutFile> files;
        private final boolean[] ticked;

        Rows(List<LeftOutFile> files) {
            this.files = List.copyOf(files);
            this.ticked = new boolean[files.size()];
        }

        List<Path> ticked() {
            List<Path> out = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                if (ticked[i]) {
                    out.add(Path.of(files.get(i).path()));
                }
            }
            return out;
        }

        @Override
        public int getRowCount() {
            return files.size();
        }

        @Override
        public int getColumnCount() {
            return COLUMNS.length;
        }

        @Override
        public String getColumnName(int column) {
            return COLUMNS[column];
        }

        @Override
        public Class<?> getColumnClass(int column) {
            return column == 0 ? Boolean.class : String.class;
        }

        @Override
        public boolean isCellEditable(int row, int column) {
            return column == 0;
        }

        @Override
        public Object getValueAt(int row, int column) {
            LeftOutFile f = files.get(row);
            Path p = Path.of(f.path());
            return switch (column) {
                case 0 -> ticked[row];
                case 1 -> String.valueOf(p.getFileName());
                case 2 -> f.kind();
                default -> String.valueOf(p.getParent());
            };
        }

        @Override
        public void setValueAt(Object value, int row, int column) {
            ticked[row] = Boolean.TRUE.equals(value);
            fireTableCellUpdated(row, column);
        }
    }
}
