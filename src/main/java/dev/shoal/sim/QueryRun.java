package dev.shoal.sim;

import dev.shoal.protocol.Guid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/** What one query did: messages of each kind on the wire, nodes that handled it, results home. */
final class QueryRun {
    final int origin;
    final int item;
    final List<String> keywords;
    final Guid guid;
    final RandomGenerator random;
    final Map<Integer, DynamicQueryDriver> drivers = new HashMap<>();
    final Map<String, Integer> outcomes = new TreeMap<>();
    long queryMessages;
    long hitMessages;
    long vendorMessages;
    /** Nodes that handled the query (answered it from their library), the origin excluded. */
    long reached;
    /** Hits that reached the origin: one per node that holds the file and got the query. */
    long results;

    QueryRun(int origin, int item, List<String> keywords, Guid guid, RandomGenerator random) {
        this.origin = origin;
        this.item = item;
        this.keywords = keywords;
        this.guid = guid;
        this.random = random;
    }

    boolean success() {
        return results > 0;
    }
}
