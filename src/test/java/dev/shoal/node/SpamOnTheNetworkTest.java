package dev.shoal.node;

import static dev.shoal.node.spam.HitSets.urn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.node.api.Search;
import dev.shoal.node.api.SearchResult;
import dev.shoal.node.api.SpamReason;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.QueryHit;
import dev.shoal.protocol.Urn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node searching a loopback network where honest servents and spam servents answer: the
 * spam is hidden with its reason, every honest file stays shown, and a URN marked as spam (or
 * written into the list file by hand) is hidden at the next look.
 */
class SpamOnTheNetworkTest {
    private static final String WAV = "x".repeat(20_000);

    @TempDir
    Path temp;

    @Test
    void spamIsHiddenWithItsReasonAndHonestFilesStay() throws Exception {
        try (TestNodes net = new TestNodes(temp)) {
            ServentNode searcher = net.ultrapeer("searcher", 4, Map.of());
            ServentNode honestA = net.ultrapeer("honestA", 4, Map.of("Ocean Waves 30s.wav", WAV,
                    "ocean waves lyrics.txt", "The waves come in"));
            ServentNode honestB = net.ultrapeer("honestB", 4, Map.of("Ocean Waves 30s.wav", WAV,
                    "Enya - Ocean Waves.mp3", "y".repeat(30_000)));
            net.link(searcher, honestA);
            net.link(searcher, honestB);
            Guid spammerId = Guid.random();
            Guid flooderId = Guid.random();
            try (SpammingPeer echoer = new SpammingPeer(searcher.listenAddress(), q -> SpammingPeer.echoes(q, spammerId));
                    SpammingPeer decoys = new SpammingPeer(searcher.listenAddress(), SpamOnTheNetworkTest::decoy);
                    SpammingPeer flooder = new SpammingPeer(searcher.listenAddress(), q -> flood(q.text(), flooderId))) {
                await().atMost(Duration.ofSeconds(10)).until(() -> searcher.peers().size() == 5);

                Search s = searcher.search("ocean waves", 4, hit -> {
                });
                // 3 honest files, 2 from the echoing spammer, 1 decoy under 40 names, 240 from the flood.
                await().atMost(Duration.ofSeconds(20)).until(() -> s.results().size() == 246
                        && s.results().stream().anyMatch(r -> r.sourceCount() == 2));
                List<SearchResult> results = s.results();

                List<SearchResult> shown = results.stream().filter(r -> !r.hidden()).toList();
                assertThat(shown).extracting(SearchResult::name).containsExactlyInAnyOrder("Ocean Waves 30s.wav",
                        "ocean waves lyrics.txt", "Enya - Ocean Waves.mp3");
                assertThat(results.subList(0, 3)).as("the shown files rank above the spam").allMatch(r -> !r.hidden());
                assertThat(kinds(results, "ocean waves.mp3.exe")).containsExactly(SpamReason.Kind.EXECUTABLE,
                        SpamReason.Kind.ECHOES_QUERY);
                assertThat(kinds(results, "ocean waves full version.zip")).containsExactly(SpamReason.Kind.ECHOES_QUERY);
                assertThat(results.stream().filter(r -> r.urn().equals(urn("decoy"))).findFirst().orElseThrow().spam())
                        .extracting(SpamReason::detail).containsExactly("one file offered under 40 unrelated names");
                assertThat(results.stream().filter(r -> r.name().contains(" track "))).hasSize(240)
                        .allSatisfy(r -> assertThat(r.spam()).extracting(SpamReason::kind)
                                .containsExactly(SpamReason.Kind.FLOODING_HOST));
                s.close();
            }
        }
    }

    @Test
    void aUrnMarkedAsSpamOrListedByHandIsHiddenAtTheNextLook() throws Exception {
        try (TestNodes net = new TestNodes(temp)) {
            ServentNode searcher = net.leaf("searcher", 4);
            ServentNode honest = net.ultrapeer("honest", 4, Map.of("tide chart.txt", "high water at noon",
                    "tide tables 2025.txt", "low water at six"));
            net.link(searcher, honest);
            try (Search s = searcher.search("tide", 2, hit -> {
            })) {
                await().atMost(Duration.ofSeconds(10)).until(() -> s.results().size() == 2);
                SearchResult chart = byName(s.results(), "tide chart.txt");
                assertThat(chart.hidden()).isFalse();

                searcher.spamList().add(chart.urn(), chart.name());
                assertThat(byName(s.results(), "tide chart.txt").spam()).extracting(SpamReason::detail)
                        .containsExactly("on your spam list");
                assertThat(Files.readString(searcher.spamList().file())).contains(chart.urn() + "  # tide chart.txt");

                SearchResult tables = byName(s.results(), "tide tables 2025.txt");
                Path file = searcher.spamList().file();
                Files.writeString(file, "# edited by hand\n" + tables.urn().toLowerCase(Locale.ROOT) + "\n");
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(
                        java.time.Instant.now().plusSeconds(5)));
                assertThat(byName(s.results(), "tide tables 2025.txt").hidden()).isTrue();
                assertThat(byName(s.results(), "tide chart.txt").hidden()).as("no longer listed").isFalse();
            }
        }
    }

    private static SearchResult byName(List<SearchResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<SpamReason.Kind> kinds(List<SearchResult> results, String name) {
        return byName(results, name).spam().stream().map(SpamReason::kind).toList();
    }

    private static QueryHit.Result result(long index, long size, String name, String label) {
        return QueryHit.Result.of(index, size, name, Urn.parse(urn(label)));
    }

    /** One decoy content under forty names, from twelve hosts. */
    private static List<QueryHit> decoy(dev.shoal.protocol.Query q) {
        List<QueryHit> hits = new ArrayList<>();
        List<dev.shoal.node.api.SearchHit> names = dev.shoal.node.spam.HitSets.decoyUnderManyNames(q.text());
        for (int i = 0; i < names.size(); i++) {
            hits.add(SpammingPeer.hit("127.0.9." + (i % 12 + 1), "LIME",
                    List.of(result(i + 1, names.get(i).size(), names.get(i).name(), "decoy")), Guid.random()));
        }
        return hits;
    }

    /** 240 names in hits of ten, whatever was asked. */
    private static List<QueryHit> flood(String text, Guid serventId) {
        List<QueryHit> hits = new ArrayList<>();
        List<QueryHit.Result> batch = new ArrayList<>();
        for (int i = 1; i <= 240; i++) {
            batch.add(result(i, 3_000_000 + 7_919L * i, String.format(Locale.ROOT, "%s track %03d.mp3", text, i),
                    "flood" + i));
            if (batch.size() == QueryHit.MAX_RESULTS) {
                hits.add(SpammingPeer.hit("127.0.8.1", "BEAR", batch, serventId));
                batch = new ArrayList<>();
            }
        }
        return hits;
    }

}
