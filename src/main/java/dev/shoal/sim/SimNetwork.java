package dev.shoal.sim;

import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageType;
import dev.shoal.protocol.Urn;
import dev.shoal.routing.DynamicQuery;
import dev.shoal.routing.DynamicQueryConfig;
import dev.shoal.routing.HitRoute;
import dev.shoal.routing.OwnQuery;
import dev.shoal.routing.QrpTable;
import dev.shoal.routing.QueryLink;
import dev.shoal.routing.QueryRoute;
import dev.shoal.routing.Router;
import dev.shoal.routing.RouterConfig;
import dev.shoal.routing.TtlPolicy;
import dev.shoal.time.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * One {@link Router} per node, joined by in-memory links: a message is a task on the virtual clock,
 * delivered {@link #LATENCY} after it is sent, so a flood advances hop by hop exactly as with equal
 * link delays, and nothing runs on a thread of its own. On node {@code a} the link to node
 * {@code b} is the connection {@code b}. Leaves send their QRP tables to their ultrapeers, and with
 * QRP on ultrapeers send each other their merged tables; with QRP off every leaf sends a table that
 * matches everything and ultrapeers send none, which is blind flooding through the same router.
 * In dynamic mode an ultrapeer runs its own queries and its leaves' with {@link DynamicQueryDriver}.
 */
final class SimNetwork {
    static final Duration LATENCY = Duration.ofMillis(50);
    /** Routes and seen GUIDs must outlive a dynamic query (200 s); queries start 5 min apart. */
    static final Duration ROUTE_LIFETIME = Duration.ofMinutes(4);
    static final Duration QUERY_SPACING = Duration.ofMinutes(5);
    private static final List<Urn> NO_URNS = List.of();

    final Graph graph;
    final Workload workload;
    final VirtualTime time = new VirtualTime();
    final TtlPolicy ttlPolicy;
    private final List<Router<Integer>> routers;
    private final Guid[] serventIds;
    /** The merged table each ultrapeer sent its ultrapeer neighbours; null without QRP between ultrapeers. */
    private final QrpTable[] advertised;
    /** What each leaf sends its ultrapeers: its own table, or one matching everything without QRP. */
    private final QrpTable[] leafTables;
    private final boolean[] online;
    /** Query GUIDs: one stream for the network's life, so that no two runs ever share one. */
    private final RandomGenerator guids;
    private DynamicQueryConfig dynamicConfig;
    private QueryRun run;

    SimNetwork(Graph graph, Workload workload, boolean qrp, int qrpSlots, TtlPolicy ttlPolicy,
            RandomGenerator.SplittableGenerator random) {
        this.graph = graph;
        this.workload = workload;
        this.ttlPolicy = ttlPolicy;
        this.guids = random.split();
        int n = graph.size();
        RouterConfig base = new RouterConfig(ttlPolicy, ROUTE_LIFETIME, ROUTE_LIFETIME, ROUTE_LIFETIME, 100_000, false);
        routers = new ArrayList<>(n);
        serventIds = new Guid[n];
        for (int v = 0; v < n; v++) {
            serventIds[v] = guid(random);
            routers.add(new Router<>(base.withLeaf(!graph.ultrapeer(v)), serventIds[v]));
        }
        for (int v = 0; v < n; v++) {
            for (int i = 0; i < graph.degree(v); i++) {
                int w = graph.neighbour(v, i);
                routers.get(v).connectionOpened(w, !graph.ultrapeer(w));
            }
        }
        online = new boolean[n];
        Arrays.fill(online, true);
        QrpTable[] own = workload.tables(n, qrpSlots);
        QrpTable everything = QrpTable.full(qrpSlots);
        leafTables = new QrpTable[n];
        for (int v = 0; v < n; v++) {
            routers.get(v).ownTableChanged(own[v]);
            if (!graph.ultrapeer(v)) {
                leafTables[v] = qrp ? own[v] : everything;
                for (int i = 0; i < graph.degree(v); i++) {
                    routers.get(graph.neighbour(v, i)).qrpTableReceived(v, leafTables[v]);
                }
            }
        }
        advertised = qrp && graph.ultrapeerCount() < n ? new QrpTable[n] : null;
        if (advertised != null) {
            for (int v = 0; v < n; v++) {
                if (graph.ultrapeer(v)) {
                    advertised[v] = routers.get(v).mergedLeafTable();
                }
            }
            for (int v = 0; v < n; v++) {
                for (int i = 0; graph.ultrapeer(v) && i < graph.degree(v); i++) {
                    int w = graph.neighbour(v, i);
                    if (graph.ultrapeer(w)) {
                        routers.get(v).qrpTableReceived(w, advertised[w]);
                    }
                }
            }
        }
    }

    static Guid guid(RandomGenerator random) {
        byte[] b = new byte[Guid.LENGTH];
        random.nextBytes(b);
        return Guid.of(b);
    }

    boolean online(int v) {
        return online[v];
    }

    void setOnline(int v, boolean up) {
        online[v] = up;
    }

    /**
     * Opens a link both ways, as a finished handshake would; a leaf then sends its table. Ultrapeers'
     * merged tables are not redone when leaves come and go (a real one sends changes within a
     * minute): a neighbour keeps the table it got first.
     */
    void openLink(int a, int b) {
        routers.get(a).connectionOpened(b, !graph.ultrapeer(b));
        routers.get(b).connectionOpened(a, !graph.ultrapeer(a));
        if (!graph.ultrapeer(a)) {
            routers.get(b).qrpTableReceived(a, leafTables[a]);
        } else if (!graph.ultrapeer(b)) {
            routers.get(a).qrpTableReceived(b, leafTables[b]);
        } else if (advertised != null) {
            routers.get(a).qrpTableReceived(b, advertised[b]);
            routers.get(b).qrpTableReceived(a, advertised[a]);
        }
    }

    void closeLink(int a, int b) {
        routers.get(a).connectionClosed(b);
        routers.get(b).connectionClosed(a);
    }

    private boolean dynamic() {
        return dynamicConfig != null;
    }

    /**
     * Runs one query from {@code origin} to its end (all hits home, any dynamic query finished).
     *
     * @param dynamic null to flood; else ultrapeers run the query dynamically with these numbers
     * @param random  the query's own choices (the order dynamic querying tries links in)
     */
    QueryRun query(int origin, int item, int ttl, DynamicQueryConfig dynamic, RandomGenerator random) {
        dynamicConfig = dynamic;
        run = new QueryRun(origin, item, Workload.keywords(item), guid(guids), random);
        Router<Integer> start = routers.get(origin);
        OwnQuery own = start.startQuery(run.guid, ttl, now());
        List<Integer> targets = start.ownQueryTargets(run.keywords, NO_URNS);
        if (dynamic() && graph.ultrapeer(origin)) {
            startDynamic(origin, -1, own.header(), targets);
        } else {
            for (int t : targets) {
                sendQuery(t, origin, own.header());
            }
        }
        time.advance(QUERY_SPACING);
        QueryRun done = run;
        run = null;
        return done;
    }

    long now() {
        return time.millis();
    }

    void sendQuery(int to, int from, Header h) {
        time.schedule(LATENCY, () -> deliverQuery(to, from, h));
    }

    private void deliverQuery(int to, int from, Header h) {
        run.queryMessages++;
        QueryRoute<Integer> route = routers.get(to).onQuery(from, h, run.keywords, NO_URNS, now());
        if (route.answerLocally()) {
            run.reached++;
            if (workload.holds(to, run.item)) {
                // Our own hits go out with TTL = hops + 3, as a Shoal node sends them.
                Header hit = new Header(h.guid(), MessageType.QUERY_HIT, h.hops() + 1 + 3, 0, 0);
                sendHit(from, to, hit, serventIds[to]);
            }
        }
        if (dynamic() && graph.ultrapeer(to) && !graph.ultrapeer(from) && route.forwardHeader() != null) {
            startDynamic(to, from, route.forwardHeader(), route.forwardTo());
            return;
        }
        for (int next : route.forwardTo()) {
            sendQuery(next, to, route.forwardHeader());
        }
    }

    private void sendHit(int to, int from, Header h, Guid responder) {
        time.schedule(LATENCY, () -> deliverHit(to, from, h, responder));
    }

    private void deliverHit(int at, int from, Header h, Guid responder) {
        run.hitMessages++;
        HitRoute<Integer> route = routers.get(at).onQueryHit(from, h, responder, now());
        DynamicQueryDriver driver = run.drivers.get(at);
        if (route.ownQuery()) {
            run.results++;
            if (driver != null) {
                driver.query.resultsRouted(1);
            }
            return;
        }
        if (route.dropped()) {
            return;
        }
        if (driver != null && driver.leaf == route.sendTo()) {
            driver.query.resultsRouted(1);
        }
        sendHit(route.sendTo(), at, route.forwardHeader(), responder);
    }

    /** An ultrapeer takes over a query (its own, or its leaf's after the router handled it). */
    private void startDynamic(int up, int leaf, Header header, List<Integer> routed) {
        List<Integer> leaves = new ArrayList<>();
        for (int t : routed) {
            if (!graph.ultrapeer(t)) {
                leaves.add(t);
            }
        }
        List<QueryLink<Integer>> links = new ArrayList<>();
        for (int i = 0; i < graph.degree(up); i++) {
            int w = graph.neighbour(up, i);
            if (graph.ultrapeer(w) && online[w]) {
                QueryLink.TableMatch match = advertised == null ? QueryLink.TableMatch.NONE
                        : advertised[w].matches(run.keywords) ? QueryLink.TableMatch.HIT : QueryLink.TableMatch.MISS;
                links.add(new QueryLink<>(w, graph.ultrapeerDegree(w), ttlPolicy.maxHopsTtl(), match));
            }
        }
        // Which link goes first is chance, as it is for a real ultrapeer.
        for (int i = links.size() - 1; i > 0; i--) {
            int j = run.random.nextInt(i + 1);
            links.set(i, links.set(j, links.get(i)));
        }
        DynamicQueryDriver driver = new DynamicQueryDriver(this, up, leaf, header, leaves, links, dynamicConfig);
        run.drivers.put(up, driver);
        driver.step();
    }

    /** BEAR/11 to the leaf; its BEAR/12 (results kept, or 0xFFFF once it has enough) comes back a hop later. */
    void askLeafStatus(DynamicQueryDriver driver) {
        run.vendorMessages++;
        time.schedule(LATENCY, () -> {
            int kept = driver.leaf == run.origin ? (int) Math.min(run.results, 0xFFFE) : 0;
            int answer = kept >= driver.query.target() ? DynamicQuery.LEAF_STOP : kept;
            run.vendorMessages++;
            time.schedule(LATENCY, () -> driver.query.leafReported(answer));
        });
    }

    void finished(DynamicQueryDriver driver) {
        run.outcomes.merge(driver.query.outcome().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }

    /** For tests: node {@code v}'s router. */
    Router<Integer> router(int v) {
        return routers.get(v);
    }
}
