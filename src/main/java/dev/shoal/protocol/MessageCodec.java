package dev.shoal.protocol;

/**
 * Turns frames into typed payloads and back (each {@link Payload} encodes itself). A malformed payload always surfaces as a
 * {@link BadMessageException} (drop the message, keep the connection); unknown types decode to
 * {@link UnknownPayload} so the caller can count and drop them.
 */
public final class MessageCodec {
    private MessageCodec() {
    }

    public static Payload decode(Frame frame) throws BadMessageException {
        return decode(frame.header().type(), frame.payload());
    }

    public static Payload decode(byte type, byte[] payload) throws BadMessageException {
        try {
            return switch (type) {
                case MessageType.PING -> Ping.decode(payload);
                case MessageType.PONG -> Pong.decode(payload);
                case MessageType.BYE -> Bye.decode(payload);
                case MessageType.ROUTE_TABLE_UPDATE -> decodeQrp(payload);
                case MessageType.VENDOR, MessageType.VENDOR_STANDARD -> VendorMessage.decode(type, payload);
                case MessageType.PUSH -> Push.decode(payload);
                case MessageType.QUERY -> Query.decode(payload);
                case MessageType.QUERY_HIT -> QueryHit.decode(payload);
                default -> new UnknownPayload(type, payload);
            };
        } catch (RuntimeException e) {
            // Constructors validate with IllegalArgumentException; nothing unchecked may escape.
            throw new BadMessageException("bad " + MessageType.name(type) + ": " + e.getMessage(), e);
        }
    }

    private static Payload decodeQrp(byte[] payload) throws BadMessageException {
        if (payload.length == 0) {
            throw new BadMessageException("empty route table update");
        }
        return switch (payload[0]) {
            case QrpReset.VARIANT -> QrpReset.decode(payload);
            case QrpPatch.VARIANT -> QrpPatch.decode(payload);
            default -> throw new BadMessageException("unknown route table update variant " + (payload[0] & 0xFF));
        };
    }

    /** A frame ready to send: header with the payload's type and length. */
    public static Frame frame(Guid guid, int ttl, int hops, Payload payload) {
        byte[] bytes = payload.encode();
        return new Frame(new Header(guid, payload.type(), ttl, hops, bytes.length), bytes);
    }
}
