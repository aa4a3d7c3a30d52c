package dev.shoal.node.rank;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Okapi BM25 over short documents (file names cut into words), with the statistics of one set of
 * names: a word rare in the set weighs more than a common one (IDF), a word repeated in a name
 * counts with diminishing returns ({@link #K1}), and a long name dilutes its matches ({@link #B}).
 * The constants and the IDF are Lucene's defaults, so names from other servents are scored the way
 * our own index scores ours. Immutable; build one per set of names.
 */
public final class Bm25 {
    /** Term-frequency saturation. */
    static final double K1 = 1.2;
    /** Length normalisation: 0 ignores length, 1 divides by it fully. */
    static final double B = 0.75;

    private final int documents;
    private final Map<String, Integer> documentFrequency;
    private final double averageLength;

    private Bm25(int documents, Map<String, Integer> documentFrequency, double averageLength) {
        this.documents = documents;
        this.documentFrequency = documentFrequency;
        this.averageLength = averageLength;
    }

    /** The statistics of a set of documents, each a list of words. */
    public static Bm25 over(Collection<List<String>> documents) {
        Map<String, Integer> df = new HashMap<>();
        long words = 0;
        for (List<String> doc : documents) {
            words += doc.size();
            for (String w : new HashSet<>(doc)) {
                df.merge(w, 1, Integer::sum);
            }
        }
        // An empty set (or only empty names) still scores: every name is then "average".
        double avg = documents.isEmpty() || words == 0 ? 1 : (double) words / documents.size();
        return new Bm25(documents.size(), df, avg);
    }

    /** Inverse document frequency: ln(1 + (N - n + 0.5) / (n + 0.5)), always positive. */
    public double idf(String term) {
        int n = documentFrequency.getOrDefault(term, 0);
        return Math.log(1 + (documents - n + 0.5) / (n + 0.5));
    }

    /** BM25 of the distinct words of {@code query} against {@code document}. */
    public double score(List<String> query, List<String> document) {
        Map<String, Integer> tf = new HashMap<>();
        for (String w : document) {
            tf.merge(w, 1, Integer::sum);
        }
        double norm = K1 * (1 - B + B * document.size() / averageLength);
        double sum = 0;
        for (String term : distinct(query)) {
            int f = tf.getOrDefault(term, 0);
            if (f > 0) {
                sum += idf(term) * f * (K1 + 1) / (f + norm);
            }
        }
        return sum;
    }

    /** The score of a name made of the query's words, each once, and nothing else. */
    public double ideal(List<String> query) {
        List<String> terms = List.copyOf(distinct(query));
        return score(terms, terms);
    }

    /**
     * The score relative to {@link #ideal}, from 0 (no word matches) to 1 (as good as a name made
     * of the query alone; a name repeating the words may score higher and is counted as 1).
     */
    public double relevance(List<String> query, List<String> document) {
        return relative(score(query, document), ideal(query));
    }

    /** {@code score} relative to {@code ideal} (the query's {@link #ideal}, worked out once for many names). */
    static double relative(double score, double ideal) {
        return ideal <= 0 ? 0 : Math.min(1, score / ideal);
    }

    private static Set<String> distinct(List<String> words) {
        return new java.util.LinkedHashSet<>(words);
    }
}
