package dev.shoal.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One framed message as it crosses a connection: the header and its raw payload. The network
 * layer moves frames; {@code MessageCodec} turns them into typed messages and back.
 */
public record Frame(Header header, byte[] payload) {
    public Frame {
        if (header.payloadLength() != payload.length) {
            throw new IllegalArgumentException("header says " + header.payloadLength()
                    + " payload bytes, got " + payload.length);
        }
    }

    public int size() {
        return Header.SIZE + payload.length;
    }

    public ByteBuffer toBuffer() {
        ByteBuffer b = ByteBuffer.allocate(size());
        header.writeTo(b);
        b.put(payload);
        return b.flip();
    }

    public byte[] toBytes() {
        return toBuffer().array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && header.equals(f.header) && Arrays.equals(payload, f.payload);
    }

    @Override
    public int hashCode() {
        return 31 * header.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return MessageType.name(header.type()) + "[guid=" + header.guid() + " ttl=" + header.ttl()
                + " hops=" + header.hops() + " len=" + payload.length + "]";
    }
}
