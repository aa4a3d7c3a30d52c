package dev.shoal.node.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.shoal.node.api.Score;
import org.junit.jupiter.api.Test;

/** One test per factor of the score: changing that fact alone moves the value by its weight times its factor. */
class RankWeightsTest {
    private static final RankWeights W = RankWeights.DEFAULT;
    /** One firewalled source, two relays away, unknown servent, not ours. */
    private static final Evidence PLAIN = new Evidence(1, 2, false, 0, 1);

    private static double value(double relevance, Evidence e) {
        return W.score(1, 2, relevance, e).value();
    }

    @Test
    void theWeightsAddUpToAHundredSoAScoreReadsAsPoints() {
        assertThat(W.relevance() + W.sources() + W.hops() + W.verified() + W.vendor() + W.reachable()).isEqualTo(100);
        Score best = W.score(2, 2, 1, new Evidence(RankWeights.SOURCES_FOR_FULL_MARKS, 0, true, 16, 0));
        assertThat(best.value()).isCloseTo(100, within(1e-9));
        assertThat(best.points()).isEqualTo(100);
        assertThat(value(0, PLAIN)).isLessThan(20);
    }

    @Test
    void relevance() {
        assertThat(value(1, PLAIN) - value(0, PLAIN)).isCloseTo(W.relevance(), within(1e-9));
        assertThat(value(0.5, PLAIN) - value(0, PLAIN)).isCloseTo(W.relevance() / 2, within(1e-9));
    }

    @Test
    void sourcesCountLogarithmicallyUpToSixteen() {
        assertThat(RankWeights.sourcesFactor(0)).isZero();
        assertThat(RankWeights.sourcesFactor(1)).isCloseTo(Math.log(2) / Math.log(17), within(1e-12));
        assertThat(RankWeights.sourcesFactor(3)).isCloseTo(0.4893, within(1e-4));
        assertThat(RankWeights.sourcesFactor(16)).isEqualTo(1.0);
        assertThat(RankWeights.sourcesFactor(500)).isEqualTo(1.0);
        Evidence three = new Evidence(3, 2, false, 0, 3);
        assertThat(value(0, three) - value(0, PLAIN)).isCloseTo(W.sources() * (0.489301 - 0.244651),
                within(1e-3));
    }

    @Test
    void hopsHalveWithTheFirstRelay() {
        assertThat(RankWeights.hopsFactor(0)).isEqualTo(1.0);
        assertThat(RankWeights.hopsFactor(1)).isEqualTo(0.5);
        assertThat(RankWeights.hopsFactor(3)).isEqualTo(0.25);
        Evidence direct = new Evidence(1, 0, false, 0, 1);
        assertThat(value(0, direct) - value(0, PLAIN)).isCloseTo(W.hops() * (1 - 1.0 / 3), within(1e-9));
    }

    @Test
    void contentWeAlreadyVerified() {
        Evidence ours = new Evidence(1, 2, true, 0, 1);
        assertThat(value(0, ours) - value(0, PLAIN)).isCloseTo(W.verified(), within(1e-9));
    }

    @Test
    void knownServentsByTheirShareOfTheSources() {
        Evidence allKnown = new Evidence(2, 2, false, 2, 2);
        Evidence halfKnown = new Evidence(2, 2, false, 1, 2);
        Evidence noneKnown = new Evidence(2, 2, false, 0, 2);
        assertThat(value(0, allKnown) - value(0, noneKnown)).isCloseTo(W.vendor(), within(1e-9));
        assertThat(value(0, halfKnown) - value(0, noneKnown)).isCloseTo(W.vendor() / 2, within(1e-9));
    }

    @Test
    void reachableHostsByTheirShareOfTheSources() {
        Evidence open = new Evidence(4, 2, false, 0, 0);
        Evidence quarter = new Evidence(4, 2, false, 0, 3);
        Evidence walled = new Evidence(4, 2, false, 0, 4);
        assertThat(value(0, open) - value(0, walled)).isCloseTo(W.reachable(), within(1e-9));
        assertThat(value(0, quarter) - value(0, walled)).isCloseTo(W.reachable() / 4, within(1e-9));
    }

    @Test
    void theScoreCarriesTheFactsItWasMadeOf() {
        Score s = W.score(2, 3, 0.8, new Evidence(5, 1, true, 4, 2));
        assertThat(s).extracting(Score::wordsMatched, Score::wordsAsked, Score::relevance, Score::sources, Score::hops,
                Score::verified, Score::knownVendors, Score::firewalled).containsExactly(2, 3, 0.8, 5, 1, true, 4, 2);
        assertThat(s.summary()).isEqualTo("matches 2/3 words, 5 sources, 1 hop, 2 of 5 firewalled, you have this file");
    }

    @Test
    void evidenceMustBeConsistent() {
        assertThatThrownBy(() -> new Evidence(0, 0, false, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Evidence(1, 0, false, 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Evidence(1, 0, false, 0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
