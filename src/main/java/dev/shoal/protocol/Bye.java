package dev.shoal.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Bye (0x02): the sender is closing. Code (LE16) then a NUL-terminated reason. Sent with TTL 1,
 * hops 0, and never forwarded.
 */
public record Bye(int code, String reason) implements Payload {
    public static final int SHUTDOWN = 200;
    public static final int TOO_LARGE = 400;
    public static final int HOPS_TTL_TOO_HIGH = 403;
    public static final int IDLE = 405;
    public static final int NO_PONG = 406;
    public static final int TTL_ZERO = 408;
    public static final int TOO_MANY_ERRORS = 409;
    public static final int BAD_QRP = 413;
    public static final int LEAF_RELAYING = 414;
    public static final int INTERNAL_ERROR = 500;
    public static final int DESYNC = 501;
    public static final int SEND_QUEUE_FULL = 502;

    public Bye {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("bye code must fit 16 bits: " + code);
        }
        reason = reason == null ? "" : reason;
    }

    @Override
    public byte type() {
        return MessageType.BYE;
    }

    @Override
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(code & 0xFF);
        out.write(code >>> 8);
        out.writeBytes(reason.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        return out.toByteArray();
    }

    /** Decodes leniently: a missing NUL ends the reason at the end of the payload. */
    public static Bye decode(byte[] payload) throws BadMessageException {
        if (payload.length < 2) {
            throw new BadMessageException("Bye shorter than its 2-byte code");
        }
        int code = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
        int end = 2;
        while (end < payload.length && payload[end] != 0) {
            end++;
        }
        return new Bye(code, new String(payload, 2, end - 2, StandardCharsets.UTF_8));
    }
}
