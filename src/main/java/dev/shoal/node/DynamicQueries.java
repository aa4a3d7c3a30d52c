package dev.shoal.node;

import dev.shoal.net.Connection;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Header;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.QueryStatus;
import dev.shoal.protocol.Urn;
import dev.shoal.routing.DynamicQuery;
import dev.shoal.routing.DynamicQueryConfig;
import dev.shoal.routing.QueryLink;
import dev.shoal.routing.QueryStep;
import dev.shoal.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ultrapeer's dynamic queries, its own and its leaves', each run by a {@link DynamicQuery}: this
 * class only carries out the steps it decides (copies to links with the TTL it chose, the query to
 * matching leaves, BEAR/11 to a guiding leaf) and calls it again when it said to, on the node's
 * {@link Scheduler}: no thread waits. Hits routed for a query and the leaf's BEAR/12 reports are fed
 * back in between. The ultrapeer links a query may use are those open now, in an order drawn at
 * random for each query; each is described by its {@code X-Degree} (6 when absent, as LimeWire
 * assumes), its {@code X-Max-TTL} (4 when absent) and what its QRP table says. Thread safe: each
 * query is stepped under its own lock.
 */
final class DynamicQueries {
    private static final Logger log = LoggerFactory.getLogger(DynamicQueries.class);
    static final int DEGREE_WHEN_ABSENT = 6;
    static final int MAX_TTL_WHEN_ABSENT = 4;

    private final NodeRouter<Connection> routes;
    private final Scheduler scheduler;
    private final Supplier<List<Connection>> connections;
    private final DynamicQueryConfig config;
    private final RandomGenerator random;
    private final BiPredicate<Connection, Frame> send;
    private final MessageTrace trace;
    private final Map<Guid, Run> running = new ConcurrentHashMap<>();

    /**
     * @param config      the numbers; each query's TTL is capped further by the TTL it came with
     * @param connections the node's links now
     * @param send        queues a frame on a link (and reports it to the trace)
     */
    DynamicQueries(NodeRouter<Connection> routes, Scheduler scheduler, Supplier<List<Connection>> connections,
            DynamicQueryConfig config, RandomGenerator random, BiPredicate<Connection, Frame> send,
            MessageTrace trace) {
        this.routes = routes;
        this.scheduler = scheduler;
        this.connections = connections;
        this.config = config;
        this.random = random;
        this.send = send;
        this.trace = trace;
    }

    /**
     * What one query is: its header as every copy keeps it (hops 0 for ours, 1 for a leaf's; the TTL
     * is the most a copy may get), its payload and words, the leaf that asked (null for ours) and
     * whether it guides us, and our leaves whose tables match it.
     */
    record Spec(Header header, byte[] payload, List<String> keywords, List<Urn> urns, Connection leaf,
            boolean guided, List<Connection> matchingLeaves) {
        Spec {
            keywords = List.copyOf(keywords);
            urns = List.copyOf(urns);
            matchingLeaves = List.copyOf(matchingLeaves);
        }
    }

    /** Starts running a query and takes its first step now. */
    void start(Spec spec) {
        boolean hash = spec.keywords().isEmpty() && !spec.urns().isEmpty();
        DynamicQueryConfig c = config.withMaxTtl(Math.max(1, Math.min(config.maxTtl(), spec.header().ttl())));
        Run run = new Run(spec, new DynamicQuery<>(c, hash, spec.header().hops(), spec.guided(),
                scheduler.clock().millis()));
        Run old = running.put(spec.header().guid(), run);
        if (old != null) {
            old.stop();
        }
        log.debug("dynamic query {} for {} started", spec.header().guid(), spec.leaf() == null ? "us" : spec.leaf());
        run.step();
    }

    /** Results in hits for {@code query} that went to {@code to} (null: they were ours). */
    void resultsRouted(Guid query, Connection to, int results) {
        Run run = running.get(query);
        if (run != null && run.spec.leaf() == to) {
            synchronized (run) {
                run.query.resultsRouted(results);
            }
        }
    }

