package dev.shoal.thex;

import org.bouncycastle.crypto.digests.TigerDigest;

/**
 * The two hashes of a THEX tree: a leaf is Tiger(0x00 ‖ segment), an inner node Tiger(0x01 ‖
 * left ‖ right). One instance reuses one digest: not thread-safe.
 */
final class Tiger {
    static final int BYTES = 24;
    private static final byte LEAF = 0x00;
    private static final byte INNER = 0x01;

    private final TigerDigest digest = new TigerDigest();

    byte[] leaf(byte[] data, int offset, int length) {
        digest.update(LEAF);
        digest.update(data, offset, length);
        return done();
    }

    byte[] inner(byte[] left, byte[] right) {
        digest.update(INNER);
        digest.update(left, 0, BYTES);
        digest.update(right, 0, BYTES);
        return done();
    }

    private byte[] done() {
        byte[] out = new byte[BYTES];
        digest.doFinal(out, 0);
        return out;
    }
}
