package dev.shoal.protocol;

import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line a firewalled servent sends after connecting back in answer to a {@link Push}:
 * {@code GIV <index>:<servent id, 32 hex digits>/<file name>}, followed by an empty line. The
 * downloader then sends ordinary HTTP requests on that socket. Servents disagree on the name
 * (LimeWire and gtk-gnutella send {@code file}), so a downloader should match on the servent id.
 */
public record Giv(long index, Guid serventId, String name) {
    private static final String PREFIX = "GIV ";
    private static final Pattern LINE = Pattern.compile("GIV (\\d{1,10}):([0-9a-fA-F]{32})/(.*)");

    public Giv {
        Pong.checkU32(index, "GIV file index");
        Objects.requireNonNull(serventId, "serventId");
        name = name == null ? "" : name;
    }

    /** True when a connection's first line is a push callback rather than HTTP or Gnutella. */
    public static boolean isGiv(String firstLine) {
        return firstLine.startsWith(PREFIX);
    }

    /** Parses the first line, without its line end. */
    public static Giv parse(String line) throws BadMessageException {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            throw new BadMessageException("not a GIV line: " + abbreviate(line));
        }
        long index = Long.parseLong(m.group(1));
        if (index > 0xFFFF_FFFFL) {
            throw new BadMessageException("GIV file index out of range: " + m.group(1));
        }
        return new Giv(index, Guid.of(HexFormat.of().parseHex(m.group(2))), m.group(3));
    }

    /** The whole announcement as sent on the wire, ending with the empty line. */
    public String toWire() {
        return PREFIX + index + ":" + serventId.toHex() + "/" + name + "\n\n";
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
