package dev.shoal.node.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.library.FileNameAnalyzer;
import dev.shoal.node.api.Score;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankerTest {
    private final Ranker ranker = new Ranker(RankWeights.DEFAULT);

    private record File(String name, Evidence evidence) {
    }

    private List<Ranker.Ranked<File>> rank(String query, List<File> files) {
        return ranker.rank(FileNameAnalyzer.words(query), files, f -> FileNameAnalyzer.words(f.name()), File::evidence,
                Comparator.comparing(File::name));
    }

    @Test
    void theClosestNameComesFirstWhenAllElseIsEqual() {
        Evidence one = new Evidence(1, 1, false, 1, 0);
        List<File> files = List.of(new File("Ocean Waves - Live at the Pier (bootleg).mp3", one),
                new File("ocean.mp3", one), new File("Ocean_Waves.mp3", one), new File("waves.mp3", one));
        assertThat(rank("ocean waves", files)).extracting(r -> r.item().name()).containsExactly(
                "Ocean_Waves.mp3", "Ocean Waves - Live at the Pier (bootleg).mp3", "ocean.mp3", "waves.mp3");
        assertThat(rank("ocean waves", files).get(0).score().summary()).startsWith("matches 2/2 words, 1 source, 1 hop");
        assertThat(rank("ocean waves", files).get(2).score().wordsMatched()).isEqualTo(1);
    }

    @Test
    void manySourcesLiftAFileAboveAnEquallyNamedRare() {
        List<File> files = List.of(new File("sea shanty a.ogg", new Evidence(1, 1, true, 1, 0)),
                new File("sea shanty b.ogg", new Evidence(9, 1, false, 9, 0)));
        assertThat(rank("sea shanty", files)).extracting(r -> r.item().name())
                .containsExactly("sea shanty b.ogg", "sea shanty a.ogg");
    }

    @Test
    void equalScoresFollowTheTieBreakNotTheArrivalOrder() {
        Evidence e = new Evidence(2, 0, false, 2, 0);
        List<File> files = List.of(new File("b tide.txt", e), new File("a tide.txt", e));
        assertThat(rank("tide", files)).extracting(r -> r.item().name()).containsExactly("a tide.txt", "b tide.txt");
    }

    @Test
    void aHashSearchCountsEveryNameAsFullyRelevant() {
        List<Ranker.Ranked<File>> ranked = ranker.rank(List.of(), List.of(new File("whatever.bin",
                new Evidence(1, 0, false, 1, 0))), f -> FileNameAnalyzer.words(f.name()), File::evidence,
                Comparator.comparing(File::name));
        Score s = ranked.get(0).score();
        assertThat(s.relevance()).isEqualTo(1.0);
        assertThat(s.wordsAsked()).isZero();
        assertThat(s.reasons()).first().isEqualTo("found by hash");
    }

    @Test
    void wordsAreMatchedAsTheIndexCutsThem() {
        Map<String, Integer> matched = Map.of("Café_Récif.txt", 2, "cafe.txt", 1);
        for (var e : matched.entrySet()) {
            Score s = rank("cafe recif", List.of(new File(e.getKey(), new Evidence(1, 0, false, 0, 0)))).get(0).score();
            assertThat(s.wordsMatched()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(s.wordsAsked()).isEqualTo(2);
        }
    }
}
