package dev.shoal.routing;

import dev.shoal.protocol.Header;

/**
 * What to do with a received QueryHit.
 *
 * @param ownQuery      the hit answers one of our own queries: show it, send it nowhere
 * @param sendTo        the connection the query came from, or null (our own query, or drop)
 * @param forwardHeader the header to send it on with, or null
 */
public record HitRoute<C>(boolean ownQuery, C sendTo, Header forwardHeader) {
    static <C> HitRoute<C> drop() {
        return new HitRoute<>(false, null, null);
    }

    public boolean dropped() {
        return !ownQuery && sendTo == null;
    }
}
