package dev.shoal.node.rank;

import dev.shoal.node.api.Score;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Orders files by {@link Score}, best first: the hits of our own searches and the files we answer
 * other servents' queries with alike. Relevance is BM25 with the statistics of the files being
 * ranked together. Words come in already cut (as the library's index cuts them), so this class
 * knows nothing of how.
 */
public final class Ranker {
    private final RankWeights weights;

    public Ranker(RankWeights weights) {
        this.weights = weights;
    }

    /** One file and its score. */
    public record Ranked<T>(T item, Score score) {
    }

    /**
     * Scores every candidate and sorts them best first; equal scores keep the order {@code tieBreak}
     * gives, so the result never depends on arrival order.
     *
     * @param queryWords the query as words; empty for a search by hash, where every candidate is the file asked for
     */
    public <T> List<Ranked<T>> rank(List<String> queryWords, List<T> candidates, Function<T, List<String>> nameWords,
            Function<T, Evidence> evidence, Comparator<T> tieBreak) {
        List<String> query = List.copyOf(new LinkedHashSet<>(queryWords));
        List<List<String>> names = candidates.stream().map(nameWords).toList();
        Bm25 bm25 = Bm25.over(names);
        double ideal = bm25.ideal(query);
        List<Ranked<T>> out = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            T c = candidates.get(i);
            List<String> name = names.get(i);
            Score s = query.isEmpty()
                    ? weights.score(0, 0, 1, evidence.apply(c))
                    : weights.score(matched(query, name), query.size(), Bm25.relative(bm25.score(query, name), ideal),
                            evidence.apply(c));
            out.add(new Ranked<>(c, s));
        }
        Comparator<Ranked<T>> best = Comparator.comparing((Ranked<T> r) -> r.score()).reversed();
        out.sort(best.thenComparing(Ranked::item, tieBreak));
        return out;
    }

    private static int matched(List<String> query, List<String> name) {
        Set<String> words = new HashSet<>(name);
        return (int) query.stream().filter(words::contains).count();
    }
}