    /** A BEAR/12 from {@code from} about {@code query}; ignored unless that leaf's query runs here. */
    void leafReported(Connection from, Guid query, int kept) {
        Run run = running.get(query);
        if (run != null && run.spec.leaf() == from) {
            synchronized (run) {
                run.query.leafReported(kept);
            }
            if (kept == QueryStatus.STOP) {
                // Stopping is decided at the next step; take it now instead of after the wait.
                run.reschedule(Duration.ZERO);
            }
        }
    }

    /** Our own search was closed: its query stops. */
    void stop(Guid query) {
        Run run = running.get(query);
        if (run != null && run.spec.leaf() == null) {
            run.stop();
        }
    }

    /** A link went: queries of that leaf stop, and no step will use it. */
    void linkClosed(Connection c) {
        for (Run run : running.values()) {
            if (run.spec.leaf() == c) {
                run.stop();
            }
        }
    }

    /** Stops every query (the node changes role or closes). */
    void stopAll() {
        running.values().forEach(Run::stop);
    }

    private final class Run {
        final Spec spec;
        final DynamicQuery<Connection> query;
        /** The random rank of each link this query has seen, fixed for its life. */
        final Map<Connection, Double> rank = new HashMap<>();
        Scheduler.Cancellable next;
        boolean done;

        Run(Spec spec, DynamicQuery<Connection> query) {
            this.spec = spec;
            this.query = query;
        }

        synchronized void step() {
            if (done) {
                return;
            }
            long now = scheduler.clock().millis();
            QueryStep<Connection> step = query.next(links(), spec.matchingLeaves().size(), now);
            Header h = spec.header();
            if (step.toLeaves()) {
                Frame toLeaf = new Frame(h.withTtl(1), spec.payload());
                for (Connection leaf : spec.matchingLeaves()) {
                    send.test(leaf, toLeaf);
                }
            }
            for (QueryStep.Send<Connection> s : step.sends()) {
                send.test(s.connection(), new Frame(h.withTtl(s.ttl()), spec.payload()));
            }
            if (step.askLeaf() && spec.leaf() != null) {
                send.test(spec.leaf(), MessageCodec.frame(h.guid(), 1, 0, QueryStatus.request()));
            }
            if (step.finished()) {
                finish(step.outcome());
            } else {
                next = scheduler.schedule(Duration.ofMillis(Math.max(0, step.nextAtMillis() - now)), this::step);
            }
        }

        synchronized void reschedule(Duration delay) {
            if (!done) {
                if (next != null) {
                    next.cancel();
                }
                next = scheduler.schedule(delay, this::step);
            }
        }

        synchronized void stop() {
            if (!done) {
                if (next != null) {
                    next.cancel();
                }
                finish(DynamicQuery.Outcome.LEAF_STOPPED);
            }
        }

        private void finish(DynamicQuery.Outcome outcome) {
            done = true;
            running.remove(spec.header().guid(), this);
            log.debug("dynamic query {} over: {}, {} routed, about {} ultrapeers reached", spec.header().guid(),
                    outcome, query.routed(), query.hostsReached());
            trace.dynamicQueryDone(spec.header().guid(), outcome);
        }

        /** Open ultrapeer links other than the querying leaf, in this query's random order. */
        private List<QueryLink<Connection>> links() {
            List<Connection> open = new ArrayList<>();
            for (Connection c : connections.get()) {
                if (c.isUltrapeer() && c.isOpen() && c != spec.leaf()) {
                    rank.computeIfAbsent(c, k -> random.nextDouble());
                    open.add(c);
                }
            }
            open.sort(Comparator.comparingDouble(rank::get));
            List<QueryLink<Connection>> out = new ArrayList<>(open.size());
            for (Connection c : open) {
                out.add(new QueryLink<>(c, header(c, "X-Degree", DEGREE_WHEN_ABSENT),
                        header(c, "X-Max-TTL", MAX_TTL_WHEN_ABSENT),
                        routes.tableMatch(c, spec.keywords(), spec.urns())));
            }
            return out;
        }
    }

    private static int header(Connection c, String name, int absent) {
        try {
            return c.peerHeaders().get(name).map(v -> Integer.parseInt(v.trim())).filter(n -> n >= 1).orElse(absent);
        } catch (NumberFormatException e) {
            return absent;
        }
    }
}
