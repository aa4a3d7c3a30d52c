package dev.shoal.protocol;

import java.util.Arrays;

/**
 * Route Table Update (0x30) variant 1: one piece of a (possibly zlib-compressed) patch. The
 * pieces numbered 1..{@code sequenceSize} concatenate into one stream; see the routing package
 * for how the stream is applied to a table.
 */
public record QrpPatch(int sequenceNumber, int sequenceSize, int compressor, int entryBits, byte[] data)
        implements Payload {
    public static final int VARIANT = 1;
    public static final int COMPRESSOR_NONE = 0;
    public static final int COMPRESSOR_ZLIB = 1;
    private static final int HEADER = 5;

    public QrpPatch {
        if (sequenceSize < 1 || sequenceSize > 255 || sequenceNumber < 1 || sequenceNumber > sequenceSize) {
            throw new IllegalArgumentException("QRP patch sequence " + sequenceNumber + "/" + sequenceSize);
        }
        if (entryBits != 1 && entryBits != 2 && entryBits != 4 && entryBits != 8) {
            throw new IllegalArgumentException("QRP entry bits must be 1, 2, 4 or 8: " + entryBits);
        }
        data = data.clone();
    }

    @Override
    public byte type() {
        return MessageType.ROUTE_TABLE_UPDATE;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public byte[] encode() {
        byte[] out = new byte[HEADER + data.length];
        out[0] = VARIANT;
        out[1] = (byte) sequenceNumber;
        out[2] = (byte) sequenceSize;
        out[3] = (byte) compressor;
        out[4] = (byte) entryBits;
        System.arraycopy(data, 0, out, HEADER, data.length);
        return out;
    }

    static QrpPatch decode(byte[] payload) throws BadMessageException {
        if (payload.length < HEADER) {
            throw new BadMessageException("QRP patch shorter than its 5-byte header");
        }
        try {
            return new QrpPatch(payload[1] & 0xFF, payload[2] & 0xFF, payload[3] & 0xFF, payload[4] & 0xFF,
                    Arrays.copyOfRange(payload, HEADER, payload.length));
        } catch (IllegalArgumentException e) {
            throw new BadMessageException(e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QrpPatch p && sequenceNumber == p.sequenceNumber && sequenceSize == p.sequenceSize
                && compressor == p.compressor && entryBits == p.entryBits && Arrays.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + sequenceNumber;
    }

    @Override
    public String toString() {
        return "QrpPatch[" + sequenceNumber + "/" + sequenceSize + " compressor=" + compressor
                + " bits=" + entryBits + " data=" + data.length + "B]";
    }
}
