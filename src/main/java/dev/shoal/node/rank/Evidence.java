package dev.shoal.node.rank;

/**
 * What is known of a file apart from its name: the facts the score weighs besides relevance.
 *
 * @param sources hosts offering it (at least 1)
 * @param hops the fewest relays between us and one of them
 * @param verified we already hold this exact content
 * @param knownVendors sources whose servent is a known one
 * @param firewalled sources that cannot accept connections
 */
public record Evidence(int sources, int hops, boolean verified, int knownVendors, int firewalled) {
    public Evidence {
        if (sources < 1 || hops < 0 || knownVendors < 0 || knownVendors > sources || firewalled < 0
                || firewalled > sources) {
            throw new IllegalArgumentException("inconsistent evidence: " + sources + " sources, " + hops + " hops, "
                    + knownVendors + " known vendors, " + firewalled + " firewalled");
        }
    }
}
