package dev.shoal.routing;

import dev.shoal.protocol.Header;
import java.util.List;

/**
 * What to do with a received Query.
 *
 * @param duplicate     already seen: dropped
 * @param overLimit     hops + TTL above the hard limit: dropped (the sender misbehaves)
 * @param answerLocally search our own library and answer with a QueryHit to the sender
 * @param forwardHeader the header to send the query on with (hopped, trimmed, TTL ≥ 1); null
 *                      when it goes nowhere
 * @param forwardTo     the connections to send it to, never the one it came from
 */
public record QueryRoute<C>(boolean duplicate, boolean overLimit, boolean answerLocally, Header forwardHeader,
        List<C> forwardTo) {

    public QueryRoute {
        forwardTo = List.copyOf(forwardTo);
    }

    static <C> QueryRoute<C> drop(boolean duplicate, boolean overLimit) {
        return new QueryRoute<>(duplicate, overLimit, false, null, List.of());
    }

    public boolean dropped() {
        return duplicate || overLimit;
    }
}
