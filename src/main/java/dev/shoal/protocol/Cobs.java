package dev.shoal.protocol;

import java.io.ByteArrayOutputStream;

/**
 * Consistent Overhead Byte Stuffing, as GGEP uses it to keep NUL bytes out of extension data
 * that sits in NUL-terminated Query and QueryHit areas. Standard COBS: no zero is implied after
 * the final group.
 */
final class Cobs {
    private static final int MAX_CODE = 0xFF;

    private Cobs() {
    }

    static byte[] encode(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / 254 + 2);
        byte[] group = new byte[MAX_CODE - 1];
        int n = 0;
        for (byte b : data) {
            if (b == 0) {
                flush(out, group, n);
                n = 0;
            } else {
                group[n++] = b;
                if (n == MAX_CODE - 1) {
                    flush(out, group, n);
                    n = 0;
                }
            }
        }
        flush(out, group, n);
        return out.toByteArray();
    }

    private static void flush(ByteArrayOutputStream out, byte[] group, int n) {
        out.write(n + 1);
        out.write(group, 0, n);
    }

    static byte[] decode(byte[] data) throws BadMessageException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        int i = 0;
        while (i < data.length) {
            int code = data[i++] & 0xFF;
            if (code == 0) {
                throw new BadMessageException("COBS data contains a NUL code byte");
            }
            if (i + code - 1 > data.length) {
                throw new BadMessageException("COBS group of " + (code - 1) + " bytes overruns the data");
            }
            for (int k = 0; k < code - 1; k++) {
                if (data[i] == 0) {
                    throw new BadMessageException("COBS group contains a NUL byte");
                }
                out.write(data[i++]);
            }
            if (code != MAX_CODE && i < data.length) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }
}
