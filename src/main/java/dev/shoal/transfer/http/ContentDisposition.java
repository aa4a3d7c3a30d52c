package dev.shoal.transfer.http;

import java.util.Optional;

/**
 * The file name in a {@code Content-Disposition} header (RFC 6266): how an upload tells a
 * downloader that asked by URN alone what the file is called. The name goes out twice, as the
 * RFC advises: in {@code filename*} as percent-encoded UTF-8, and in {@code filename} with
 * everything outside printable ASCII replaced, for readers that know only that form.
 */
public final class ContentDisposition {
    private static final String EXTENDED = "filename*=";
    private static final String PLAIN = "filename=";
    private static final String CHARSET = "UTF-8";

    private ContentDisposition() {
    }

    /** The header value for a download of a file named {@code fileName}. */
    public static String attachment(String fileName) {
        StringBuilder ascii = new StringBuilder(fileName.length());
        for (int i = 0; i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            ascii.append(c < 0x20 || c > 0x7E || c == '"' || c == '\\' ? '_' : c);
        }
        return "attachment; " + PLAIN + "\"" + ascii + "\"; " + EXTENDED + CHARSET + "''" + UrlCoding.encode(fileName);
    }

    /**
     * The file name {@code value} carries, {@code filename*} before {@code filename}; empty when it
     * names none, or only in a form that cannot be read (an unknown charset, a bad escape).
     */
    public static Optional<String> fileName(String value) {
        Optional<String> extended = parameter(value, EXTENDED).flatMap(ContentDisposition::extended);
        if (extended.isPresent()) {
            return extended;
        }
        return parameter(value, PLAIN).map(ContentDisposition::unquoted).filter(n -> !n.isBlank());
    }

    /**
     * An RFC 5987 value, {@code charset'language'escaped}: UTF-8 only, any language. gtk-gnutella
     * quotes the whole value, which the RFC does not allow but costs nothing to accept.
     */
    private static Optional<String> extended(String raw) {
        String v = unquoted(raw);
        int charsetEnd = v.indexOf('\'');
        int languageEnd = charsetEnd < 0 ? -1 : v.indexOf('\'', charsetEnd + 1);
        if (languageEnd < 0 || !v.substring(0, charsetEnd).equalsIgnoreCase(CHARSET)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UrlCoding.decode(v.substring(languageEnd + 1), false)).filter(n -> !n.isBlank());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The raw value of parameter {@code name} (given with its '='), up to the next ';' outside quotes. */
    private static Optional<String> parameter(String value, String name) {
        int at = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == ';' && !quoted) {
                Optional<String> found = match(value.substring(at, i), name);
                if (found.isPresent()) {
                    return found;
                }
                at = i + 1;
            }
        }
        return match(value.substring(at), name);
    }

    private static Optional<String> match(String part, String name) {
        String p = part.trim();
        return p.regionMatches(true, 0, name, 0, name.length())
                ? Optional.of(p.substring(name.length()).trim()) : Optional.empty();
    }

    private static String unquoted(String v) {
        if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
            return v;
        }
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length() - 1) {
                c = v.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
