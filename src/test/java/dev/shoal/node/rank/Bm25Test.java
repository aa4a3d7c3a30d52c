package dev.shoal.node.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** BM25 against figures worked out by hand (k1 = 1.2, b = 0.75, Lucene's IDF). */
class Bm25Test {
    private static final List<String> WAVES = List.of("ocean", "waves", "wav");
    private static final List<String> OCEAN = List.of("ocean", "wav");
    private static final List<String> SONG = List.of("song", "wav");
    private static final List<String> LONG_WAVES = List.of("ocean", "waves", "30s", "wav");
    private static final Bm25 NAMES = Bm25.over(List.of(WAVES, OCEAN, SONG, LONG_WAVES));
    private static final List<String> QUERY = List.of("ocean", "waves");

    @Test
    void idfIsLogOfOnePlusTheOddsAgainstTheWord() {
        // 4 names: "ocean" in 3, "waves" in 2, "song" in 1, "sea" in none.
        assertThat(NAMES.idf("ocean")).isCloseTo(Math.log(1 + 1.5 / 3.5), within(1e-12)).isCloseTo(0.356675, within(1e-6));
        assertThat(NAMES.idf("waves")).isCloseTo(Math.log(2), within(1e-12));
        assertThat(NAMES.idf("song")).isCloseTo(1.203973, within(1e-6));
        assertThat(NAMES.idf("sea")).isGreaterThan(NAMES.idf("song"));
    }

    @Test
    void scoresMatchTheWorkedExample() {
        // Average length 2.75: "ocean waves wav" (3 words) scores (0.356675 + 0.693147) * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 3 / 2.75)).
        assertThat(NAMES.score(QUERY, WAVES)).isCloseTo(1.012179, within(1e-6));
        assertThat(NAMES.score(QUERY, OCEAN)).isCloseTo(0.401467, within(1e-6));
        assertThat(NAMES.score(QUERY, LONG_WAVES)).isCloseTo(0.885216, within(1e-6));
        assertThat(NAMES.score(QUERY, SONG)).isZero();
        assertThat(NAMES.ideal(QUERY)).isCloseTo(1.181660, within(1e-6));
    }

    @Test
    void aShorterNameWithEveryWordBeatsALongerOne() {
        assertThat(NAMES.score(QUERY, WAVES)).isGreaterThan(NAMES.score(QUERY, LONG_WAVES));
    }

    @Test
    void aRareWordWeighsMoreThanACommonOne() {
        List<String> query = List.of("ocean", "song");
        assertThat(NAMES.score(query, SONG)).isGreaterThan(NAMES.score(query, OCEAN));
    }

    @Test
    void aRepeatedWordCountsWithDiminishingReturns() {
        Bm25 bm25 = Bm25.over(List.of(List.of("a", "b"), List.of("a", "a"), List.of("c", "d")));
        double once = bm25.score(List.of("a"), List.of("a", "b"));
        double twice = bm25.score(List.of("a"), List.of("a", "a"));
        assertThat(twice).isGreaterThan(once).isLessThan(2 * once);
    }

    @Test
    void repeatingAWordOfTheQueryDoesNotCountTwice() {
        assertThat(NAMES.score(List.of("ocean", "ocean", "waves"), WAVES)).isEqualTo(NAMES.score(QUERY, WAVES));
    }

    @Test
    void relevanceIsTheScoreAgainstTheQueryItselfCappedAtOne() {
        assertThat(NAMES.relevance(QUERY, QUERY)).isEqualTo(1.0);
        assertThat(NAMES.relevance(QUERY, WAVES)).isCloseTo(1.012179 / 1.181660, within(1e-6));
        assertThat(NAMES.relevance(QUERY, SONG)).isZero();
        assertThat(NAMES.relevance(QUERY, List.of("ocean", "ocean", "waves", "waves"))).isEqualTo(1.0);
        assertThat(NAMES.relevance(List.of(), WAVES)).isZero();
    }

    @Test
    void anEmptySetOfNamesStillScores() {
        Bm25 none = Bm25.over(List.of());
        assertThat(none.relevance(QUERY, WAVES)).isBetween(0.0, 1.0).isPositive();
        Bm25 blank = Bm25.over(List.of(List.of()));
        assertThat(blank.score(QUERY, List.of())).isZero();
    }
}
