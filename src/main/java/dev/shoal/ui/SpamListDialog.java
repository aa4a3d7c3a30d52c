package dev.shoal.ui;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.FlowLayout;
import java.awt.Window;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.UIManager;

/**
 * Edits the spam list: the file in the data folder, one {@code urn:sha1:} per line, {@code #}
 * comments. Save refuses a line that is not a URN and says which; once saved, the open searches
 * hide what it lists at once.
 */
final class SpamListDialog extends JDialog {
    private final AppContext ctx;
    private final JTextArea text = new JTextArea(14, 72);
    private final JLabel problem = new JLabel(" ");
    private final JButton save = new JButton("Save");

    SpamListDialog(Window owner, AppContext ctx) {
        super(owner, "Spam list", ModalityType.APPLICATION_MODAL);
        this.ctx = ctx;
        setName("spamListDialog");
        text.setName("spamListText");
        text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, text.getFont().getSize()));
        text.setEnabled(false);
        problem.setName("spamListProblem");
        problem.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
        JLabel where = new JLabel(explanation("the data folder"));
        where.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");

        save.setName("saveSpamListButton");
        save.setEnabled(false);
        save.addActionListener(e -> save());
        JButton cancel = new JButton("Cancel");
        cancel.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, Widgets.px(4), 0));
        buttons.add(save);
        buttons.add(cancel);
        JPanel bottom = new JPanel(new BorderLayout(Widgets.px(8), 0));
        bottom.add(problem, BorderLayout.CENTER);
        bottom.add(buttons, BorderLayout.EAST);

        JPanel content = new JPanel(new BorderLayout(0, Widgets.px(8)));
        content.setBorder(BorderFactory.createEmptyBorder(Widgets.px(12), Widgets.px(12), Widgets.px(12), Widgets.px(12)));
        content.add(where, BorderLayout.NORTH);
        content.add(new JScrollPane(text), BorderLayout.CENTER);
        content.add(bottom, BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().setDefaultButton(null);
        pack();
        setLocationRelativeTo(owner);

        ctx.background().call(() -> new Loaded(ctx.node().spamList().file().toString(), ctx.node().spamList().text()),
                loaded -> {
                    where.setText(explanation(loaded.file()));
                    text.setText(loaded.text());
                    text.setCaretPosition(0);
                    text.setEnabled(true);
                    save.setEnabled(true);
                }, e -> problem.setText(Background.message(e)));
    }

    private record Loaded(String file, String text) {
    }

    private static String explanation(String file) {
        return "<html>Search results with these hashes are hidden. One urn:sha1 per line; # starts a comment."
                + "<br>The list is kept in " + file + "; edits made there count too.</html>";
    }

    private void save() {
        String edited = text.getText();
        save.setEnabled(false);
        ctx.background().call(() -> {
            ctx.node().spamList().save(edited);
            return null;
        }, done -> {
            ctx.spamListChanged();
            ctx.notice("Spam list saved");
            dispose();
        }, e -> {
            problem.setText(Background.message(e));
            save.setEnabled(true);
        });
    }
}
