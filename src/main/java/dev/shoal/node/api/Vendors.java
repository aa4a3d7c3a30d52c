package dev.shoal.node.api;

import java.util.Locale;
import java.util.Map;

/** The four-letter vendor codes of query hits, as the servents' users know them. */
public final class Vendors {
    /** The servents a user is likely to meet. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("SHOL", "Shoal"), Map.entry("GTKG", "gtk-gnutella"), Map.entry("LIME", "LimeWire"),
            Map.entry("BEAR", "BearShare"), Map.entry("RAZA", "Shareaza"), Map.entry("GNUC", "Gnucleus"),
            Map.entry("MRPH", "Morpheus"), Map.entry("PHEX", "Phex"), Map.entry("FRST", "FrostWire"),
            Map.entry("MUTE", "Mutella"), Map.entry("GDNA", "Gnucleus DNA"), Map.entry("WSHR", "WireShare"));

    private Vendors() {
    }

    /** The servent's name, or the code itself (trimmed) when it is not a known one; empty for none. */
    public static String name(String code) {
        String c = code == null ? "" : code.strip();
        return NAMES.getOrDefault(c.toUpperCase(Locale.ROOT), c);
    }

    /** True when the code names a known, released servent. */
    public static boolean isKnown(String code) {
        return code != null && NAMES.containsKey(code.strip().toUpperCase(Locale.ROOT));
    }
}
