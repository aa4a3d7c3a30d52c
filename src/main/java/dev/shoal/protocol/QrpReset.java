package dev.shoal.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Route Table Update (0x30) variant 0: clear the table and size it to {@code tableLength} slots. */
public record QrpReset(int tableLength, int infinity) implements Payload {
    public static final int VARIANT = 0;
    public static final int SIZE = 6;

    public QrpReset {
        if (tableLength <= 0 || Integer.bitCount(tableLength) != 1) {
            throw new IllegalArgumentException("QRP table length must be a power of two: " + tableLength);
        }
        if (infinity < 1 || infinity > 255) {
            throw new IllegalArgumentException("QRP infinity must be 1..255: " + infinity);
        }
    }

    @Override
    public byte type() {
        return MessageType.ROUTE_TABLE_UPDATE;
    }

    @Override
    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) VARIANT).putInt(tableLength).put((byte) infinity);
        return b.array();
    }

    static QrpReset decode(byte[] payload) throws BadMessageException {
        if (payload.length < SIZE) {
            throw new BadMessageException("QRP reset needs 6 bytes, got " + payload.length);
        }
        ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        b.get();
        long length = b.getInt() & 0xFFFFFFFFL;
        int infinity = b.get() & 0xFF;
        try {
            return new QrpReset((int) Math.min(length, Integer.MAX_VALUE), infinity);
        } catch (IllegalArgumentException e) {
            throw new BadMessageException(e.getMessage());
        }
    }
}
