package dev.shoal.protocol;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/**
 * A 16-byte Gnutella GUID: a message id (MUID) or a servent id. Immutable; the bytes are copied in
 * and out so no caller can change a GUID that is used as a map key.
 */
public final class Guid {
    public static final int LENGTH = 16;
    public static final Guid ZERO = new Guid(new byte[LENGTH]);
    private static final Random RANDOM = new SecureRandom();

    private final byte[] bytes;
    /** Cached: GUIDs are looked up in route tables several times per message. */
    private final int hash;

    private Guid(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    public static Guid of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("GUID must be 16 bytes, got " + bytes.length);
        }
        return new Guid(bytes.clone());
    }

    /** The 16 bytes of {@code bytes} from {@code offset}. */
    public static Guid of(byte[] bytes, int offset) {
        return new Guid(Arrays.copyOfRange(bytes, offset, offset + LENGTH));
    }

    public static Guid read(ByteBuffer buffer) {
        byte[] b = new byte[LENGTH];
        buffer.get(b);
        return new Guid(b);
    }

    public static Guid fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    /**
     * A fresh random GUID. Byte 15 is zeroed, as modern servents do; no other mark is set since
     * receivers must not rely on them anyway.
     */
    public static Guid random() {
        byte[] b = new byte[LENGTH];
        RANDOM.nextBytes(b);
        b[15] = 0;
        return new Guid(b);
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    public void writeTo(ByteBuffer buffer) {
        buffer.put(bytes);
    }

    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Guid other && hash == other.hash && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return toHex();
    }
}
