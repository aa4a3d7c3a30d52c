package dev.shoal.node;

import dev.shoal.library.Library;
import dev.shoal.library.SharedFile;
import dev.shoal.node.rank.Evidence;
import dev.shoal.node.rank.RankWeights;
import dev.shoal.node.rank.Ranker;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.PushProxy;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.Urn;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Answers a query from the local library: the index picks the files holding every word (at most
 * {@link #CANDIDATES}), the {@link Ranker} orders them by the same score our own searches use, and
 * the best {@link #MAX_ANSWERS} are cut into QueryHits of at most {@link QueryHit#MAX_RESULTS}
 * results each, so the first hit a peer reads holds our ten best files. A file's Tiger tree root
 * goes with its SHA-1 (see {@link QueryHit.Result#withTigerRoot}). While we
 * are {@linkplain Reach#firewalled() firewalled} our hits say "push needed" and list our push
 * proxies (GGEP {@code PUSH}).
 */
final class LocalResponder {
    static final int MAX_ANSWERS = 100;
    /**
     * Files the index hands over for ranking: more than we answer with, so that the names the
     * ranking prefers are among them even where Lucene's rounding of name lengths orders them
     * slightly otherwise.
     */
    static final int CANDIDATES = 2 * MAX_ANSWERS;
    /** Our own files: one source (us), no relay, verified (we hashed them), a known servent. */
    private static final Evidence OURS = new Evidence(1, 0, true, 1, 0);

    private final Supplier<Library> library;
    private final Guid serventId;
    private final Ranker ranker;
    private final BooleanSupplier browsable;
    private final Reach reach;

    /** Whether others can reach us, as our hits must say. */
    interface Reach {
        Reach OPEN = new Reach() {
            @Override
            public boolean firewalled() {
                return false;
            }

            @Override
            public List<InetSocketAddress> pushProxies() {
                return List.of();
            }
        };

        boolean firewalled();

        /** The ultrapeers that forward Pushes to us, at most {@link PushProxy#MAX_IN_HIT}. */
        List<InetSocketAddress> pushProxies();
    }

    LocalResponder(Supplier<Library> library, Guid serventId, Reach reach) {
        this(library, serventId, new Ranker(RankWeights.DEFAULT), () -> false, reach);
    }

    /** @param browsable whether our hits say that we can be browsed (GGEP {@code BH}) */
    LocalResponder(Supplier<Library> library, Guid serventId, BooleanSupplier browsable, Reach reach) {
        this(library, serventId, new Ranker(RankWeights.DEFAULT), browsable, reach);
    }

    LocalResponder(Supplier<Library> library, Guid serventId, Ranker ranker, BooleanSupplier browsable, Reach reach) {
        this.library = library;
        this.serventId = serventId;
        this.ranker = ranker;
        this.browsable = browsable;
        this.reach = reach;
    }

    /** {@code keywords} is {@code query.keywords()}, split once by the caller. */
    List<QueryHit> answer(Query query, List<String> keywords, InetSocketAddress advertised) {
        List<SharedFile> matches = matches(query, keywords);
        // Like gtk-gnutella: the bitprint in GGEP H for those who read it, else the root in TT.
        boolean readsGgepH = query.hasFlag(Query.FLAG_GGEP_H);
        List<QueryHit> hits = new ArrayList<>();
        // Firewalled, our hits say so and name the ultrapeers that forward a Push to us.
        List<InetSocketAddress> pushProxies = reach.firewalled() ? reach.pushProxies() : null;
        for (int from = 0; from < matches.size(); from += QueryHit.MAX_RESULTS) {
            List<QueryHit.Result> results = new ArrayList<>();
            for (SharedFile f : matches.subList(from, Math.min(matches.size(), from + QueryHit.MAX_RESULTS))) {
                QueryHit.Result r = QueryHit.Result.of(f.index(), f.size(), f.name(), f.urn());
                results.add(f.tigerRoot() == null ? r : r.withTigerRoot(f.tigerRoot(), readsGgepH));
            }
            hits.add(OwnHits.of(results, advertised, serventId, browsable.getAsBoolean(), pushProxies));
        }
        return hits;
    }

    private List<SharedFile> matches(Query query, List<String> keywords) {
        if (!query.urns().isEmpty()) {
            List<SharedFile> byHash = new ArrayList<>();
            for (Urn urn : query.urns()) {
                library.get().byUrn(urn).ifPresent(byHash::add);
            }
            return byHash;
        }
        if (keywords.isEmpty()) {
            return List.of();
        }
        return ranked(NameWords.ofQuery(query), library.get().search(query.text(), CANDIDATES));
    }

    /** Best first by {@link dev.shoal.node.api.Score}, at most {@link #MAX_ANSWERS}; equal scores by name, then index. */
    List<SharedFile> ranked(List<String> queryWords, List<SharedFile> candidates) {
        Comparator<SharedFile> tieBreak = Comparator.comparing(SharedFile::name).thenComparingLong(SharedFile::index);
        return ranker.rank(queryWords, candidates, f -> NameWords.of(f.name()), f -> OURS, tieBreak).stream()
                .limit(MAX_ANSWERS)
                .map(Ranker.Ranked::item)
                .toList();
    }
}
