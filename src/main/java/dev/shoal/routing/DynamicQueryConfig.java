package dev.shoal.routing;

/**
 * The numbers of {@link DynamicQuery}; see {@code protocol-spec/dynamic-querying.md} for why each
 * has the value it has in {@link #defaults()}. Times are in milliseconds.
 *
 * @param target             results wanted for a keyword query
 * @param hashTarget         results wanted for a query by hash (one good source is nearly enough)
 * @param routedCapForLeaf   a leaf-guided query stops once this many hits were routed to the leaf,
 *                           whatever it reports: its other ultrapeers are running it too
 * @param probeHitLinks      at most this many links whose QRP table matches get the TTL-1 probe
 * @param probeWideLinks     links that get a TTL-2 probe when too few tables match
 * @param maxTtl             the largest TTL a widening step gives one link
 * @param leafFactor         hosts each ultrapeer stands for when choosing a TTL (itself and leaves)
 * @param hostsWhenNoResults hosts still to reach while nothing has been found yet
 * @param sparedLinks        links kept out of the per-link share when more than this many are left,
 *                           in case some are lost
 * @param perHopWait         how long to wait per TTL step for hits to come back
 * @param minPerHopWait      the floor the per-hop wait shrinks to
 * @param speedUpAfter       once the query is this old, each step cuts the per-hop wait by a quarter
 * @param horizonCap         estimated ultrapeers reached after which the query gives up
 * @param timeLimit          age after which the query gives up
 */
public record DynamicQueryConfig(int target, int hashTarget, int routedCapForLeaf, int probeHitLinks,
        int probeWideLinks, int maxTtl, int leafFactor, int hostsWhenNoResults, int sparedLinks,
        long perHopWait, long minPerHopWait, long speedUpAfter, long horizonCap, long timeLimit) {

    public DynamicQueryConfig {
        if (target < 1 || hashTarget < 1 || routedCapForLeaf < 1 || probeHitLinks < 0 || probeWideLinks < 0
                || maxTtl < 1 || leafFactor < 1 || hostsWhenNoResults < 1 || sparedLinks < 0 || perHopWait < 1
                || minPerHopWait < 1 || minPerHopWait > perHopWait || speedUpAfter < 0 || horizonCap < 1
                || timeLimit < 1) {
            throw new IllegalArgumentException("invalid dynamic query settings: " + this);
        }
    }

    public static DynamicQueryConfig defaults() {
        return new DynamicQueryConfig(150, 10, 75, 4, 3, 4, 16, 40_000, 4, 2_400, 100, 6_000, 110_000, 200_000);
    }

    public DynamicQueryConfig withMaxTtl(int ttl) {
        return new DynamicQueryConfig(target, hashTarget, routedCapForLeaf, probeHitLinks, probeWideLinks, ttl,
                leafFactor, hostsWhenNoResults, sparedLinks, perHopWait, minPerHopWait, speedUpAfter, horizonCap,
                timeLimit);
    }

    public DynamicQueryConfig withTarget(int results) {
        return new DynamicQueryConfig(results, hashTarget, routedCapForLeaf, probeHitLinks, probeWideLinks, maxTtl,
                leafFactor, hostsWhenNoResults, sparedLinks, perHopWait, minPerHopWait, speedUpAfter, horizonCap,
                timeLimit);
    }
}
