package dev.shoal.routing.sim;

import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Urn;
import dev.shoal.routing.HitRoute;
import dev.shoal.routing.OwnQuery;
import dev.shoal.routing.PushRoute;
import dev.shoal.routing.QrpTable;
import dev.shoal.routing.QueryRoute;
import dev.shoal.routing.Router;
import dev.shoal.routing.RouterConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Many {@link Router}s in one JVM joined by fake links. A node is an int; on node {@code a} the
 * link to node {@code b} is the connection {@code b}. Messages travel through one FIFO queue, so
 * a flood proceeds hop by hop as it would with equal link delays. Time is a plain counter.
 */
final class SimNetwork {
    private final List<Router<Integer>> routers = new ArrayList<>();
    private final List<Set<Integer>> links = new ArrayList<>();
    private final List<Guid> serventIds = new ArrayList<>();
    private final List<Boolean> leaves = new ArrayList<>();
    private final RouterConfig config;
    long now;

    SimNetwork(RouterConfig config) {
        this.config = config;
    }

    int addNode(boolean leaf) {
        Guid id = Guid.random();
        routers.add(new Router<>(config.withLeaf(leaf), id));
        serventIds.add(id);
        links.add(new HashSet<>());
        leaves.add(leaf);
        return routers.size() - 1;
    }

    int size() {
        return routers.size();
    }

    Router<Integer> router(int node) {
        return routers.get(node);
    }

    Guid serventId(int node) {
        return serventIds.get(node);
    }

    /** Opens a link; each side registers the other with its role. Returns false if it existed. */
    boolean link(int a, int b) {
        if (a == b || !links.get(a).add(b)) {
            return false;
        }
        links.get(b).add(a);
        routers.get(a).connectionOpened(b, leaves.get(b));
        routers.get(b).connectionOpened(a, leaves.get(a));
        return true;
    }

    /** A leaf sends its QRP table to one of its ultrapeers. */
    void sendTable(int leaf, int ultrapeer, QrpTable table) {
        routers.get(ultrapeer).qrpTableReceived(leaf, table);
    }

    /** Hop distances from {@code origin} over all links (-1: unreachable). */
    int[] distances(int origin) {
        int[] dist = new int[size()];
        Arrays.fill(dist, -1);
        dist[origin] = 0;
        Deque<Integer> queue = new ArrayDeque<>(List.of(origin));
        while (!queue.isEmpty()) {
            int n = queue.poll();
            for (int m : links.get(n)) {
                if (dist[m] < 0) {
                    dist[m] = dist[n] + 1;
                    queue.add(m);
                }
            }
        }
        return dist;
    }

    /** What one flood did. */
    static final class Flood {
        final int origin;
        final Guid guid;
        /** How often each node was asked to answer the query (must be 0 or 1). */
        final int[] handled;
        /** The neighbour each node first got the query from (-1: never). */
        final int[] parent;
        int messages;

        Flood(int origin, Guid guid, int n) {
            this.origin = origin;
            this.guid = guid;
            this.handled = new int[n];
            this.parent = new int[n];
            Arrays.fill(parent, -1);
        }

        Set<Integer> reached() {
            Set<Integer> out = new HashSet<>();
            for (int i = 0; i < handled.length; i++) {
                if (handled[i] > 0) {
                    out.add(i);
                }
            }
            return out;
        }
    }

    private record InFlight(int to, int from, Header header) {
    }

