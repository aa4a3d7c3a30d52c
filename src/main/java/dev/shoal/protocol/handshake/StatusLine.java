package dev.shoal.protocol.handshake;

import dev.shoal.protocol.FramingException;

/**
 * The first line of handshake steps 2 and 3: {@code GNUTELLA/0.6 200 OK}. Only the three-digit
 * code matters; the reason is free text. We always answer with version 0.6, whatever the peer
 * offered.
 */
public record StatusLine(String version, int code, String reason) {
    public static final String PREFIX = "GNUTELLA/";
    public static final StatusLine OK = new StatusLine("0.6", 200, "OK");

    public StatusLine {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("status code must have three digits: " + code);
        }
        reason = reason == null ? "" : reason;
    }

    public static StatusLine of(int code, String reason) {
        return new StatusLine("0.6", code, reason);
    }

    /** Parses {@code GNUTELLA/<version> <code> <reason>}; the reason may be empty. */
    public static StatusLine parse(String line) throws FramingException {
        String t = line.trim();
        if (!t.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new FramingException("not a Gnutella status line: " + abbreviate(t));
        }
        int space = t.indexOf(' ');
        if (space < 0) {
            throw new FramingException("status line without a code: " + abbreviate(t));
        }
        String version = t.substring(PREFIX.length(), space);
        String rest = t.substring(space + 1).trim();
        int end = rest.indexOf(' ');
        String codeText = end < 0 ? rest : rest.substring(0, end);
        if (codeText.length() != 3 || !codeText.chars().allMatch(Character::isDigit)) {
            throw new FramingException("bad status code in: " + abbreviate(t));
        }
        String reason = end < 0 ? "" : rest.substring(end + 1).trim();
        return new StatusLine(version, Integer.parseInt(codeText), reason);
    }

    public boolean isOk() {
        return code == 200;
    }

    /** Always written as version 0.6: the version we speak, not the one we were offered. */
    public String format() {
        return reason.isEmpty() ? PREFIX + "0.6 " + code : PREFIX + "0.6 " + code + " " + reason;
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
