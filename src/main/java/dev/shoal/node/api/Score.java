package dev.shoal.node.api;

import java.util.ArrayList;
import java.util.List;

/**
 * How good a search result looks to the node, and the facts that made it so. Results are ordered
 * by {@link #value()}, highest first; {@link #reasons()} explains it in words. The weights that turn
 * the facts into the value live in one place in the node ({@code dev.shoal.node.rank.RankWeights}).
 *
 * @param value 0 to 100: the weighted sum of the factors
 * @param wordsMatched distinct words of the query found in the file name
 * @param wordsAsked distinct words of the query; 0 when the search was for a hash (any hit is the file)
 * @param relevance 0 to 1: BM25 of the query against the file name, relative to a name made of the
 *     query words alone (1 when searching by hash)
 * @param sources hosts offering the file
 * @param hops the fewest relays between us and one of them (0 = a direct peer)
 * @param verified we already hold this exact content (shared, or downloaded and checked)
 * @param knownVendors sources whose servent is a known one ({@link Vendors#isKnown})
 * @param firewalled sources that cannot accept connections (reached by Push, often slower)
 */
public record Score(double value, int wordsMatched, int wordsAsked, double relevance, int sources, int hops,
        boolean verified, int knownVendors, int firewalled) implements Comparable<Score> {

    /** By value, then relevance, as numbers sort: lower first (a table sorted descending shows the best on top). */
    @Override
    public int compareTo(Score o) {
        int byValue = Double.compare(value, o.value);
        return byValue != 0 ? byValue : Double.compare(relevance, o.relevance);
    }

    /** The value as shown: a whole number from 0 to 100. */
    public int points() {
        return (int) Math.round(value);
    }

    /** The facts in words, most telling first: "matches 2/2 words", "5 sources", "1 hop", "not firewalled". */
    public List<String> reasons() {
        List<String> out = new ArrayList<>();
        out.add(wordsAsked == 0 ? "found by hash" : "matches " + wordsMatched + "/" + wordsAsked + " words");
        out.add(sources + (sources == 1 ? " source" : " sources"));
        out.add(hops == 0 ? "direct peer" : hops + (hops == 1 ? " hop" : " hops"));
        if (firewalled == 0) {
            out.add("not firewalled");
        } else {
            out.add(firewalled == sources ? (sources == 1 ? "firewalled" : "all firewalled")
                    : firewalled + " of " + sources + " firewalled");
        }
        if (verified) {
            out.add("you have this file");
        }
        if (knownVendors == 0) {
            out.add("no known servent");
        }
        return out;
    }

    /** {@link #reasons()} on one line. */
    public String summary() {
        return String.join(", ", reasons());
    }
}
