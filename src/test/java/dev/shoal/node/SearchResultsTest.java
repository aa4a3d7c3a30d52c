package dev.shoal.node;

import static dev.shoal.node.spam.HitSets.hit;
import static dev.shoal.node.spam.HitSets.urn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.library.FileNameAnalyzer;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SearchResult;
import dev.shoal.node.api.SpamReason;
import dev.shoal.node.rank.RankWeights;
import dev.shoal.node.rank.Ranker;
import dev.shoal.node.spam.HitSets;
import dev.shoal.node.spam.HostMemory;
import dev.shoal.node.spam.SpamFilter;
import dev.shoal.node.spam.SpamRules;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchResultsTest {
    private static final String OCEAN = urn("ocean");

    private final SearchResults results = new SearchResults(FileNameAnalyzer.words("ocean waves"),
            new SpamFilter(SpamRules.DEFAULT, new HostMemory(), Set::of), new Ranker(RankWeights.DEFAULT),
            urn -> urn.equals(urn("mine")), FileNameAnalyzer::words);

    @Test
    void hitsOfOneUrnAreOneFileWithOneSourcePerHost() {
        SearchHit first = hit("ocean-waves-30s.wav", 1_323_044, OCEAN, "127.0.0.1", 6346, "GTKG", false);
        results.add(first);
        results.add(hit("Ocean Waves.wav", 1_323_044, OCEAN.toLowerCase(), "127.0.0.2", 6346, "LIME", false));
        results.add(first);
        results.add(hit("ocean waves 2.wav", 1_323_044, "", "127.0.0.1", 6346, "GTKG", false));

        List<SearchResult> snapshot = results.snapshot();
        assertThat(snapshot).hasSize(2);
        SearchResult ocean = snapshot.stream().filter(r -> r.urn().equals(OCEAN)).findFirst().orElseThrow();
        assertThat(ocean.name()).isEqualTo("ocean-waves-30s.wav");
        assertThat(ocean.key()).isEqualTo(first.fileKey());
        assertThat(ocean.sourceCount()).isEqualTo(2);
        assertThat(ocean.score().knownVendors()).isEqualTo(2);
        assertThat(snapshot).filteredOn(r -> r.urn().isEmpty()).singleElement()
                .satisfies(r -> assertThat(r.downloadable()).isFalse());
    }

    @Test
    void aFileAlsoOfferedBySpammersKeepsOnlyItsHonestSources() {
        results.add(hit("ocean waves.ogg", 2_000_000, OCEAN, "127.0.0.1", 6346, "GTKG", false));
        HitSets.flood("ocean waves", "127.8.0.1", 200).forEach(results::add);
        results.add(hit("ocean waves.ogg", 2_000_000, OCEAN, "127.8.0.1", 6346, "BEAR", false));

        List<SearchResult> snapshot = results.snapshot();
        SearchResult ocean = snapshot.get(0);
        assertThat(ocean.urn()).isEqualTo(OCEAN);
        assertThat(ocean.hidden()).isFalse();
        assertThat(ocean.hits()).extracting(SearchHit::host).containsExactly("127.0.0.1");
        assertThat(snapshot.subList(1, snapshot.size())).hasSize(200).allSatisfy(r -> assertThat(r.spam())
                .extracting(SpamReason::kind).containsExactly(SpamReason.Kind.FLOODING_HOST));
    }

    @Test
    void onlyTheFirstHitsUpToTheLimitAreTakenIn() {
        for (int i = 0; i < SearchResults.MAX_HITS + 5; i++) {
            results.add(hit("ocean waves " + i + ".ogg", 2_000_000 + i, urn("file" + i), "127.0." + i / 100 + ".1", 6346,
                    "GTKG", false));
        }
        List<SearchResult> snapshot = results.snapshot();
        assertThat(snapshot).hasSize(SearchResults.MAX_HITS);
        assertThat(snapshot).noneMatch(r -> r.name().equals("ocean waves " + SearchResults.MAX_HITS + ".ogg"));
    }

    @Test
    void contentWeHoldIsMarkedVerified() {
        results.add(hit("ocean waves.ogg", 2_000_000, urn("mine"), "127.0.0.1", 6346, "GTKG", false));
        results.add(hit("ocean waves.flac", 9_000_000, OCEAN, "127.0.0.1", 6346, "GTKG", false));
        assertThat(results.snapshot()).extracting(r -> r.score().verified()).containsExactly(true, false);
    }
}
