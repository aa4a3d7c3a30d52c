package dev.shoal.routing;

import java.util.List;

/**
 * What a {@link DynamicQuery} wants done now.
 *
 * @param sends         copies of the query to send: each link with its own TTL
 * @param toLeaves      also give the query to our leaves whose QRP table matches (first step only)
 * @param askLeaf       send the leaf whose query this is a query-status request (BEAR/11)
 * @param nextAtMillis  when to call {@link DynamicQuery#next} again
 * @param outcome       {@link DynamicQuery.Outcome#RUNNING}, or why the query is over
 */
public record QueryStep<C>(List<Send<C>> sends, boolean toLeaves, boolean askLeaf, long nextAtMillis,
        DynamicQuery.Outcome outcome) {

    /** One copy of the query: the link and the TTL it goes with. */
    public record Send<C>(C connection, int ttl) {
    }

    public QueryStep {
        sends = List.copyOf(sends);
    }

    public boolean finished() {
        return outcome != DynamicQuery.Outcome.RUNNING;
    }
}
