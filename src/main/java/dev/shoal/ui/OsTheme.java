package dev.shoal.ui;

import java.awt.Toolkit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Asks the OS whether the user prefers dark windows. FlatLaf itself cannot tell, so this reads the
 * usual per-platform setting: the macOS global appearance, the Windows "apps use light theme"
 * registry value, the GNOME colour scheme or GTK theme name. Unknown means light.
 */
final class OsTheme {
    private static final long COMMAND_TIMEOUT_MILLIS = 1500;

    private OsTheme() {
    }

    /** May run a short command; call it before the EDT is busy (at start-up) or off the EDT. */
    static boolean prefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return output(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).contains("dark");
        }
        if (os.contains("win")) {
            String out = output(List.of("reg", "query",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v",
                    "AppsUseLightTheme"));
            return out.contains("0x0");
        }
        String gtkTheme = System.getenv("GTK_THEME");
        if (gtkTheme != null && gtkTheme.toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        Object gnomeTheme = Toolkit.getDefaultToolkit().getDesktopProperty("gnome.Net/ThemeName");
        if (gnomeTheme != null && gnomeTheme.toString().toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        return output(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")).contains("dark");
    }

    /** The lower-cased output of a command, or "" when it is missing, fails or takes too long. */
    private static String output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                if (!p.waitFor(COMMAND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return "";
                }
                return p.exitValue() == 0 ? new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT) : "";
            }
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
