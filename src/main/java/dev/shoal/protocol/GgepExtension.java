package dev.shoal.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One GGEP extension: an id (1–15 ASCII bytes, case-sensitive), its decoded value, and how it is
 * transmitted (deflated first, then COBS-encoded). The transmitted bytes are kept as received so a
 * re-encoded block is byte-identical even where recompression would differ. Immutable.
 */
public final class GgepExtension {
    /** The 1–3 byte length field carries 6 bits per byte. */
    public static final int MAX_DATA_LENGTH = (1 << 18) - 1;
    /** Decompressed values are capped: nothing legitimate comes near a whole message's size. */
    static final int MAX_INFLATED = 65_536;
    private static final int MAX_ID_LENGTH = 15;

    private final String id;
    private final byte[] value;
    private final boolean deflated;
    private final boolean cobs;
    private final byte[] wire;

    private GgepExtension(String id, byte[] value, boolean deflated, boolean cobs, byte[] wire) {
        this.id = id;
        this.value = value;
        this.deflated = deflated;
        this.cobs = cobs;
        this.wire = wire;
    }

    /** A plain extension: neither deflated nor COBS-encoded. */
    public static GgepExtension of(String id, byte[] value) {
        return of(id, value, false, false);
    }

    /** An extension with no data, such as {@code BH} or {@code TLS}. */
    public static GgepExtension flag(String id) {
        return of(id, new byte[0]);
    }

    public static GgepExtension of(String id, byte[] value, boolean deflated, boolean cobs) {
        checkId(id);
        byte[] v = value.clone();
        byte[] w = deflated ? deflate(v) : v.clone();
        if (cobs) {
            w = Cobs.encode(w);
        }
        if (w.length > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("GGEP " + id + " data too long: " + w.length);
        }
        return new GgepExtension(id, v, deflated, cobs, w);
    }

    public String id() {
        return id;
    }

    public byte[] value() {
        return value.clone();
    }

    public boolean deflated() {
        return deflated;
    }

    public boolean cobs() {
        return cobs;
    }

    /** The data bytes as transmitted, after deflate and COBS. */
    public byte[] wireData() {
        return wire.clone();
    }

    /** The value read as a little-endian minimal-length unsigned integer. */
    public long longValue() throws BadMessageException {
        return Ggep.decodeLong(value);
    }

    GgepExtension nulSafe() {
        if (cobs || indexOfNul(wire) < 0) {
            return this;
        }
        return of(id, value, deflated, true);
    }

    void writeTo(ByteArrayOutputStream out, boolean last) {
        out.write(flagsByte(last));
        out.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        writeLength(out, wire.length);
        out.writeBytes(wire);
    }

    /** The flags byte this extension is written with: id length, COBS, deflate, last. */
    public int flagsByte(boolean last) {
        return id.length() | (last ? Ggep.FLAG_LAST : 0) | (cobs ? Ggep.FLAG_COBS : 0)
                | (deflated ? Ggep.FLAG_DEFLATE : 0);
    }

    /** Most significant 6-bit group first; 0x40 marks the final length byte, 0x80 the others. */
    static void writeLength(ByteArrayOutputStream out, int length) {
        if (length >= 1 << 12) {
            out.write(0x80 | (length >>> 12));
        }
        if (length >= 1 << 6) {
            out.write(0x80 | ((length >>> 6) & 0x3F));
        }
        out.write(0x40 | (length & 0x3F));
    }

    static GgepExtension read(ByteReader r, int flags) throws BadMessageException {
        if ((flags & Ggep.FLAG_RESERVED) != 0) {
            throw new BadMessageException(String.format("GGEP flags 0x%02x set the reserved bit", flags));
        }
        int idLength = flags & Ggep.ID_LENGTH_MASK;
        if (idLength == 0) {
            throw new BadMessageException("GGEP extension with an empty id");
        }
        byte[] idBytes = r.bytes(idLength, "GGEP id");
        if (indexOfNul(idBytes) >= 0) {
            throw new BadMessageException("GGEP id contains a NUL byte");
        }
        String id = new String(idBytes, StandardCharsets.ISO_8859_1);
        byte[] wire = r.bytes(readLength(r), "GGEP " + id + " data");
        boolean cobs = (flags & Ggep.FLAG_COBS) != 0;
        boolean deflated = (flags & Ggep.FLAG_DEFLATE) != 0;
        byte[] v = cobs ? Cobs.decode(wire) : wire;
        if (deflated) {
            v = inflate(v, id);
        }
        return new GgepExtension(id, v == wire ? wire.clone() : v, deflated, cobs, wire);
    }

    static int readLength(ByteReader r) throws BadMessageException {
        int length = 0;
        for (int i = 0; i < 3; i++) {
            int b = r.u8("GGEP length");
            length = length << 6 | (b & 0x3F);
            int mark = b & 0xC0;
            if (mark == 0x40) {
                return length;
            }
            if (mark != 0x80) {
                throw new BadMessageException(String.format("bad GGEP length byte 0x%02x", b));
            }
        }
        throw new BadMessageException("GGEP length longer than 3 bytes");
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater();
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[512];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static byte[] inflate(byte[] data, String id) throws BadMessageException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1024];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new BadMessageException("GGEP " + id + " deflated data is truncated");
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new BadMessageException("GGEP " + id + " inflates beyond " + MAX_INFLATED + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new BadMessageException("GGEP " + id + " deflated data is corrupt", e);
        } finally {
            inf.end();
        }
    }

    private static void checkId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("GGEP id must be 1-15 characters: " + id);
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == 0 || c > 0x7F) {
                throw new IllegalArgumentException("GGEP id must be ASCII without NUL: " + id);
            }
        }
    }

    private static int indexOfNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GgepExtension e && id.equals(e.id) && deflated == e.deflated && cobs == e.cobs
                && Arrays.equals(value, e.value);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(id).append('=');
        for (byte b : value) {
            s.append(String.format("%02x", b));
        }
        return s.append(deflated ? " deflated" : "").append(cobs ? " cobs" : "").toString();
    }
}
