package dev.shoal.sim;

import dev.shoal.protocol.Header;
import dev.shoal.routing.DynamicQuery;
import dev.shoal.routing.DynamicQueryConfig;
import dev.shoal.routing.QueryLink;
import dev.shoal.routing.QueryStep;
import java.time.Duration;
import java.util.List;

/**
 * Carries out a {@link DynamicQuery}'s steps for one simulated ultrapeer: sends the copies it asks
 * for, asks the leaf for its status, and calls it again when it said to. The decisions are all the
 * routing class's.
 */
final class DynamicQueryDriver {
    final DynamicQuery<Integer> query;
    /** The leaf whose query this is, or -1 for the ultrapeer's own. */
    final int leaf;
    private final SimNetwork net;
    private final int node;
    private final Header header;
    private final List<Integer> leaves;
    private final List<QueryLink<Integer>> links;

    DynamicQueryDriver(SimNetwork net, int node, int leaf, Header header, List<Integer> leaves,
            List<QueryLink<Integer>> links, DynamicQueryConfig config) {
        this.net = net;
        this.node = node;
        this.leaf = leaf;
        this.header = header;
        this.leaves = leaves;
        this.links = links;
        this.query = new DynamicQuery<>(config, false, header.hops(), leaf >= 0, net.now());
    }

    void step() {
        long now = net.now();
        QueryStep<Integer> step = query.next(links, leaves.size(), now);
        if (step.toLeaves()) {
            for (int l : leaves) {
                net.sendQuery(l, node, header);
            }
        }
        for (QueryStep.Send<Integer> s : step.sends()) {
            net.sendQuery(s.connection(), node, header.withTtl(s.ttl()));
        }
        if (step.askLeaf()) {
            net.askLeafStatus(this);
        }
        if (step.finished()) {
            net.finished(this);
        } else {
            net.time.schedule(Duration.ofMillis(step.nextAtMillis() - now), this::step);
        }
    }
}
