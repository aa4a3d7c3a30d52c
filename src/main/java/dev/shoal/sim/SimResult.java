package dev.shoal.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The averages over one run of queries at one TTL, and the reference figures measured beside them.
 * {@code bfs*} fields are set for floods over flat networks only (NaN otherwise).
 */
record SimResult(SimSettings settings, int ultrapeers, long links, String mode, int ttl, double success,
        double messagesPerQuery, double hitMessagesPerQuery, double vendorMessagesPerQuery, double reachedPerQuery,
        double resultsPerQuery, double bfsMessagesPerQuery, double bfsReachedPerQuery, boolean bfsEqual,
        long wallMillis, long bfsWallMillis, long heapBytes, double onlineShare, long leafRepairs,
        Map<String, Integer> outcomes) {

    boolean hasBfs() {
        return !Double.isNaN(bfsMessagesPerQuery);
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
            f.put("bfs_messages_per_query", round(bfsMessagesPerQuery));
            f.put("bfs_reached_per_query", round(bfsReachedPerQuery));
            f.put("bfs_equal", bfsEqual);
            f.put("bfs_wall_ms", bfsWallMillis);
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
