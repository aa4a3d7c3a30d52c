package dev.shoal.sim;

/**
 * The reference the TTL benchmark is printed beside: a published-style breadth-first model of
 * flooding a 10 000-node random graph of average degree 4 for a file on 0.125 % of the nodes.
 * These are the model's figures, not ours; they are shown only for runs with those parameters.
 */
final class PublishedModel {
    private static final int FIRST_TTL = 4;
    private static final double[] SUCCESS = {0.40, 0.79, 0.95, 0.99};
    private static final double[] MESSAGES = {371, 1527, 5301, 15307};

    private PublishedModel() {
    }

    static boolean appliesTo(SimSettings s, String mode) {
        return s.topology() == Topology.RANDOM && s.nodes() == 10_000 && s.degree() == 4
                && s.replication() == 0.00125 && s.zipfExponent() == 0 && mode.equals("flood");
    }

    static boolean hasTtl(int ttl) {
        return ttl >= FIRST_TTL && ttl < FIRST_TTL + SUCCESS.length;
    }

    static double success(int ttl) {
        return SUCCESS[ttl - FIRST_TTL];
    }

    static double messages(int ttl) {
        return MESSAGES[ttl - FIRST_TTL];
    }
}
