package dev.shoal.protocol;

import java.net.InetSocketAddress;

/**
 * Push (0x40): asks the servent {@code serventId} to connect to {@code address} and offer file
 * {@code fileIndex}. Layout: servent id (16), index LE32, IPv4 (network order), port LE16,
 * optional GGEP (TLS).
 */
public record Push(Guid serventId, long fileIndex, InetSocketAddress address, Ggep ggep) implements Payload {
    /** File index asking for a firewall-to-firewall (RUDP) transfer instead of a TCP callback. */
    public static final long FW_TO_FW_INDEX = 0x7FFFFFFDL;

    public Push {
        if (serventId == null) {
            throw new IllegalArgumentException("servent id is required");
        }
        Pong.checkU32(fileIndex, "file index");
        ByteWriter.requireIpv4(address, "Push address");
        ggep = ggep == null ? Ggep.EMPTY : ggep;
    }

    @Override
    public byte type() {
        return MessageType.PUSH;
    }

    @Override
    public byte[] encode() {
        return new ByteWriter().bytes(serventId.toBytes()).le32(fileIndex).ipv4(address)
                .le16(address.getPort()).bytes(ggep.encode()).toByteArray();
    }

    static Push decode(byte[] payload) throws BadMessageException {
        ByteReader r = new ByteReader(payload);
        Guid id = Guid.of(r.bytes(Guid.LENGTH, "Push servent id"));
        long index = r.le32("Push file index");
        var ip = r.ipv4("Push address");
        int port = r.le16("Push port");
        return new Push(id, index, new InetSocketAddress(ip, port), Ggep.readToEnd(r, "Push"));
    }
}
