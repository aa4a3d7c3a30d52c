package dev.shoal.protocol.handshake;

import dev.shoal.protocol.FramingException;

/**
 * The first line of handshake step 1: {@code GNUTELLA CONNECT/0.6}. Versions are compared as
 * major.minor numbers; 0.6 and later are answered in 0.6, older ones (0.4) are not spoken.
 */
public record ConnectLine(int major, int minor) {
    public static final String PREFIX = "GNUTELLA CONNECT/";
    public static final ConnectLine V0_6 = new ConnectLine(0, 6);

    public ConnectLine {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative version " + major + "." + minor);
        }
    }

    public static boolean looksLikeConnect(String line) {
        return line.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    public static ConnectLine parse(String line) throws FramingException {
        String t = line.trim();
        if (!looksLikeConnect(t)) {
            throw new FramingException("not a Gnutella connect line: " + StatusLine.abbreviate(t));
        }
        String version = t.substring(PREFIX.length()).trim();
        int dot = version.indexOf('.');
        try {
            if (dot < 0) {
                return new ConnectLine(Integer.parseInt(version), 0);
            }
            return new ConnectLine(Integer.parseInt(version.substring(0, dot)),
                    Integer.parseInt(version.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new FramingException("bad version in connect line: " + StatusLine.abbreviate(t));
        }
    }

    /** 0.6 or later: the two-tier handshake with headers. */
    public boolean speaks06() {
        return major > 0 || minor >= 6;
    }

    public String format() {
        return PREFIX + major + "." + minor;
    }
}
