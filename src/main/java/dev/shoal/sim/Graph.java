package dev.shoal.sim;

import java.util.Arrays;

/**
 * An undirected graph of {@code n} nodes in compressed rows: node {@code v}'s neighbours are
 * {@code targets[offsets[v] .. offsets[v+1])}, in the order its links were made. Four bytes per link
 * end: small enough for 100 000 nodes. {@code ultrapeer[v]} is the node's role (all true in a flat
 * network). Immutable once built.
 */
final class Graph {
    private final int[] offsets;
    private final int[] targets;
    private final boolean[] ultrapeer;

    private Graph(int[] offsets, int[] targets, boolean[] ultrapeer) {
        this.offsets = offsets;
        this.targets = targets;
        this.ultrapeer = ultrapeer;
    }

    /** A graph from its edges, each packed as {@code a << 32 | b}; duplicates and self-links must already be gone. */
    static Graph of(int n, long[] edges, int edgeCount, boolean[] ultrapeer) {
        int[] degree = new int[n];
        for (int i = 0; i < edgeCount; i++) {
            degree[(int) (edges[i] >>> 32)]++;
            degree[(int) edges[i]]++;
        }
        int[] offsets = new int[n + 1];
        for (int v = 0; v < n; v++) {
            offsets[v + 1] = offsets[v] + degree[v];
        }
        int[] fill = Arrays.copyOf(offsets, n);
        int[] targets = new int[offsets[n]];
        for (int i = 0; i < edgeCount; i++) {
            int a = (int) (edges[i] >>> 32);
            int b = (int) edges[i];
            targets[fill[a]++] = b;
            targets[fill[b]++] = a;
        }
        return new Graph(offsets, targets, ultrapeer);
    }

    int size() {
        return ultrapeer.length;
    }

    int degree(int v) {
        return offsets[v + 1] - offsets[v];
    }

    int neighbour(int v, int i) {
        return targets[offsets[v] + i];
    }

    boolean ultrapeer(int v) {
        return ultrapeer[v];
    }

    /** Links to ultrapeers: what node {@code v} would announce as {@code X-Degree}. */
    int ultrapeerDegree(int v) {
        int d = 0;
        for (int i = offsets[v]; i < offsets[v + 1]; i++) {
            if (ultrapeer[targets[i]]) {
                d++;
            }
        }
        return d;
    }

    int ultrapeerCount() {
        int c = 0;
        for (boolean u : ultrapeer) {
            if (u) {
                c++;
            }
        }
        return c;
    }

    /**
     * Which nodes are in the largest connected component (the first found on a tie). A sparse random
     * graph leaves some nodes alone or in small islands, and no flood from there reaches the rest.
     */
    boolean[] largestComponent() {
        int n = size();
        int[] component = new int[n];
        Arrays.fill(component, -1);
        int[] queue = new int[n];
        int largest = -1;
        int largestSize = 0;
        for (int start = 0, label = 0; start < n; start++) {
            if (component[start] >= 0) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            component[start] = label;
            while (head < tail) {
                int v = queue[head++];
                for (int i = offsets[v]; i < offsets[v + 1]; i++) {
                    if (component[targets[i]] < 0) {
                        component[targets[i]] = label;
                        queue[tail++] = targets[i];
                    }
                }
            }
            if (tail > largestSize) {
                largestSize = tail;
                largest = label;
            }
            label++;
        }
        boolean[] in = new boolean[n];
        for (int v = 0; v < n; v++) {
            in[v] = component[v] == largest;
        }
        return in;
    }

    long linkCount() {
        return targets.length / 2;
    }

    /** Bytes the arrays take, for the memory report. */
    long footprintBytes() {
        return 4L * offsets.length + 4L * targets.length + ultrapeer.length;
    }
}