    /** Starts a query at {@code origin} and delivers every copy the routers send. */
    Flood flood(int origin, int ttl, List<String> keywords) {
        Router<Integer> start = routers.get(origin);
        OwnQuery own = start.startQuery(ttl, now);
        Flood flood = new Flood(origin, own.guid(), size());
        Deque<InFlight> queue = new ArrayDeque<>();
        List<Urn> noUrns = List.of();
        for (int m : start.ownQueryTargets(keywords, noUrns)) {
            queue.add(new InFlight(m, origin, own.header()));
        }
        while (!queue.isEmpty()) {
            InFlight f = queue.poll();
            flood.messages++;
            if (f.header.ttl() == 0) {
                throw new AssertionError("TTL 0 sent from " + f.from + " to " + f.to);
            }
            QueryRoute<Integer> route = routers.get(f.to).onQuery(f.from, f.header, keywords, noUrns, now);
            if (route.answerLocally()) {
                flood.handled[f.to]++;
                flood.parent[f.to] = f.from;
            }
            for (int next : route.forwardTo()) {
                if (!links.get(f.to).contains(next)) {
                    throw new AssertionError(f.to + " forwarded to non-neighbour " + next);
                }
                queue.add(new InFlight(next, f.to, route.forwardHeader()));
            }
        }
        return flood;
    }

    /**
     * Sends a hit from {@code responder} to whoever gave it the query and routes it by calling
     * the routers until it arrives as {@code ownQuery}. Returns the nodes it visited, responder
     * first, or null if a router dropped it.
     */
    List<Integer> returnHit(Flood flood, int responder) {
        List<Integer> path = new ArrayList<>(List.of(responder));
        int from = responder;
        int at = flood.parent[responder];
        Header header = new Header(flood.guid, MessageType.QUERY_HIT, 7, 0, 100);
        for (int steps = 0; steps <= size(); steps++) {
            path.add(at);
            HitRoute<Integer> r = routers.get(at).onQueryHit(from, header, serventIds.get(responder), now);
            if (r.ownQuery()) {
                return path;
            }
            if (r.dropped()) {
                return null;
            }
            from = at;
            at = r.sendTo();
            header = r.forwardHeader();
        }
        throw new AssertionError("hit looped");
    }

    /** Sends a push from {@code origin} to {@code target}'s servent id; returns its path or null. */
    List<Integer> push(int origin, int target) {
        Guid targetId = serventIds.get(target);
        Integer first = routers.get(origin).pushRouteTo(targetId, now);
        if (first == null) {
            return null;
        }
        List<Integer> path = new ArrayList<>(List.of(origin));
        int from = origin;
        int at = first;
        Header header = new Header(Guid.random(), MessageType.PUSH, 7, 0, 26);
        for (int steps = 0; steps <= size(); steps++) {
            path.add(at);
            PushRoute<Integer> r = routers.get(at).onPush(from, header, targetId, now);
            if (r.forUs()) {
                return path;
            }
            if (r.dropped()) {
                return null;
            }
            from = at;
            at = r.sendTo();
            header = r.forwardHeader();
        }
        throw new AssertionError("push looped");
    }

    /** The path from {@code node} back to the origin by the flood's parent pointers. */
    static List<Integer> reversePath(Flood flood, int node) {
        List<Integer> path = new ArrayList<>();
        for (int n = node; n != flood.origin; n = flood.parent[n]) {
            path.add(n);
        }
        path.add(flood.origin);
        return path;
    }

    static SimNetwork line(RouterConfig config, int n) {
        SimNetwork net = ultrapeers(config, n);
        for (int i = 0; i + 1 < n; i++) {
            net.link(i, i + 1);
        }
        return net;
    }

    static SimNetwork ring(RouterConfig config, int n) {
        SimNetwork net = line(config, n);
        net.link(n - 1, 0);
        return net;
    }

    /** Each node links to {@code degree} random others; node i also links to i+1 so all connect. */
    static SimNetwork random(RouterConfig config, int n, int degree, Random random) {
        SimNetwork net = line(config, n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < degree; k++) {
                net.link(i, random.nextInt(n));
            }
        }
        return net;
    }

    private static SimNetwork ultrapeers(RouterConfig config, int n) {
        SimNetwork net = new SimNetwork(config);
        for (int i = 0; i < n; i++) {
            net.addNode(false);
        }
        return net;
    }

    static Set<Integer> within(int[] dist, int hops, IntPredicate filter) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < dist.length; i++) {
            if (dist[i] >= 1 && dist[i] <= hops && filter.test(i)) {
                out.add(i);
            }
        }
        return out;
    }
}
