package dev.shoal.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The root of a file's Tiger tree (THEX): 24 bytes, written in Base32 as 39 characters. With the
 * SHA-1 it makes a file's bitprint, {@code urn:bitprint:<32>.<39>}. Immutable.
 */
public final class TigerRoot {
    public static final int BYTES = 24;
    public static final int CHARS = 39;
    private static final String BITPRINT_PREFIX = "urn:bitprint:";

    private final byte[] digest;

    private TigerRoot(byte[] digest) {
        this.digest = digest;
    }

    public static TigerRoot of(byte[] digest) {
        if (digest.length != BYTES) {
            throw new IllegalArgumentException("a Tiger tree root is 24 bytes, got " + digest.length);
        }
        return new TigerRoot(digest.clone());
    }

    /** Parses the 39 Base32 characters (any case). */
    public static TigerRoot parse(String base32) {
        String t = base32.strip();
        if (t.length() != CHARS) {
            throw new IllegalArgumentException("a Tiger tree root is 39 base32 characters: " + base32);
        }
        return new TigerRoot(Base32.decode(t));
    }

    /** The Tiger root of a {@code urn:bitprint:<sha1>.<tiger>}; empty for anything else. */
    public static Optional<TigerRoot> ofBitprint(String urn) {
        String t = urn.strip();
        int dot = BITPRINT_PREFIX.length() + 32;
        if (t.length() != dot + 1 + CHARS || !t.toLowerCase(Locale.ROOT).startsWith(BITPRINT_PREFIX)
                || t.charAt(dot) != '.') {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(t.substring(dot + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code urn:bitprint:<sha1>.<this root>}. */
    public String bitprint(Urn sha1) {
        return BITPRINT_PREFIX + sha1.base32() + "." + base32();
    }

    public byte[] digest() {
        return digest.clone();
    }

    public String base32() {
        return Base32.encode(digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TigerRoot r && Arrays.equals(digest, r.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return base32();
    }
}
