package dev.shoal.protocol;

/**
 * The typed body of a Gnutella message, without its header. Bodies are immutable; the header
 * (GUID, TTL, hops) travels separately in a {@link Frame} so that forwarding never re-encodes.
 */
public interface Payload {
    /** The payload-type byte this body is sent under, see {@link MessageType}. */
    byte type();
}
