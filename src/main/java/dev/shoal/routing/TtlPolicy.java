package dev.shoal.routing;

import dev.shoal.protocol.Header;

/**
 * TTL rules for messages we forward and originate.
 *
 * <ul>
 *   <li>{@code maxTtl}: the largest TTL we give our own messages.</li>
 *   <li>{@code maxHopsTtl}: a forwarded message leaves with hops + TTL at most this (its TTL is
 *       trimmed, and it is not forwarded when nothing is left).</li>
 *   <li>{@code hardLimit}: a received message whose hops + TTL exceeds this is dropped unread;
 *       such senders are misbehaving.</li>
 * </ul>
 * The defaults (4, 4, 15) are the values gtk-gnutella uses and fit LimeWire's soft maximum.
 */
public record TtlPolicy(int maxTtl, int maxHopsTtl, int hardLimit) {
    public static final int DEFAULT_MAX_TTL = 4;
    public static final int DEFAULT_MAX_HOPS_TTL = 4;
    public static final int DEFAULT_HARD_LIMIT = 15;

    public TtlPolicy {
        if (maxTtl < 1 || maxTtl > 255) {
            throw new IllegalArgumentException("maxTtl must be 1..255: " + maxTtl);
        }
        if (maxHopsTtl < 1 || maxHopsTtl > 255) {
            throw new IllegalArgumentException("maxHopsTtl must be 1..255: " + maxHopsTtl);
        }
        if (hardLimit < maxHopsTtl || hardLimit > 255) {
            throw new IllegalArgumentException("hardLimit must be maxHopsTtl..255: " + hardLimit);
        }
    }

    public static TtlPolicy defaults() {
        return new TtlPolicy(DEFAULT_MAX_TTL, DEFAULT_MAX_HOPS_TTL, DEFAULT_HARD_LIMIT);
    }

    /** A TTL for one of our own messages, and whether the request had to be changed. */
    public record Clamped(int ttl, boolean clamped) {
    }

    /** Clamps a TTL we want to send with into 1..maxTtl (TTL 0 must never be sent). */
    public Clamped clampOwn(int requestedTtl) {
        int ttl = Math.max(1, Math.min(maxTtl, requestedTtl));
        return new Clamped(ttl, ttl != requestedTtl);
    }

    /** True when the received header is beyond the hard hops + TTL limit and must be dropped. */
    public boolean exceedsHardLimit(Header received) {
        return received.hops() + received.ttl() > hardLimit;
    }

    /**
     * The header as we would pass it on: TTL one less, hops one more, TTL then trimmed so that
     * hops + TTL stays within {@code maxHopsTtl}. The TTL may be 0 or the trim may leave nothing;
     * check {@link #forwardable(Header)} before sending it to an ultrapeer.
     */
    public Header forwardHeader(Header received) {
        int hops = Math.min(255, received.hops() + 1);
        int ttl = Math.max(0, Math.min(received.ttl() - 1, maxHopsTtl - hops));
        return new Header(received.guid(), received.type(), ttl, hops, received.payloadLength());
    }

    /** A header from {@link #forwardHeader(Header)} may be sent on only while its TTL is above 0. */
    public static boolean forwardable(Header forwardHeader) {
        return forwardHeader.ttl() > 0;
    }
}
