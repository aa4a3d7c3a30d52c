package dev.shoal.corpus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * The byte notation of the bad-input corpus, so a case file says exactly which bytes go out and
 * stays readable. Items, separated by spaces, are concatenated:
 * <ul>
 *   <li>{@code c3 0a1b}: hex, two digits a byte;
 *   <li>{@code 'GET / HTTP/1.1\r\n'}: ISO-8859-1 text with the escapes {@code \r \n \t \0 \\ \'} and
 *       {@code \xHH};
 *   <li>{@code le16(513)}, {@code le32(70000)}: little-endian numbers (Gnutella's byte order);
 *   <li>{@code zlib( ... )}: the bytes inside, deflated as one zlib stream;
 *   <li>{@code ggep( ... )}: the bytes inside as a GGEP value: their length in GGEP's one to three
 *       six-bit bytes, then the bytes (so a deflated value needs no length worked out by hand);
 *   <li>{@code ( ... )}: a group, to repeat several items together;
 *   <li>any item followed by {@code *N}: that item N times ({@code 'a'*5000}, {@code 00*100000}).
 * </ul>
 */
public final class CaseBytes {
    private final String text;
    private int pos;

    private CaseBytes(String text) {
        this.text = text;
    }

    /** The bytes {@code notation} stands for; IllegalArgumentException (with the position) if it is not valid. */
    public static byte[] parse(String notation) {
        CaseBytes p = new CaseBytes(notation);
        byte[] bytes = p.sequence();
        p.skipSpaces();
        if (p.pos != notation.length()) {
            throw p.error("unexpected '" + notation.charAt(p.pos) + "'");
        }
        return bytes;
    }

    private byte[] sequence() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            skipSpaces();
            if (pos == text.length() || text.charAt(pos) == ')') {
                return out.toByteArray();
            }
            byte[] item = atom();
            int times = 1;
            if (pos < text.length() && text.charAt(pos) == '*') {
                pos++;
                times = number();
            }
            for (int i = 0; i < times; i++) {
                out.writeBytes(item);
            }
        }
    }

    private byte[] atom() {
        char c = text.charAt(pos);
        if (c == '\'') {
            return quoted();
        }
        if (c == '(') {
            pos++;
            byte[] inside = sequence();
            expect(')');
            return inside;
        }
        if (text.startsWith("zlib(", pos)) {
            pos += 5;
            byte[] inside = sequence();
            expect(')');
            return deflate(inside);
        }
        if (text.startsWith("ggep(", pos)) {
            pos += 5;
            byte[] inside = sequence();
            expect(')');
            return ggepValue(inside);
        }
        if (text.startsWith("le16(", pos) || text.startsWith("le32(", pos)) {
            int width = text.startsWith("le16(", pos) ? 2 : 4;
            pos += 5;
            long v = number();
            expect(')');
            byte[] b = new byte[width];
            for (int i = 0; i < width; i++) {
                b[i] = (byte) (v >>> (8 * i));
            }
            return b;
        }
        int start = pos;
        while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
            pos++;
        }
        if (pos == start || (pos - start) % 2 != 0) {
            throw error("hex needs two digits a byte");
        }
        byte[] b = new byte[(pos - start) / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(text.substring(start + 2 * i, start + 2 * i + 2), 16);
        }
        return b;
    }

    private byte[] quoted() {
        pos++;
        StringBuilder s = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated text");
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                return s.toString().getBytes(StandardCharsets.ISO_8859_1);
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'r' -> s.append('\r');
                case 'n' -> s.append('\n');
                case 't' -> s.append('\t');
                case '0' -> s.append('\0');
                case '\\', '\'' -> s.append(e);
                case 'x' -> {
                    s.append((char) Integer.parseInt(text.substring(pos, pos + 2), 16));
                    pos += 2;
                }
                default -> throw error("unknown escape \\" + e);
            }
        }
    }

    private int number() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("number expected");
        }
        return Integer.parseInt(text.substring(start, pos));
    }

    private void expect(char c) {
        skipSpaces();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("'" + c + "' expected");
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at " + pos + " in: " + text);
    }

    private static byte[] ggepValue(byte[] value) {
        int n = value.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (n >= 1 << 12) {
            out.write(0x80 | (n >> 12) & 0x3F);
        }
        if (n >= 1 << 6) {
            out.write(0x80 | (n >> 6) & 0x3F);
        }
        out.write(0x40 | n & 0x3F);
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] plain) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            d.setInput(plain);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }
}
