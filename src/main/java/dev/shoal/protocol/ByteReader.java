package dev.shoal.protocol;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over one payload. Every read checks the remaining length and throws a typed
 * {@link BadMessageException}, so a truncated payload can never leak a runtime exception.
 * Not thread safe.
 */
final class ByteReader {
    private final byte[] data;
    private final int end;
    private int pos;

    ByteReader(byte[] data) {
        this(data, 0, data.length);
    }

    ByteReader(byte[] data, int offset, int end) {
        this.data = data;
        this.pos = offset;
        this.end = end;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    boolean hasRemaining() {
        return pos < end;
    }

    int peek() throws BadMessageException {
        need(1, "byte");
        return data[pos] & 0xFF;
    }

    int u8(String what) throws BadMessageException {
        need(1, what);
        return data[pos++] & 0xFF;
    }

    int le16(String what) throws BadMessageException {
        need(2, what);
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    int be16(String what) throws BadMessageException {
        need(2, what);
        int v = (data[pos] & 0xFF) << 8 | (data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    long le32(String what) throws BadMessageException {
        need(4, what);
        long v = (data[pos] & 0xFFL) | (data[pos + 1] & 0xFFL) << 8 | (data[pos + 2] & 0xFFL) << 16
                | (data[pos + 3] & 0xFFL) << 24;
        pos += 4;
        return v;
    }

    byte[] bytes(int n, String what) throws BadMessageException {
        need(n, what);
        byte[] out = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return out;
    }

    byte[] rest() {
        byte[] out = Arrays.copyOfRange(data, pos, end);
        pos = end;
        return out;
    }

    /** An IPv4 address in network order followed by nothing: the caller reads the port itself. */
    InetAddress ipv4(String what) throws BadMessageException {
        byte[] b = bytes(4, what);
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new BadMessageException("bad IPv4 address in " + what, e);
        }
    }

    /** Port (LE16) then IPv4, the Pong/QueryHit order. */
    InetSocketAddress portThenIp(String what) throws BadMessageException {
        int port = le16(what + " port");
        return new InetSocketAddress(ipv4(what + " address"), port);
    }

    /** Reads a NUL-terminated UTF-8 string and consumes the NUL; a missing NUL is an error. */
    String cString(String what) throws BadMessageException {
        int nul = indexOf(0);
        if (nul < 0) {
            throw new BadMessageException(what + " is not NUL-terminated");
        }
        String s = new String(data, pos, nul - pos, StandardCharsets.UTF_8);
        pos = nul + 1;
        return s;
    }

    /** UTF-8 text of bytes [start, end) of the underlying array; does not move the position. */
    String utf8Between(int start, int stop) {
        return new String(data, start, stop - start, StandardCharsets.UTF_8);
    }

    /** Index of the first {@code value} at or after the position, or -1. */
    int indexOf(int value) {
        for (int i = pos; i < end; i++) {
            if ((data[i] & 0xFF) == value) {
                return i;
            }
        }
        return -1;
    }

    void skip(int n) throws BadMessageException {
        need(n, "skipped bytes");
        pos += n;
    }

    private void need(int n, String what) throws BadMessageException {
        if (n < 0 || end - pos < n) {
            throw new BadMessageException("payload too short for " + what + ": need " + n + ", have "
                    + (end - pos));
        }
    }
}
