package dev.shoal.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The averages over one run of queries at one TTL, and the reference figures measured beside them.
 * {@code flat} is set for floods over flat networks only (null otherwise).
 */
record SimResult(SimSettings settings, int ultrapeers, long links, String mode, int ttl, double success,
        double messagesPerQuery, double hitMessagesPerQuery, double vendorMessagesPerQuery, double reachedPerQuery,
        double resultsPerQuery, Flat flat, long wallMillis, long bfsWallMillis, long heapBytes, double onlineShare,
        long leafRepairs, Map<String, Integer> outcomes) {

    /**
     * What a flood over a flat network is held against: a plain BFS of the same graph from the same
     * origins, and the two things a breadth-first model leaves out. {@code originsInLargestComponent}
     * is the share of queries asked from there, {@code successInLargestComponent} their success;
     * {@code successAtMeanReach} is the success if every query reached the mean number of nodes.
     */
    record Flat(double bfsMessagesPerQuery, double bfsReachedPerQuery, boolean bfsEqual,
            double originsInLargestComponent, double successInLargestComponent, double successAtMeanReach) {
    }

    boolean hasBfs() {
        return flat != null;
    }

    double bfsMessagesPerQuery() {
        return hasBfs() ? flat.bfsMessagesPerQuery() : Double.NaN;
    }

    double bfsReachedPerQuery() {
        return hasBfs() ? flat.bfsReachedPerQuery() : Double.NaN;
    }

    boolean bfsEqual() {
        return hasBfs() && flat.bfsEqual();
    }

    /** The fields of one JSON line, contract fields first. */
    Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("nodes", settings.nodes());
        f.put("mode", mode);
        f.put("ttl", ttl);
        f.put("success", round(success));
        f.put("messages_per_query", round(messagesPerQuery));
        f.put("topology", settings.topology().label);
        f.put("ultrapeers", ultrapeers);
        f.put("links", links);
        f.put("degree", settings.degree());
        f.put("replication", settings.replication());
        f.put("zipf", settings.zipfExponent());
        f.put("qrp", settings.qrp());
        f.put("queries", settings.queries());
        f.put("churn", settings.churn());
        if (settings.churn()) {
            f.put("online_share", round(onlineShare));
            f.put("leaf_repairs_per_query", round((double) leafRepairs / settings.queries()));
        }
        f.put("seed", settings.seed());
        f.put("hit_messages_per_query", round(hitMessagesPerQuery));
        f.put("vendor_messages_per_query", round(vendorMessagesPerQuery));
        f.put("reached_per_query", round(reachedPerQuery));
        f.put("results_per_query", round(resultsPerQuery));
        if (hasBfs()) {
            f.put("bfs_messages_per_query", round(flat.bfsMessagesPerQuery()));
            f.put("bfs_reached_per_query", round(flat.bfsReachedPerQuery()));
            f.put("bfs_equal", flat.bfsEqual());
            f.put("bfs_wall_ms", bfsWallMillis);
            f.put("origins_in_largest_component", round(flat.originsInLargestComponent()));
            if (!Double.isNaN(flat.successInLargestComponent())) {
                f.put("success_in_largest_component", round(flat.successInLargestComponent()));
            }
            f.put("success_at_mean_reach", round(flat.successAtMeanReach()));
        }
        f.put("wall_ms", wallMillis);
        f.put("heap_mb", round(heapBytes / 1048576.0));
        f.put("heap_bytes_per_node", heapBytes / settings.nodes());
        outcomes.forEach((k, v) -> f.put("dq_" + k, v));
        return f;
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
