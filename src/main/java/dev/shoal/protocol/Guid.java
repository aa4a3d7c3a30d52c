package dev.shoal.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Random;

/**
 * A 16-byte Gnutella GUID: a message id (MUID) or a servent id. Immutable; the bytes are copied in
 * and out so no caller can change a GUID that is used as a map key.
 */
public final class Guid {
    public static final int LENGTH = 16;
    private static final Random RANDOM = new SecureRandom();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /**
     * Mixed into every hash. GUIDs come from peers, and a polynomial hash such as
     * {@code Arrays.hashCode} lets one choose GUIDs that all land in one bucket of our route
     * tables; with a seed this process drew, no peer can know which GUIDs collide.
     */
    private static final long SEED = RANDOM.nextLong();
    public static final Guid ZERO = new Guid(new byte[LENGTH]);

    private final byte[] bytes;
    /** Cached: GUIDs are looked up in route tables several times per message. */
    private final int hash;

    private Guid(byte[] bytes) {
        this.bytes = bytes;
        this.hash = hashOf(bytes);
    }

    private static int hashOf(byte[] b) {
        return hash((long) LONGS.get(b, 0), (long) LONGS.get(b, 8));
    }

    /**
     * The hash of the GUID whose {@link #high()} and {@link #low()} halves are given: what
     * {@link #hashCode()} returns, for tables that keep GUIDs as two longs.
     */
    public static int hash(long high, long low) {
        return (int) mix(mix(high ^ SEED) ^ low);
    }

    /** Bytes 0 to 7, little-endian. */
    public long high() {
        return (long) LONGS.get(bytes, 0);
    }

    /** Bytes 8 to 15, little-endian. */
    public long low() {
        return (long) LONGS.get(bytes, 8);
    }

    /** The 64-bit finaliser of MurmurHash3: every input bit moves about half the output bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    public static Guid of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("GUID must be 16 bytes, got " + bytes.length);
        }
        return new Guid(bytes.clone());
    }

    /** The 16 bytes of {@code bytes} from {@code offset}. */
    public static Guid of(byte[] bytes, int offset) {
        Objects.checkFromIndexSize(offset, LENGTH, bytes.length);
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
