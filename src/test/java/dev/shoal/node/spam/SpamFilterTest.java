package dev.shoal.node.spam;

import static dev.shoal.node.spam.HitSets.urn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.library.FileNameAnalyzer;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SpamReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The spam filter on recorded-style hit sets: every spam pattern is hidden with its reason, and on
 * the honest set nothing is (false positives: 0), alone and mixed with the spam.
 */
class SpamFilterTest {
    private static final String QUERY = "ocean waves";
    private static final String SPAMMER = "127.66.0.1";
    private static final String FLOODER = "127.8.0.1";

    private final HostMemory memory = new HostMemory();
    private Set<String> spamList = Set.of();
    private final SpamFilter filter = new SpamFilter(SpamRules.DEFAULT, memory, () -> spamList);

    /** One search: every hit observed as it arrives, then judged. */
    private SpamFilter.Verdicts search(String query, List<SearchHit> hits) {
        List<String> words = FileNameAnalyzer.words(query);
        hits.forEach(h -> filter.observe(words, h, FileNameAnalyzer.words(h.name())));
        return filter.judge(words, hits, FileNameAnalyzer::words);
    }

    private static List<SearchHit> hidden(SpamFilter.Verdicts v, List<SearchHit> hits) {
        return hits.stream().filter(h -> !v.file(h.fileKey()).isEmpty() || v.host(h.hostKey()).isPresent()).toList();
    }

    private static SpamReason.Kind kindFor(SpamFilter.Verdicts v, SearchHit h) {
        return v.file(h.fileKey()).isEmpty() ? v.host(h.hostKey()).orElseThrow().kind()
                : v.file(h.fileKey()).get(0).kind();
    }

    @Test
    void theHonestSetKeepsEveryResult() {
        List<SearchHit> honest = HitSets.honest(QUERY);
        SpamFilter.Verdicts v = search(QUERY, honest);
        assertThat(hidden(v, honest)).as("false positives among %d honest hits", honest.size()).isEmpty();
        assertThat(v.hosts()).isEmpty();
        assertThat(v.files()).isEmpty();
    }

    @Test
    void honestHostsAnsweringSeveralSearchesAreNotTakenForEchoers() {
        for (String q : List.of("ocean", "waves", "ocean waves", "ocean waves 30s", "enya")) {
            List<SearchHit> honest = HitSets.honest(QUERY).stream()
                    .filter(h -> FileNameAnalyzer.words(h.name()).containsAll(FileNameAnalyzer.words(q))).toList();
            assertThat(hidden(search(q, honest), honest)).as(q).isEmpty();
        }
    }

