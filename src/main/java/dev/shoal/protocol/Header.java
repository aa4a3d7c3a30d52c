package dev.shoal.protocol;

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
        ByteBuffer b = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
        Guid guid = Guid.read(b);
        byte type = b.get();
        int ttl = b.get() & 0xFF;
        int hops = b.get() & 0xFF;
        long length = b.getInt() & 0xFFFFFFFFL;
        if (length > maxPayload) {
            throw new FramingException("payload length " + length + " exceeds limit " + maxPayload
                    + " for " + MessageType.name(type));
        }
        buffer.position(buffer.position() + SIZE);
        return new Header(guid, type, ttl, hops, (int) length);
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
