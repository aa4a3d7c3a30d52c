package dev.shoal.protocol;

import java.util.Arrays;
import java.util.Locale;

/**
 * A HUGE {@code urn:sha1:} naming a file by the SHA-1 of its whole content. The prefix is read
 * case-insensitively; {@link #toString()} gives the canonical form: lower-case prefix and
 * upper-case Base32 digest. A {@code urn:bitprint:} is down-converted to its SHA-1 part.
 */
public final class Urn {
    public static final String SHA1_PREFIX = "urn:sha1:";
    private static final String BITPRINT_PREFIX = "urn:bitprint:";
    private static final int SHA1_BYTES = 20;
    private static final int SHA1_CHARS = 32;

    private final byte[] sha1;

    private Urn(byte[] sha1) {
        this.sha1 = sha1;
    }

    public static Urn sha1(byte[] digest) {
        if (digest.length != SHA1_BYTES) {
            throw new IllegalArgumentException("SHA-1 digest must be 20 bytes, got " + digest.length);
        }
        return new Urn(digest.clone());
    }

    /** Parses {@code urn:sha1:<32 base32>} or {@code urn:bitprint:<32>.<39>}. */
    public static Urn parse(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        String digest;
        if (lower.startsWith(SHA1_PREFIX)) {
            digest = t.substring(SHA1_PREFIX.length());
        } else if (lower.startsWith(BITPRINT_PREFIX) && t.length() >= BITPRINT_PREFIX.length() + SHA1_CHARS) {
            digest = t.substring(BITPRINT_PREFIX.length(), BITPRINT_PREFIX.length() + SHA1_CHARS);
        } else {
            throw new IllegalArgumentException("not a urn:sha1: " + text);
        }
        if (digest.length() != SHA1_CHARS) {
            throw new IllegalArgumentException("urn:sha1 needs 32 base32 characters: " + text);
        }
        return new Urn(Base32.decode(digest));
    }

    public static boolean looksLikeSha1(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public byte[] digest() {
        return sha1.clone();
    }

    public String base32() {
        return Base32.encode(sha1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Urn u && Arrays.equals(sha1, u.sha1);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha1);
    }

    @Override
    public String toString() {
        return SHA1_PREFIX + base32();
    }
}
