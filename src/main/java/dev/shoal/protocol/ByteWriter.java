package dev.shoal.protocol;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Little helper to build payloads; the byte-order choices of the wire format live here. */
final class ByteWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ByteWriter u8(int v) {
        out.write(v);
        return this;
    }

    ByteWriter le16(int v) {
        out.write(v);
        out.write(v >>> 8);
        return this;
    }

    ByteWriter be16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    ByteWriter le32(long v) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    ByteWriter bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    ByteWriter utf8(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    ByteWriter ipv4(InetSocketAddress a) {
        return bytes(a.getAddress().getAddress());
    }

    /** Port (LE16) then IPv4, the Pong/QueryHit order. */
    ByteWriter portThenIp(InetSocketAddress a) {
        return le16(a.getPort()).ipv4(a);
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    /** Rejects anything that cannot be written as 4 address bytes. */
    static InetSocketAddress requireIpv4(InetSocketAddress a, String what) {
        if (a == null || a.isUnresolved() || !(a.getAddress() instanceof Inet4Address)) {
            throw new IllegalArgumentException(what + " must be a resolved IPv4 address: " + a);
        }
        return a;
    }
}
