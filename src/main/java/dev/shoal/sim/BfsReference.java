package dev.shoal.sim;

import java.util.Arrays;

/**
 * A plain breadth-first flood over the graph's arrays, with no router: what a TTL-limited flood
 * must cost in a flat network. A node at distance h &lt; TTL passes the query to every neighbour
 * but the one it first got it from (the origin to all of them), so the messages are the sum of
 * those degrees, and the nodes reached are those at distance 1..TTL.
 */
final class BfsReference {
    private final Graph graph;
    private final int[] dist;
    private final int[] queue;

    record Flood(long messages, long reached) {
    }

    BfsReference(Graph graph) {
        this.graph = graph;
        this.dist = new int[graph.size()];
        this.queue = new int[graph.size()];
        Arrays.fill(dist, -1);
    }

    /**
     * The chance that a flood reaching {@code reached} of the {@code others} nodes besides its origin
     * finds a file whose {@code copies} lie on distinct random ones of them. Given one mean reach for
     * every query, this is what a breadth-first model predicts; given each query's own reach, what a
     * query can expect.
     */
    static double chanceFound(int others, double reached, int copies) {
        double missed = 1;
        for (int i = 0; i < copies; i++) {
            missed *= Math.max(0, others - reached - i) / (others - i);
        }
        return 1 - missed;
    }

    Flood flood(int origin, int ttl) {
        int head = 0;
        int tail = 0;
        queue[tail++] = origin;
        dist[origin] = 0;
        long messages = 0;
        while (head < tail) {
            int v = queue[head++];
            if (dist[v] >= ttl) {
                continue;
            }
            messages += v == origin ? graph.degree(v) : graph.degree(v) - 1;
            for (int i = 0; i < graph.degree(v); i++) {
                int w = graph.neighbour(v, i);
                if (dist[w] < 0) {
                    dist[w] = dist[v] + 1;
                    queue[tail++] = w;
                }
            }
        }
        for (int i = 0; i < tail; i++) {
            dist[queue[i]] = -1;
        }
        return new Flood(messages, tail - 1);
    }
}
