package dev.shoal.routing;

import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;

/**
 * A query we originate, as registered by {@link Router#startQuery(int, long)}.
 *
 * @param header  hops 0, the clamped TTL, payload length 0 (set it with
 *                {@link Header#withPayloadLength(int)} once the body is encoded)
 * @param clamped the requested TTL was outside 1..max TTL and was changed
 */
public record OwnQuery(Header header, boolean clamped) {
    public Guid guid() {
        return header.guid();
    }

    public int ttl() {
        return header.ttl();
    }
}
