package dev.shoal.ui;

import dev.shoal.node.api.NodeConfig;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;

/**
 * The question the app asks once, before its node first starts: join the public Gnutella network?
 * Joining lets the node ask the built-in public host caches for servents when it knows too few;
 * until the user says yes, nothing leaves the machine except to hosts the user typed. The answer
 * is kept in the settings ({@code join-public}); closing the dialog without answering asks again
 * at the next start.
 */
final class FirstRun {
    static final String TITLE = "Join the public Gnutella network";
    static final String JOIN = "Join";
    static final String NOT_NOW = "Not now";
    private static final String QUESTION = "<html><b>Join the public Gnutella network?</b><br><br>"
            + "Shoal will ask public host caches on the Internet for other servents, connect to them,<br>"
            + "and share the folders you choose with everyone on the network.<br><br>"
            + "Not now: Shoal connects only to the hosts you type (Network tab, or File \u2192 Settings).</html>";

    private FirstRun() {
    }

    /**
     * The settings to start with: as saved, once the question was answered (now or at an earlier
     * start). Call it off the EDT: it waits for the dialog.
     */
    static NodeConfig askOnce(SettingsStore settings) {
        if (settings.has("join-public")) {
            return settings.saved();
        }
        AtomicInteger answer = new AtomicInteger(JOptionPane.CLOSED_OPTION);
        try {
            SwingUtilities.invokeAndWait(() -> answer.set(JOptionPane.showOptionDialog(null, QUESTION, TITLE,
                    JOptionPane.YES_NO_OPTION, JOptionPane.QUESTION_MESSAGE, null, new Object[] {JOIN, NOT_NOW},
                    NOT_NOW)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return settings.saved();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (answer.get() == JOptionPane.CLOSED_OPTION) {
            return settings.saved();
        }
        NodeConfig c = settings.saved();
        NodeConfig answered = c.withBootstrap(c.bootstrap().withJoinPublic(answer.get() == 0));
        settings.save(answered);
        return answered;
    }
}
