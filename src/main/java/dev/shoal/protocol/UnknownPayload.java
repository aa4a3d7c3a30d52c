package dev.shoal.protocol;

import java.util.Arrays;

/** A message whose type byte we do not know. Kept only so it can be counted and dropped. */
public record UnknownPayload(byte type, byte[] bytes) implements Payload {
    public UnknownPayload {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes as they arrived: unknown messages are only ever counted, dropped or echoed unchanged. */
    @Override
    public byte[] encode() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownPayload u && type == u.type && Arrays.equals(bytes, u.bytes);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "UnknownPayload[" + MessageType.name(type) + " " + bytes.length + "B]";
    }
}
