package dev.shoal.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.util.Locale;

/** The themes the View menu offers; {@link #SYSTEM} follows the OS where {@link OsTheme} can tell. */
enum Theme {
    SYSTEM("Follow system"), LIGHT("Light"), DARK("Dark");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Theme parse(String text) {
        if (text != null) {
            for (Theme t : values()) {
                if (t.name().equalsIgnoreCase(text.strip())) {
                    return t;
                }
            }
        }
        return SYSTEM;
    }

    boolean dark(boolean osPrefersDark) {
        return this == DARK || (this == SYSTEM && osPrefersDark);
    }

    /** Installs the look and feel; on the EDT. Call {@link FlatLaf#updateUI()} afterwards for open windows. */
    void install(boolean osPrefersDark) {
        if (dark(osPrefersDark)) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
