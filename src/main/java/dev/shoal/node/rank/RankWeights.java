package dev.shoal.node.rank;

import dev.shoal.node.api.Score;

/**
 * The one place where a result's facts become its {@link Score}. Each factor is a number from 0 to
 * 1, multiplied by its weight; the default weights add up to 100, so a score reads as points out of
 * 100. Relevance weighs most: a file that is not what was asked for is no use however many hosts
 * have it. Sources come next, as every servent sorts by them: many hosts means a real, popular,
 * fast file; a second source is worth more than our having verified the content. Nearness, a
 * content we already verified, a known servent and reachable hosts each add a little.
 *
 * @param relevance times BM25 of the query against the name, relative to the query itself
 * @param sources times {@link #sourcesFactor}: log-scaled, full at {@link #SOURCES_FOR_FULL_MARKS}
 * @param hops times {@link #hopsFactor}: 1 for a direct peer, halving with the first relay
 * @param verified when we already hold the content (shared, or downloaded and checked)
 * @param vendor times the share of sources whose servent is a known one
 * @param reachable times the share of sources that accept connections (not firewalled)
 */
public record RankWeights(double relevance, double sources, double hops, double verified, double vendor,
        double reachable) {
    public static final RankWeights DEFAULT = new RankWeights(45, 25, 10, 5, 5, 10);
    /** More hosts than this add nothing. */
    public static final int SOURCES_FOR_FULL_MARKS = 16;

    /** 0 for none, log-scaled to 1 at {@link #SOURCES_FOR_FULL_MARKS} and beyond. */
    static double sourcesFactor(int sources) {
        if (sources <= 0) {
            return 0;
        }
        return Math.min(1, Math.log1p(sources) / Math.log1p(SOURCES_FOR_FULL_MARKS));
    }

    /** 1 for a direct peer, 1/2 for one relay, 1/3 for two... */
    static double hopsFactor(int hops) {
        return 1.0 / (1 + Math.max(0, hops));
    }

    static double share(int part, int whole) {
        return whole <= 0 ? 0 : (double) part / whole;
    }

    /** The score of a file whose name matched {@code wordsMatched} of {@code wordsAsked} words with this relevance. */
    public Score score(int wordsMatched, int wordsAsked, double relevance, Evidence e) {
        double value = this.relevance * relevance
                + sources * sourcesFactor(e.sources())
                + hops * hopsFactor(e.hops())
                + (e.verified() ? verified : 0)
                + vendor * share(e.knownVendors(), e.sources())
                + reachable * share(e.sources() - e.firewalled(), e.sources());
        return new Score(value, wordsMatched, wordsAsked, relevance, e.sources(), e.hops(), e.verified(),
                e.knownVendors(), e.firewalled());
    }
}
