package dev.shoal.sim;

import dev.shoal.routing.QrpTable;

/**
 * One simulated network and workload; the seed fixes the graph, the files and the queries.
 *
 * @param degree          average links per node (random, power-law) or per ultrapeer (two-tier)
 * @param replication     share of nodes that hold each searched file (the mean, with Zipf)
 * @param zipfExponent    0 for a fixed replication; else copies and query odds follow Zipf with it
 * @param items           searchable files
 * @param backgroundFiles other files each node shares (they fill QRP tables)
 * @param qrp             leaves send QRP tables and ultrapeers exchange theirs; off: blind flooding
 * @param churn           nodes come and go ({@link Churn}); off: all online all the time
 */
record SimSettings(Topology topology, int nodes, int degree, double replication, double zipfExponent, int items,
        int backgroundFiles, int qrpSlots, boolean qrp, int queries, long seed, boolean churn) {

    SimSettings {
        if (nodes < 2) {
            throw new IllegalArgumentException("--nodes must be at least 2");
        }
        if (degree < 1) {
            throw new IllegalArgumentException("--degree must be positive");
        }
        if (!(replication > 0 && replication <= 1)) {
            throw new IllegalArgumentException("--replication must be in (0, 1], e.g. 0.00125 for 0.125 %");
        }
        if (queries < 1) {
            throw new IllegalArgumentException("--queries must be positive");
        }
        if (items < 1) {
            throw new IllegalArgumentException("--items must be positive");
        }
        if (backgroundFiles < 0) {
            throw new IllegalArgumentException("--files must be 0 or more");
        }
        if (!(zipfExponent >= 0)) {
            throw new IllegalArgumentException("--zipf must be 0 or more");
        }
        if (qrpSlots < QrpTable.MIN_SIZE || qrpSlots > QrpTable.MAX_SIZE || Integer.bitCount(qrpSlots) != 1) {
            throw new IllegalArgumentException("--qrp-slots must be a power of two from " + QrpTable.MIN_SIZE + " to "
                    + QrpTable.MAX_SIZE + ", e.g. 65536");
        }
        topology.checkShape(nodes, degree);
    }

    SimSettings withQrp(boolean on) {
        return new SimSettings(topology, nodes, degree, replication, zipfExponent, items, backgroundFiles, qrpSlots, on,
                queries, seed, churn);
    }

    SimSettings withReplication(double r) {
        return new SimSettings(topology, nodes, degree, r, zipfExponent, items, backgroundFiles, qrpSlots, qrp,
                queries, seed, churn);
    }
}
