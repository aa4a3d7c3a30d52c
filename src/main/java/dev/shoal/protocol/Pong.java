package dev.shoal.protocol;

import java.net.InetSocketAddress;

/**
 * Pong (0x01): a host's listening address (port LE16, then IPv4 in network order), its shared
 * file count and kilobytes (LE32 each), then an optional GGEP block (DU, UP, VC, IPP, ...).
 */
public record Pong(InetSocketAddress address, long filesShared, long kilobytesShared, Ggep ggep)
        implements Payload {
    static final int FIXED_SIZE = 14;

    public Pong {
        ByteWriter.requireIpv4(address, "Pong address");
        checkU32(filesShared, "files shared");
        checkU32(kilobytesShared, "kilobytes shared");
        ggep = ggep == null ? Ggep.EMPTY : ggep;
    }

    static void checkU32(long v, String what) {
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(what + " must fit 32 unsigned bits: " + v);
        }
    }

    @Override
    public byte type() {
        return MessageType.PONG;
    }

    @Override
    public byte[] encode() {
        return new ByteWriter().portThenIp(address).le32(filesShared).le32(kilobytesShared)
                .bytes(ggep.encode()).toByteArray();
    }

    static Pong decode(byte[] payload) throws BadMessageException {
        ByteReader r = new ByteReader(payload);
        InetSocketAddress address = r.portThenIp("Pong");
        long files = r.le32("Pong files");
        long kb = r.le32("Pong kilobytes");
        return new Pong(address, files, kb, Ggep.readToEnd(r, "Pong"));
    }
}
