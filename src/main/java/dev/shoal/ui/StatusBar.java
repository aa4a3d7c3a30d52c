package dev.shoal.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.SwingConstants;
import javax.swing.Timer;
import javax.swing.UIManager;

/** The bottom line: the last notice on the left; peers, shared files and speeds on the right. */
final class StatusBar extends JPanel {
    private static final int NOTICE_MILLIS = 8000;

    private final JLabel notice = label("statusNotice", " ");
    private final JLabel bootstrap = label("statusBootstrap", "");
    private final JLabel peers = label("statusPeers", "0 peers");
    private final JLabel shared = label("statusShared", "0 files shared");
    private final JLabel up = label("statusUp", "\u2191 0 B/s");
    private final JLabel down = label("statusDown", "\u2193 0 B/s");
    private final Timer clearNotice = new Timer(NOTICE_MILLIS, e -> notice.setText(" "));

    StatusBar(AppContext ctx) {
        super(new BorderLayout());
        setName("statusBar");
        clearNotice.setRepeats(false);
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, Widgets.px(10), 0));
        right.add(bootstrap);
        right.add(peers);
        right.add(separator());
        right.add(shared);
        right.add(separator());
        right.add(up);
        right.add(down);
        add(notice, BorderLayout.CENTER);
        add(right, BorderLayout.EAST);
        ctx.poller().subscribe(s -> {
            // Shown while the node looks for the network; the peer count says the rest.
            bootstrap.setText(s.bootstrap().active() ? s.bootstrap().line() : "");
            int n = s.peers().size();
            peers.setText(n + (n == 1 ? " peer" : " peers"));
            up.setText("\u2191 " + Format.rate(s.uploadRate()));
            down.setText("\u2193 " + Format.rate(s.downloadRate()));
        });
    }

    /** Rebuilds the top rule with the new theme's separator colour. */
    @Override
    public void updateUI() {
        super.updateUI();
        setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Separator.foreground")),
                BorderFactory.createEmptyBorder(Widgets.px(3), Widgets.px(10), Widgets.px(3), Widgets.px(10))));
    }

    private static JLabel label(String name, String text) {
        JLabel l = new JLabel(text);
        l.setName(name);
        return l;
    }

    private static JSeparator separator() {
        JSeparator s = new JSeparator(SwingConstants.VERTICAL);
        s.setPreferredSize(new java.awt.Dimension(1, Widgets.px(14)));
        return s;
    }

    void setLibrary(int files, long bytes) {
        shared.setText(files + (files == 1 ? " file" : " files") + " shared (" + Format.bytes(bytes) + ")");
    }

    void notice(String text) {
        notice.setText(text);
        notice.setToolTipText(text);
        clearNotice.restart();
    }
}
