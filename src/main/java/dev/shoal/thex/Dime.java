package dev.shoal.thex;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * DIME messages, as far as THEX uses them: a sequence of records, each a 12-byte header (version 1
 * in the top five bits of the first byte with the message-begin, message-end and chunk flags
 * below; the type format in the top half of the second; then the big-endian lengths of options,
 * id, type and data) followed by those four fields, each padded with zeros to a multiple of four.
 */
final class Dime {
    static final int MIME = 0x01;
    static final int URI = 0x02;
    private static final int VERSION = 0x01;
    private static final int BEGIN = 0x04;
    private static final int END = 0x02;
    private static final int CHUNKED = 0x01;
    private static final int HEADER = 12;

    private Dime() {
    }

    /** One record: its type format ({@link #MIME} or {@link #URI}), type, id and data. */
    record Record(int typeFormat, String type, String id, byte[] data) {
    }

    static byte[] encode(List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            byte[] id = r.id().getBytes(StandardCharsets.UTF_8);
            byte[] type = r.type().getBytes(StandardCharsets.UTF_8);
            ByteBuffer h = ByteBuffer.allocate(HEADER);
            h.put((byte) (VERSION << 3 | (i == 0 ? BEGIN : 0) | (i == records.size() - 1 ? END : 0)));
            h.put((byte) (r.typeFormat() << 4));
            h.putShort((short) 0).putShort((short) id.length).putShort((short) type.length).putInt(r.data().length);
            out.writeBytes(h.array());
            padded(out, id);
            padded(out, type);
            padded(out, r.data());
        }
        return out.toByteArray();
    }

    private static void padded(ByteArrayOutputStream out, byte[] field) {
        out.writeBytes(field);
        out.writeBytes(new byte[(int) pad(field.length) - field.length]);
    }

    /** A length rounded up to whole 4-byte words; a long, as DIME lengths go up to 2^32 - 1. */
    private static long pad(long length) {
        return (length + 3) & ~3L;
    }

    /**
     * Reads records up to the one flagged as the message's end.
     *
     * @throws ThexException when the message is truncated, of another version, chunked (THEX never
     *     is), or lacks its begin or end flag
     */
    static List<Record> decode(byte[] message) throws ThexException {
        ByteBuffer b = ByteBuffer.wrap(message);
        List<Record> records = new ArrayList<>();
        while (true) {
            if (b.remaining() < HEADER) {
                throw new ThexException("DIME message ends inside a record header");
            }
            int flags = b.get() & 0xFF;
            if (flags >>> 3 != VERSION) {
                throw new ThexException("DIME version " + (flags >>> 3) + " is not 1");
            }
            if ((flags & BEGIN) != 0 != records.isEmpty()) {
                throw new ThexException("DIME message-begin flag misplaced");
            }
            if ((flags & CHUNKED) != 0) {
                throw new ThexException("chunked DIME records are not used by THEX");
            }
            int typeFormat = (b.get() & 0xFF) >>> 4;
            int optionsLength = b.getShort() & 0xFFFF;
            int idLength = b.getShort() & 0xFFFF;
            int typeLength = b.getShort() & 0xFFFF;
            long dataLength = b.getInt() & 0xFFFFFFFFL;
            skip(b, (int) pad(optionsLength));
            String id = text(field(b, idLength));
            String type = text(field(b, typeLength));
            byte[] data = field(b, dataLength);
            records.add(new Record(typeFormat, type, id, data));
            if ((flags & END) != 0) {
                return records;
            }
        }
    }

    private static byte[] field(ByteBuffer b, long length) throws ThexException {
        if (pad(length) > b.remaining()) {
            throw new ThexException("DIME record field of " + length + " bytes is truncated");
        }
        byte[] out = new byte[(int) length];
        b.get(out);
        skip(b, (int) (pad(length) - length));
        return out;
    }

    private static void skip(ByteBuffer b, int n) throws ThexException {
        if (n > b.remaining()) {
            throw new ThexException("DIME record is truncated");
        }
        b.position(b.position() + n);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
