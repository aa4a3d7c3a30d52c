package dev.shoal.node;

import dev.shoal.library.Library;
import dev.shoal.library.SharedFile;
import dev.shoal.protocol.Ggep;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.Urn;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Answers a query from the local library: best matches first, at most {@link #MAX_ANSWERS} per
 * query, cut into QueryHits of at most {@link QueryHit#MAX_RESULTS} results each.
 */
final class LocalResponder {
    static final int MAX_ANSWERS = 100;
    static final String VENDOR = "SHOL";
    /** Nominal upload speed in kbit/s; servents only use it to sort hits. */
    private static final long SPEED = 10_000;

    private final Supplier<Library> library;
    private final Guid serventId;

    LocalResponder(Supplier<Library> library, Guid serventId) {
        this.library = library;
        this.serventId = serventId;
    }

    /** {@code keywords} is {@code query.keywords()}, split once by the caller. */
    List<QueryHit> answer(Query query, List<String> keywords, InetSocketAddress advertised) {
        List<SharedFile> matches = matches(query, keywords);
        List<QueryHit> hits = new ArrayList<>();
        for (int from = 0; from < matches.size(); from += QueryHit.MAX_RESULTS) {
            List<QueryHit.Result> results = new ArrayList<>();
            for (SharedFile f : matches.subList(from, Math.min(matches.size(), from + QueryHit.MAX_RESULTS))) {
                results.add(QueryHit.Result.of(f.index(), f.size(), f.name(), f.urn()));
            }
            hits.add(new QueryHit(advertised, SPEED, results, VENDOR,
                    QueryHit.Flags.of(false, false, false, false, false), Ggep.EMPTY, new byte[0], serventId));
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
        return library.get().search(query.text(), MAX_ANSWERS);
    }
}
