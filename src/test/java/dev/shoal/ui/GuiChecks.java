package dev.shoal.ui;

import java.awt.Component;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JButtonFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;

/** Reading the live window from a test thread: every read goes through the EDT, every wait is for a condition. */
final class GuiChecks {
    static final Timeout WAIT = Timeout.timeout(60, TimeUnit.SECONDS);

    private GuiChecks() {
    }

    static int rows(JTable table) {
        return GuiActionRunner.execute(table::getRowCount);
    }

    static Object value(JTable table, int viewRow, int modelColumn) {
        return GuiActionRunner.execute(() -> table.getModel().getValueAt(table.convertRowIndexToModel(viewRow),
                modelColumn));
    }

    static Object modelValue(JTable table, int modelRow, int modelColumn) {
        return GuiActionRunner.execute(() -> table.getModel().getValueAt(modelRow, modelColumn));
    }

    static String text(JLabel label) {
        return GuiActionRunner.execute(() -> label.getText());
    }

    /** The last status-bar notice, from its tool tip: the text itself clears after a few seconds. */
    static String lastNotice(MainFrame frame) {
        JLabel notice = (JLabel) find(frame, "statusNotice");
        return GuiActionRunner.execute(() -> notice.getToolTipText());
    }

    static Component find(Component root, String name) {
        return GuiActionRunner.execute(() -> Screenshots.find(root, name));
    }

    /**
     * Presses a dialog's button as a click would, on the event thread. A robot click at the
     * button's place on the screen was lost now and then while the dialog was still being laid out
     * after {@code pack()} (a Save that never happened, in about one run in three of a class).
     */
    /**
     * Chooses a menu item (of a popup menu the test opened) on the event thread: a robot's click on
     * it can be lost on a loaded machine, as on a button.
     */
    static void choose(org.assertj.swing.fixture.JMenuItemFixture item) {
        javax.swing.JMenuItem m = item.target();
        onEdt(() -> {
            m.doClick();
            // As a click would: the popup closes once an item is chosen.
            javax.swing.MenuSelectionManager.defaultManager().clearSelectedPath();
            return null;
        });
    }

    static void press(JButtonFixture button) {
        JButton b = button.target();
        onEdt(() -> {
            b.doClick();
            return null;
        });
    }

    /**
     * Selects {@code viewRow} of {@code table} and presses the platform's copy shortcut on it (Ctrl+C,
     * or Cmd+C), both sent on the event thread, as a user's click and keys would arrive there: a
     * robot's keys can be lost on a loaded machine.
     */
    static void copyRow(JTable table, int viewRow) {
        onEdt(() -> {
            table.setRowSelectionInterval(viewRow, viewRow);
            long now = System.currentTimeMillis();
            int mask = java.awt.Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
            for (int id : new int[] {java.awt.event.KeyEvent.KEY_PRESSED, java.awt.event.KeyEvent.KEY_RELEASED}) {
                table.dispatchEvent(new java.awt.event.KeyEvent(table, id, now, mask, java.awt.event.KeyEvent.VK_C,
                        java.awt.event.KeyEvent.CHAR_UNDEFINED));
            }
            return null;
        });
    }

    /**
     * Shows one of the window's main tabs and waits until its content is on screen. A robot click
     * on the tab was lost now and then on a busy machine (the Network tab never came up, so its
     * table was never found); the tests check what the tab shows, not the click.
     */
    static void showTab(FrameFixture window, String title) {
        JTabbedPane tabs = (JTabbedPane) window.tabbedPane("mainTabs").target();
        onEdt(() -> {
            tabs.setSelectedIndex(tabs.indexOfTab(title));
            return null;
        });
        waitFor("the " + title + " tab on screen", () -> onEdt(() -> {
            int i = tabs.indexOfTab(title);
            return tabs.getSelectedIndex() == i && tabs.getComponentAt(i).isShowing();
        }));
        window.robot().waitForIdle();
    }

    /**
     * Double-clicks a table row as the mouse would, with the events delivered on the event thread.
     * A robot's two clicks arrived further apart than the double-click interval on a busy machine,
     * so Swing saw two single clicks and no download started.
     */
    static void doubleClickRow(JTable table, int viewRow) {
        onEdt(() -> {
            table.setRowSelectionInterval(viewRow, viewRow);
            Rectangle cell = table.getCellRect(viewRow, 0, true);
            int x = cell.x + cell.width / 2;
            int y = cell.y + cell.height / 2;
            long now = System.currentTimeMillis();
            for (int id : new int[] {MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED, MouseEvent.MOUSE_CLICKED}) {
                table.dispatchEvent(new MouseEvent(table, id, now, 0, x, y, 2, false, MouseEvent.BUTTON1));
            }
            return null;
        });
    }

    static <T> T onEdt(Callable<T> work) {
        return GuiActionRunner.execute(work);
    }

    static void waitFor(String what, Callable<Boolean> check) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                try {
                    return check.call();
                } catch (Exception e) {
                    return false;
                }
            }
        }, WAIT);
    }
}
