package dev.shoal.protocol;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A GGEP block: an ordered list of extensions. Several consecutive blocks on the wire are read as
 * one. Each {@link GgepExtension} keeps the bytes it was transmitted with, so decoding a captured
 * block and encoding it again yields the same bytes (a merged multi-block area comes back as one
 * block). Immutable.
 */
public final class Ggep {
    public static final int MAGIC = 0xC3;
    public static final Ggep EMPTY = new Ggep(List.of());

    static final int FLAG_LAST = 0x80;
    static final int FLAG_COBS = 0x40;
    static final int FLAG_DEFLATE = 0x20;
    static final int FLAG_RESERVED = 0x10;
    static final int ID_LENGTH_MASK = 0x0F;

    private final List<GgepExtension> extensions;

    private Ggep(List<GgepExtension> extensions) {
        this.extensions = extensions;
    }

    public static Ggep of(List<GgepExtension> extensions) {
        List<GgepExtension> copy = List.copyOf(extensions);
        return copy.isEmpty() ? EMPTY : new Ggep(copy);
    }

    public static Ggep of(GgepExtension... extensions) {
        return of(Arrays.asList(extensions));
    }

    public List<GgepExtension> extensions() {
        return extensions;
    }

    public boolean isEmpty() {
        return extensions.isEmpty();
    }

    public boolean has(String id) {
        return find(id).isPresent();
    }

    /** The first extension with this (case-sensitive) id. */
    public Optional<GgepExtension> find(String id) {
        return extensions.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The decoded value of the first extension with this id. */
    public Optional<byte[]> get(String id) {
        return find(id).map(GgepExtension::value);
    }

    /** This block with {@code extension} appended, or replacing the first one with the same id. */
    public Ggep with(GgepExtension extension) {
        List<GgepExtension> list = new ArrayList<>(extensions);
        int i = indexOf(extension.id());
        if (i >= 0) {
            list.set(i, extension);
        } else {
            list.add(extension);
        }
        return of(list);
    }

    public Ggep without(String id) {
        List<GgepExtension> list = new ArrayList<>(extensions);
        list.removeIf(e -> e.id().equals(id));
        return of(list);
    }

    private int indexOf(String id) {
        for (int i = 0; i < extensions.size(); i++) {
            if (extensions.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * This block with every extension whose transmitted bytes hold a NUL switched to COBS, for
     * areas that a NUL would cut short (Query and QueryHit extension areas). Extensions without a
     * NUL keep their bytes.
     */
    public Ggep nulSafe() {
        List<GgepExtension> list = null;
        for (int i = 0; i < extensions.size(); i++) {
            GgepExtension e = extensions.get(i);
            GgepExtension safe = e.nulSafe();
            if (safe != e && list == null) {
                list = new ArrayList<>(extensions.subList(0, i));
            }
            if (list != null) {
                list.add(safe);
            }
        }
        // Most blocks hold no NUL: they are their own safe form.
        return list == null ? this : of(list);
    }

    /** The block's bytes, starting with 0xC3; an empty block encodes to no bytes at all. */
    public byte[] encode() {
        if (extensions.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(MAGIC);
        for (int i = 0; i < extensions.size(); i++) {
            extensions.get(i).writeTo(out, i == extensions.size() - 1);
        }
        return out.toByteArray();
    }

    /** Decodes a whole array that must hold exactly one GGEP area (one or more blocks). */
    public static Ggep decode(byte[] data) throws BadMessageException {
        ByteReader r = new ByteReader(data);
        Ggep g = read(r);
        if (r.hasRemaining()) {
            throw new BadMessageException(r.remaining() + " bytes after the GGEP block");
        }
        return g;
    }

    /**
     * Reads the GGEP block at the reader's position (which must be 0xC3), and any blocks that
     * directly follow it, leaving the reader after the last one.
     */
    static Ggep read(ByteReader r) throws BadMessageException {
        List<GgepExtension> list = new ArrayList<>();
        do {
            if (r.u8("GGEP magic") != MAGIC) {
                throw new BadMessageException("GGEP block does not start with 0xC3");
            }
            boolean last;
            do {
                int flags = r.u8("GGEP flags");
                last = (flags & FLAG_LAST) != 0;
                list.add(GgepExtension.read(r, flags));
            } while (!last);
        } while (r.hasRemaining() && r.peek() == MAGIC);
        return new Ggep(Collections.unmodifiableList(list));
    }

    /**
     * Reads an optional GGEP area that must fill the rest of the payload (Ping, Pong, Push):
     * nothing left means {@link #EMPTY}; anything other than a GGEP block is an error.
     */
    static Ggep readToEnd(ByteReader r, String what) throws BadMessageException {
        if (!r.hasRemaining()) {
            return EMPTY;
        }
        if (r.peek() != MAGIC) {
            throw new BadMessageException(r.remaining() + " trailing bytes in " + what + " are not GGEP");
        }
        Ggep g = read(r);
        if (r.hasRemaining()) {
            throw new BadMessageException(r.remaining() + " bytes after the GGEP block of " + what);
        }
        return g;
    }

    /** Minimal little-endian bytes of a non-negative value (0 is one zero byte), as DU, LF, CT use. */
    public static byte[] encodeLong(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("GGEP integers are unsigned: " + value);
        }
        int n = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 7) / 8);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    /** Reads a little-endian unsigned integer of 0..8 bytes (empty means 0). */
    public static long decodeLong(byte[] value) throws BadMessageException {
        if (value.length > 8 || (value.length == 8 && value[7] < 0)) {
            throw new BadMessageException("GGEP integer too long: " + value.length + " bytes");
        }
        long v = 0;
        for (int i = value.length - 1; i >= 0; i--) {
            v = v << 8 | (value[i] & 0xFF);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ggep g && extensions.equals(g.extensions);
    }

    @Override
    public int hashCode() {
        return extensions.hashCode();
    }

    @Override
    public String toString() {
        return "Ggep" + extensions;
    }
}
