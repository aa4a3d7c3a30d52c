package dev.shoal.routing;

/**
 * An ultrapeer link as {@link DynamicQuery} sees it.
 *
 * @param connection the caller's connection
 * @param degree     the peer's ultrapeer links ({@code X-Degree}); fewer than 2 counts as 2
 * @param maxTtl     the largest hops + TTL the peer accepts ({@code X-Max-TTL})
 * @param table      what the peer's QRP table says about this query
 */
public record QueryLink<C>(C connection, int degree, int maxTtl, TableMatch table) {

    /** What a link's last QRP table says about one query. */
    public enum TableMatch {
        /** The table matches: the peer or one of its leaves may have it. */
        HIT,
        /** The table does not match: a TTL-1 query there is wasted. */
        MISS,
        /** No table: nothing is known. */
        NONE
    }

    public QueryLink {
        if (connection == null || table == null) {
            throw new IllegalArgumentException("connection and table match are required");
        }
        if (maxTtl < 1) {
            throw new IllegalArgumentException("maxTtl must be positive: " + maxTtl);
        }
    }
}
