package dev.shoal.protocol;

/**
 * The typed body of a Gnutella message, without its header. Bodies are immutable; the header
 * (GUID, TTL, hops) travels separately in a {@link Frame} so that forwarding never re-encodes.
 * Sealed: these are all the bodies there are, so a {@code switch} over them needs no default.
 */
public sealed interface Payload
        permits Ping, Pong, Bye, QrpReset, QrpPatch, VendorMessage, Push, Query, QueryHit, UnknownPayload {
    /** The payload-type byte this body is sent under, see {@link MessageType}. */
    byte type();

    /** The payload bytes, exactly as they go on the wire after the 23-byte header. */
    byte[] encode();
}
