package dev.shoal.cli;

import java.util.regex.Pattern;

/** Messages from below with their addresses written the way users type them. */
final class AddressText {
    /**
     * {@link InetSocketAddress#toString()} as it lands in messages: {@code /127.0.0.1:6346} or
     * {@code /[::1]:6346}, the slash not part of a path or of {@code name/address}.
     */
    private static final Pattern SLASHED = Pattern.compile(
            "(?<![\\w./-])/((?:\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:.%\\w]+\\]):\\d{1,5})\\b");

    private AddressText() {
    }

    /** {@code text} with every {@code /ip:port} written as {@code ip:port}. */
    static String unslash(String text) {
        return text.indexOf('/') < 0 ? text : SLASHED.matcher(text).replaceAll("$1");
    }
}