    @Test
    void aHostNamingAProgramAndAnArchiveAfterTheQueryWithOneSizeIsHidden() {
        List<SearchHit> spam = HitSets.echoingSpammer(QUERY, SPAMMER);
        SpamFilter.Verdicts v = search(QUERY, spam);
        assertThat(v.host(SPAMMER + ":6346")).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(SpamReason.Kind.ECHOES_QUERY);
            assertThat(r.detail()).isEqualTo("its host named 2 different files after your words, all of 3,145,728 bytes:"
                    + " ocean waves.mp3.exe, ocean waves full version.zip");
        });
        assertThat(v.file(spam.get(0).fileKey())).extracting(SpamReason::detail)
                .containsExactly("ocean waves.mp3.exe is a program (.exe) named like an audio file (.mp3)");
        assertThat(hidden(v, spam)).hasSameSizeAs(spam);
    }

    @Test
    void aHostEchoingEverySearchWithOneSizeIsCaughtByTheThirdSearch() {
        List<String> queries = List.of("blue whale song", "tide tables", "harbour lights");
        List<SpamFilter.Verdicts> verdicts = new ArrayList<>();
        for (String q : queries) {
            verdicts.add(search(q, HitSets.quietEchoer(q, SPAMMER)));
        }
        assertThat(verdicts.get(0).hosts()).isEmpty();
        assertThat(verdicts.get(1).hosts()).isEmpty();
        assertThat(verdicts.get(2).host(SPAMMER + ":6346")).map(SpamReason::detail)
                .hasValue("its host named files after 3 different searches, always of 734,003,200 bytes");
        // From then on, its first answer to a new search is hidden at once.
        assertThat(search("lighthouse", HitSets.quietEchoer("lighthouse", SPAMMER)).host(SPAMMER + ":6346")).isPresent();
    }

    @Test
    void oneContentUnderFortyUnrelatedNamesIsADecoy() {
        List<SearchHit> decoy = HitSets.decoyUnderManyNames(QUERY);
        SpamFilter.Verdicts v = search(QUERY, decoy);
        assertThat(v.file(decoy.get(0).fileKey())).extracting(SpamReason::kind, SpamReason::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SpamReason.Kind.MANY_NAMES,
                        "one file offered under 40 unrelated names"));
        assertThat(v.hosts()).as("the hosts themselves are not blamed").isEmpty();
    }

    @Test
    void aHostSendingHundredsOfNamesIsAFlooderAndIsRemembered() {
        List<SearchHit> flood = HitSets.flood(QUERY, FLOODER, 240);
        SpamFilter.Verdicts v = search(QUERY, flood);
        assertThat(v.host(FLOODER + ":6346")).map(SpamReason::detail)
                .hasValue("its host sent 240 different names for this one search");
        assertThat(hidden(v, flood)).hasSize(240);

        List<SearchHit> later = HitSets.flood("tide", FLOODER, 3);
        assertThat(search("tide", later).host(FLOODER + ":6346")).map(SpamReason::detail)
                .hasValue("its host sent hundreds of names for an earlier search");
    }

    @Test
    void aHundredAndFiftyNamesFromOneHostAreStillHonest() {
        List<SearchHit> big = HitSets.flood(QUERY, FLOODER, SpamRules.DEFAULT.floodNames());
        assertThat(search(QUERY, big).hosts()).isEmpty();
    }

    @Test
    void scriptsShortcutsAndImpossiblySmallMediaAreHidden() {
        List<SearchHit> traps = HitSets.traps(QUERY);
        SpamFilter.Verdicts v = search(QUERY, traps);
        assertThat(traps).extracting(h -> v.file(h.fileKey()).get(0).detail()).containsExactly(
                "ocean waves.vbs is a Windows script or shortcut (.vbs): it runs code when opened",
                "ocean waves.mp3.lnk is a program (.lnk) named like an audio file (.mp3)",
                "ocean waves screensaver.scr is a Windows script or shortcut (.scr): it runs code when opened",
                "2,048 bytes is too small for an audio file (.wma)",
                "20,480 bytes is too small for a video file (.avi)");
    }

    @Test
    void urnsOnTheSpamListAreHiddenWhateverTheirCase() {
        List<SearchHit> honest = HitSets.honest(QUERY);
        spamList = Set.of(urn("clip").toLowerCase(Locale.ROOT));
        SpamFilter.Verdicts v = search(QUERY, honest);
        assertThat(hidden(v, honest)).hasSize(9).allSatisfy(h -> assertThat(h.urn()).isEqualTo(urn("clip")));
        assertThat(v.file(urn("clip").toLowerCase(Locale.ROOT))).extracting(SpamReason::kind)
                .containsExactly(SpamReason.Kind.KNOWN_BAD_URN);
    }

    @Test
    void mixedTogetherEverySpamHitIsHiddenAndEveryHonestOneShown() {
        List<SearchHit> honest = HitSets.honest(QUERY);
        List<SearchHit> spam = Stream.of(HitSets.echoingSpammer(QUERY, SPAMMER), HitSets.decoyUnderManyNames(QUERY),
                HitSets.flood(QUERY, FLOODER, 240), HitSets.traps(QUERY)).flatMap(List::stream).toList();
        List<SearchHit> all = new ArrayList<>(honest);
        all.addAll(spam);
        SpamFilter.Verdicts v = search(QUERY, all);
        List<SearchHit> hidden = hidden(v, all);
        assertThat(hidden).as("spam caught").containsExactlyInAnyOrderElementsOf(spam);
        assertThat(honest).as("honest hits hidden").noneMatch(hidden::contains);
        assertThat(spam).extracting(h -> kindFor(v, h)).containsOnly(SpamReason.Kind.EXECUTABLE,
                SpamReason.Kind.ECHOES_QUERY, SpamReason.Kind.MANY_NAMES, SpamReason.Kind.FLOODING_HOST,
                SpamReason.Kind.IMPLAUSIBLE_SIZE);
    }

    @Test
    void echoingMeansTheQueryWordsInARowAndInOrder() {
        assertThat(SpamFilter.echoes(List.of("ocean", "waves"), List.of("ocean", "waves", "mp3", "exe"))).isTrue();
        assertThat(SpamFilter.echoes(List.of("ocean", "waves"), List.of("best", "ocean", "waves", "zip"))).isTrue();
        assertThat(SpamFilter.echoes(List.of("ocean", "waves"), List.of("waves", "of", "the", "ocean"))).isFalse();
        assertThat(SpamFilter.echoes(List.of(), List.of("ocean"))).isFalse();
        assertThat(SpamFilter.stem(List.of("enya", "ocean", "waves", "remastered", "mp3"), List.of("ocean", "waves")))
                .isEqualTo("enya remastered");
    }
}
