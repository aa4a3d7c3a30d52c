package dev.shoal.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides, step by step, where an ultrapeer sends one query (its own or a leaf's) instead of
 * flooding it: first its own matching leaves, then a probe to a few links with a low TTL, then one
 * unused link at a time with a TTL chosen from the results so far and that link's degree, waiting
 * between steps for hits to come back, until there are enough results, the estimated horizon or the
 * time limit is reached, the leaf says stop, or no link is left. Pure: it sends nothing and reads no
 * clock; the caller performs each {@link QueryStep} and calls {@link #next} again at
 * {@link QueryStep#nextAtMillis()}, reporting hits and leaf status in between.
 *
 * <p>A link gets the query at most once: a second copy with the same GUID would be dropped as a
 * duplicate by the peer. Hosts are counted in ultrapeers; each stands for itself and its leaves.
 * Not thread-safe.
 */
public final class DynamicQuery<C> {
    /** BEAR/12's "I have enough, stop". */
    public static final int LEAF_STOP = 0xFFFF;
    /** Fewer links than this whose tables match make a file rare nearby: the probe then widens. */
    static final int MATCHING_LINKS_FOR_A_COMMON_FILE = 3;

    /** Whether the query goes on, or why it stopped. */
    public enum Outcome { RUNNING, ENOUGH_RESULTS, LEAF_SATISFIED, LEAF_STOPPED, HORIZON, TIME_LIMIT, NO_LINKS_LEFT }

    private enum Phase { LEAVES, PROBE, WIDEN, DONE }

    private final DynamicQueryConfig config;
    private final int target;
    private final int hops;
    private final boolean leafGuided;
    private final long startMillis;
    private final Set<C> used = new HashSet<>();
    private Phase phase = Phase.LEAVES;
    private Outcome outcome = Outcome.RUNNING;
    private long nextAt;
    private long perHopWait;
    private long hostsReached;
    private int routed;
    private int leafKept;
    private boolean leafStopped;

    /**
     * @param hashQuery  a query by hash: {@link DynamicQueryConfig#hashTarget()} results are enough
     * @param hops       hops the query already made (0 for our own, 1 for a leaf's): every copy
     *                   keeps them, so a link's {@code X-Max-TTL} leaves that much less TTL
     * @param leafGuided a leaf's query that asked for guidance (flag 0x1000): its reports count
     */
    public DynamicQuery(DynamicQueryConfig config, boolean hashQuery, int hops, boolean leafGuided, long startMillis) {
        if (hops < 0) {
            throw new IllegalArgumentException("hops must not be negative: " + hops);
        }
        this.config = config;
        this.target = hashQuery ? config.hashTarget() : config.target();
        this.hops = hops;
        this.leafGuided = leafGuided;
        this.startMillis = startMillis;
        this.nextAt = startMillis;
        this.perHopWait = config.perHopWait();
    }

    /** Hits for this query that we passed on to the querier (or got, for our own query). */
    public void resultsRouted(int count) {
        routed += count;
    }

    /** A BEAR/12 from the leaf: the results it kept so far, or {@link #LEAF_STOP}. */
    public void leafReported(int kept) {
        if (kept == LEAF_STOP) {
            leafStopped = true;
        } else if (kept > leafKept) {
            leafKept = kept;
        }
    }

    public int target() {
        return target;
    }

    public int routed() {
        return routed;
    }

    /** Ultrapeers the copies sent so far could reach, by the degree estimate. */
    public long hostsReached() {
        return hostsReached;
    }

    public Outcome outcome() {
        return outcome;
    }

    /**
     * The next step. {@code links} are the ultrapeer links usable now (open and stable), in the
     * order to try them; {@code matchingLeaves} is how many of our leaves' tables match.
     */
    public QueryStep<C> next(List<QueryLink<C>> links, int matchingLeaves, long nowMillis) {
        if (phase == Phase.DONE) {
            return done();
        }
        Outcome stop = stopReason(nowMillis);
        if (stop != Outcome.RUNNING) {
            return finish(stop);
        }
        if (nowMillis < nextAt) {
            return new QueryStep<>(List.of(), false, false, nextAt, Outcome.RUNNING);
        }
        if (phase == Phase.LEAVES) {
            phase = Phase.PROBE;
            hostsReached += 1;
            if (matchingLeaves > 0) {
                nextAt = nowMillis + perHopWait;
                return new QueryStep<>(List.of(), true, false, nextAt, Outcome.RUNNING);
            }
            return probe(links, true, nowMillis);
        }
        if (phase == Phase.PROBE) {
            return probe(links, false, nowMillis);
        }
        return widen(links, nowMillis);
    }

    private Outcome stopReason(long now) {
        if (leafStopped) {
            return Outcome.LEAF_STOPPED;
        }
        if (leafGuided && leafKept >= target) {
            return Outcome.LEAF_SATISFIED;
        }
        if (routed >= (leafGuided ? Math.min(target, config.routedCapForLeaf()) : target)) {
            return Outcome.ENOUGH_RESULTS;
        }
        if (hostsReached > config.horizonCap()) {
            return Outcome.HORIZON;
        }
        if (now - startMillis >= config.timeLimit()) {
            return Outcome.TIME_LIMIT;
        }
        return Outcome.RUNNING;
    }

    /**
     * TTL 1 to a few links whose tables match: cheap, and enough for a popular file. When fewer than
     * three match, the file is rare nearby, so three other links (those without a table first) also
     * get TTL 2.
     */
    private QueryStep<C> probe(List<QueryLink<C>> links, boolean toLeaves, long now) {
        phase = Phase.WIDEN;
        List<QueryStep.Send<C>> sends = new ArrayList<>();
        for (QueryLink<C> l : links) {
            if (sends.size() < config.probeHitLinks() && l.table() == QueryLink.TableMatch.HIT && fits(l, 1)) {
                sends.add(send(l, 1));
            }
        }
        int wide = 0;
        if (sends.size() < MATCHING_LINKS_FOR_A_COMMON_FILE) {
            for (QueryLink.TableMatch kind : List.of(QueryLink.TableMatch.NONE, QueryLink.TableMatch.MISS,
                    QueryLink.TableMatch.HIT)) {
                for (QueryLink<C> l : links) {
                    if (wide < config.probeWideLinks() && l.table() == kind && !used.contains(l.connection())) {
                        sends.add(send(l, Math.min(2, ttlCap(l))));
                        wide++;
                    }
                }
            }
        }
        if (sends.isEmpty()) {
            return finish(Outcome.NO_LINKS_LEFT);
        }
        nextAt = now + (wide > 0 ? 2 : 1) * perHopWait;
        return new QueryStep<>(sends, toLeaves, false, nextAt, Outcome.RUNNING);
    }

    /**
     * One unused link. The results per ultrapeer reached so far give the ultrapeers still needed;
     * shared over the links left, that gives this link's share, and the TTL is the smallest whose
     * reach (counting {@code leafFactor} hosts per ultrapeer, a bias toward low TTLs, since the
     * horizon grows so fast) covers it.
     */
    private QueryStep<C> widen(List<QueryLink<C>> links, long now) {
        QueryLink<C> link = null;
        int unused = 0;
        for (QueryLink<C> l : links) {
            if (!used.contains(l.connection())) {
                unused++;
                if (link == null) {
                    link = l;
                }
            }
        }
        if (link == null) {
            return finish(Outcome.NO_LINKS_LEFT);
        }
        int found = leafGuided && leafKept > 0 ? leafKept : routed;
        double needed = found == 0 ? config.hostsWhenNoResults()
                : (target - found) / ((double) found / hostsReached);
        int share = unused > config.sparedLinks() ? unused - config.sparedLinks() : unused;
        int ttl = chooseTtl(needed / share, link.degree(), ttlCap(link));
        if (ttl == 1 && link.table() == QueryLink.TableMatch.MISS && ttlCap(link) >= 2) {
            ttl = 2;
        }
        if (now - startMillis >= config.speedUpAfter()) {
            perHopWait = Math.max(config.minPerHopWait(), perHopWait * 3 / 4);
        }
        QueryStep.Send<C> s = send(link, ttl);
        nextAt = now + ttl * perHopWait;
        return new QueryStep<>(List.of(s), false, leafGuided, nextAt, Outcome.RUNNING);
    }

    /** The smallest TTL in 1..cap whose reach, {@code leafFactor} hosts per ultrapeer, covers {@code hosts}. */
    int chooseTtl(double hosts, int degree, int cap) {
        for (int t = 1; t < cap; t++) {
            if ((double) config.leafFactor() * newHosts(degree, t) >= hosts) {
                return t;
            }
        }
        return cap;
    }

    /** Ultrapeers a copy with TTL {@code ttl} to a peer of degree {@code degree} reaches: Σ (d−1)^k, k < ttl. */
    public static long newHosts(int degree, int ttl) {
        long branch = Math.max(1, degree - 1);
        long sum = 0;
        long term = 1;
        for (int k = 0; k < ttl; k++) {
            sum += term;
            term = Math.min(term * branch, Long.MAX_VALUE / (branch + 1));
        }
        return sum;
    }

    private boolean fits(QueryLink<C> l, int ttl) {
        return !used.contains(l.connection()) && ttlCap(l) >= ttl;
    }

    private int ttlCap(QueryLink<C> l) {
        return Math.max(1, Math.min(config.maxTtl(), l.maxTtl() - hops));
    }

    private QueryStep.Send<C> send(QueryLink<C> l, int ttl) {
        used.add(l.connection());
        hostsReached += newHosts(Math.max(2, l.degree()), ttl);
        return new QueryStep.Send<>(l.connection(), ttl);
    }

    private QueryStep<C> finish(Outcome why) {
        phase = Phase.DONE;
        outcome = why;
        return done();
    }

    private QueryStep<C> done() {
        return new QueryStep<>(List.of(), false, false, nextAt, outcome);
    }
}
