package dev.shoal.protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The 0x1C-separated extension area of Queries and QueryHit results: {@code urn:} strings, other
 * strings (kept verbatim) and a GGEP block, which is found by its 0xC3 byte ("peaceful
 * co-existence") and written last because its data may hold 0x1C.
 */
record ExtensionArea(List<Urn> urns, List<String> others, Ggep ggep) {
    static final int SEPARATOR = 0x1C;
    static final ExtensionArea EMPTY = new ExtensionArea(List.of(), List.of(), Ggep.EMPTY);

    /**
     * Reads items up to a NUL (consumed) or the end of the reader. With {@code nulRequired} a
     * missing NUL is an error (a result's area must be terminated).
     */
    static ExtensionArea read(ByteReader r, boolean nulRequired, String what) throws BadMessageException {
        // Most queries and many results have no extension at all.
        if (r.hasRemaining() && r.peek() == 0) {
            r.skip(1);
            return EMPTY;
        }
        if (!r.hasRemaining() && !nulRequired) {
            return EMPTY;
        }
        Set<Urn> urns = new LinkedHashSet<>();
        List<String> others = new ArrayList<>();
        List<GgepExtension> ggep = new ArrayList<>();
        while (true) {
            if (!r.hasRemaining()) {
                if (nulRequired) {
                    throw new BadMessageException(what + " extension area is not NUL-terminated");
                }
                break;
            }
            int b = r.peek();
            if (b == 0) {
                r.skip(1);
                break;
            }
            if (b == SEPARATOR) {
                r.skip(1);
            } else if (b == Ggep.MAGIC) {
                ggep.addAll(Ggep.read(r).extensions());
            } else {
                String item = readItem(r);
                if (Urn.looksLikeSha1(item)) {
                    urns.add(Urn.parse(item));
                } else {
                    others.add(item);
                }
            }
        }
        return new ExtensionArea(List.copyOf(urns), List.copyOf(others), Ggep.of(ggep));
    }

    private static String readItem(ByteReader r) throws BadMessageException {
        int start = r.position();
        int end = start;
        while (r.hasRemaining() && r.peek() != 0 && r.peek() != SEPARATOR) {
            r.skip(1);
            end++;
        }
        return r.utf8Between(start, end);
    }

    boolean isEmpty() {
        return urns.isEmpty() && others.isEmpty() && ggep.isEmpty();
    }

    /** Writes the items separated by 0x1C, GGEP last (COBS where it would hold a NUL). */
    void writeTo(ByteWriter w) {
        boolean first = true;
        for (Urn u : urns) {
            first = separate(w, first);
            w.utf8(u.toString());
        }
        for (String s : others) {
            first = separate(w, first);
            w.utf8(s);
        }
        if (!ggep.isEmpty()) {
            separate(w, first);
            w.bytes(ggep.nulSafe().encode());
        }
    }

    private static boolean separate(ByteWriter w, boolean first) {
        if (!first) {
            w.u8(SEPARATOR);
        }
        return false;
    }

    /** Checks a free-text item: it must not hold the area's delimiters nor look like GGEP. */
    static String checkItem(String s) {
        if (s == null || s.isEmpty() || s.indexOf('\0') >= 0 || s.indexOf((char) SEPARATOR) >= 0) {
            throw new IllegalArgumentException("bad extension string: " + s);
        }
        // U+00C0..U+00FF encode with lead byte 0xC3, which a reader would take for GGEP.
        if (s.charAt(0) >= 0xC0 && s.charAt(0) <= 0xFF) {
            throw new IllegalArgumentException("extension string would be read as GGEP: " + s);
        }
        return s;
    }
}
