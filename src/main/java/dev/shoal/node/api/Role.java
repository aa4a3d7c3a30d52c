package dev.shoal.node.api;

import java.util.Locale;

/**
 * A servent's place in the two-tier network. A node runs as {@link #LEAF} or {@link #ULTRAPEER};
 * {@link #AUTO} is a setting only: start as a leaf and become an ultrapeer once capable.
 */
public enum Role {
    AUTO,
    LEAF,
    ULTRAPEER;

    /** The name users type and read: {@code auto}, {@code leaf}, {@code ultrapeer}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@link #label()} (case ignored); a {@link ShoalException} names the choices. */
    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return r;
            }
        }
        throw new ShoalException("role must be auto, leaf or ultrapeer, got '" + text + "'");
    }
}
