package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.Score;
import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leaf searching three real ultrapeers on loopback gets its results ranked: the name closest
 * to the words first, then more sources, then content it already holds, each reason in words.
 */
class SearchRankingTest {
    private static final String X = "x".repeat(10_000);

    @TempDir
    Path temp;

    @Test
    void resultsComeBestFirstWithTheirReasons() {
        try (TestNodes net = new TestNodes(temp)) {
            ServentNode up1 = net.ultrapeer("up1", 4, Map.of("ocean waves.ogg", X + "common",
                    "Ocean_Waves.ogg", X + "ours"));
            ServentNode up2 = net.ultrapeer("up2", 4, Map.of("ocean waves.ogg", X + "common",
                    "ocean-waves.ogg", X + "theirs"));
            ServentNode up3 = net.ultrapeer("up3", 4, Map.of("ocean waves.ogg", X + "common",
                    "ocean waves live at the pier bootleg.ogg", X + "bootleg"));
            // The searcher already shares the content up1 calls Ocean_Waves.ogg.
            ServentNode me = net.ultrapeer("me", 4, Map.of("my copy.ogg", X + "ours"));
            for (ServentNode up : List.of(up1, up2, up3)) {
                net.link(me, up);
            }
            try (Search s = me.search("ocean waves", 1, hit -> {
            })) {
                await().atMost(Duration.ofSeconds(10)).until(() -> s.results().size() == 4
                        && s.results().get(0).sourceCount() == 3);
                List<SearchResult> results = s.results();
                assertThat(results).extracting(SearchResult::name).containsExactly("ocean waves.ogg", "Ocean_Waves.ogg",
                        "ocean-waves.ogg", "ocean waves live at the pier bootleg.ogg");
                assertThat(results).extracting(r -> r.score().summary()).containsExactly(
                        "matches 2/2 words, 3 sources, direct peer, not firewalled",
                        "matches 2/2 words, 1 source, direct peer, not firewalled, you have this file",
                        "matches 2/2 words, 1 source, direct peer, not firewalled",
                        "matches 2/2 words, 1 source, direct peer, not firewalled");
                assertThat(results).extracting(SearchResult::score).extracting(Score::value)
                        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
                assertThat(results.get(3).score().relevance()).isLessThan(results.get(2).score().relevance());
                assertThat(results).noneMatch(SearchResult::hidden);
            }
        }
    }

    @Test
    void aSearchByHashScoresEveryAnswerAsTheFileAsked() throws Exception {
        try (TestNodes net = new TestNodes(temp)) {
            ServentNode up = net.ultrapeer("up", 4, Map.of("tide.ogg", X + "tide"));
            ServentNode me = net.leaf("me", 4);
            net.link(me, up);
            String urn = up.sharedFiles().get(0).urn();
            try (Search s = me.search(urn, 1, hit -> {
            })) {
                await().atMost(10, TimeUnit.SECONDS).until(() -> s.results().size() == 1);
                Score score = s.results().get(0).score();
                assertThat(score.relevance()).isEqualTo(1.0);
                assertThat(score.summary()).startsWith("found by hash, 1 source");
            }
        }
    }
}
