package dev.shoal.protocol;

import java.nio.ByteBuffer;

/**
 * One Gnutella message in one UDP datagram: the 23-byte header and exactly the payload its length
 * field announces, nothing more and nothing less (a datagram has no stream to resynchronise, so a
 * length that disagrees with the datagram means it is broken). Payloads larger than
 * {@link #MAX_PAYLOAD} are refused before anything is decoded: real UDP pings, pongs and hits are
 * far smaller, and a datagram must never make us inflate or allocate much.
 */
public final class Datagram {
    /** Largest payload taken from a datagram; LimeWire and gtk-gnutella send pongs and hits well under it. */
    public static final int MAX_PAYLOAD = 4096;

    /** Why a datagram is not a message. */
    public enum Fault {
        /** Shorter than a header. */
        TRUNCATED,
        /** The length field says something else than the datagram holds. */
        WRONG_LENGTH,
        /** Above {@link #MAX_PAYLOAD}. */
        TOO_LARGE
    }

    /** A datagram that is not one well-framed message. */
    public static final class FaultException extends Exception {
        private final Fault fault;

        FaultException(Fault fault, String message) {
            super(message);
            this.fault = fault;
        }

        public Fault fault() {
            return fault;
        }
    }

    private Datagram() {
    }

    /** The frame held by the bytes from the buffer's position to its limit. */
    public static Frame read(ByteBuffer datagram) throws FaultException {
        int size = datagram.remaining();
        if (size < Header.SIZE) {
            throw new FaultException(Fault.TRUNCATED, size + " bytes, shorter than a header");
        }
        if (size - Header.SIZE > MAX_PAYLOAD) {
            throw new FaultException(Fault.TOO_LARGE, (size - Header.SIZE) + " payload bytes, over " + MAX_PAYLOAD);
        }
        Header h;
        try {
            h = Header.read(datagram, MAX_PAYLOAD);
        } catch (FramingException e) {
            throw new FaultException(Fault.TOO_LARGE, e.getMessage());
        }
        if (h.payloadLength() != datagram.remaining()) {
            throw new FaultException(Fault.WRONG_LENGTH, "header says " + h.payloadLength() + " payload bytes, the "
                    + "datagram holds " + datagram.remaining());
        }
        byte[] payload = new byte[h.payloadLength()];
        datagram.get(payload);
        return new Frame(h, payload);
    }
}
