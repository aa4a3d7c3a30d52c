package dev.shoal.protocol;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 23-byte Gnutella message header. TTL and hops are kept as unsigned ints (0..255); the
 * payload length is the little-endian field that frames the stream.
 */
public record Header(Guid guid, byte type, int ttl, int hops, int payloadLength) {
    public static final int SIZE = 23;

    public Header {
        if (guid == null) {
            throw new IllegalArgumentException("guid is required");
        }
        if (ttl < 0 || ttl > 255 || hops < 0 || hops > 255) {
            throw new IllegalArgumentException("ttl and hops must be 0..255: ttl=" + ttl + " hops=" + hops);
        }
        if (payloadLength < 0) {
            throw new IllegalArgumentException("negative payload length " + payloadLength);
        }
    }

    /**
     * Reads a header from the buffer's position. The length field is read as an unsigned 32-bit
     * value; anything beyond {@code maxPayload} is a framing error because it would desynchronise
     * the stream.
     */
    public static Header read(ByteBuffer buffer, int maxPayload) throws FramingException {
        // Absolute reads, whatever the buffer's byte order, and no view buffer per message.
        int at = buffer.position();
        if (buffer.remaining() < SIZE) {
            throw new BufferUnderflowException();
        }
        byte type = buffer.get(at + 16);
        long length = payloadLength(buffer, at);
        if (length > maxPayload) {
            throw new FramingException("payload length " + length + " exceeds limit " + maxPayload
                    + " for " + MessageType.name(type));
        }
        Guid guid = Guid.read(buffer);
        buffer.position(at + SIZE);
        return new Header(guid, type, buffer.get(at + 17) & 0xFF, buffer.get(at + 18) & 0xFF, (int) length);
    }

    /** The unsigned little-endian length field of the header that starts at {@code at}. */
    private static long payloadLength(ByteBuffer b, int at) {
        return (b.get(at + 19) & 0xFFL) | (b.get(at + 20) & 0xFFL) << 8 | (b.get(at + 21) & 0xFFL) << 16
                | (b.get(at + 22) & 0xFFL) << 24;
    }

    public void writeTo(ByteBuffer buffer) {
        ByteOrder order = buffer.order();
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        guid.writeTo(buffer);
        buffer.put(type);
        buffer.put((byte) ttl);
        buffer.put((byte) hops);
        buffer.putInt(payloadLength);
        buffer.order(order);
    }

    /** The header as forwarded by a servent: one TTL less, one hop more. */
    public Header hopped() {
        return new Header(guid, type, Math.max(0, ttl - 1), Math.min(255, hops + 1), payloadLength);
    }

    public Header withTtl(int newTtl) {
        return new Header(guid, type, newTtl, hops, payloadLength);
    }

    public Header withPayloadLength(int length) {
        return new Header(guid, type, ttl, hops, length);
    }
}
