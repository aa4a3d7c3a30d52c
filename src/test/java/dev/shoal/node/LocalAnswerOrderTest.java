package dev.shoal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.RawPeer;
import dev.shoal.library.FileNameAnalyzer;
import dev.shoal.node.rank.Bm25;
import dev.shoal.protocol.Frame;
import dev.shoal.protocol.Guid;
import dev.shoal.protocol.MessageCodec;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.QueryHit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a peer receives when it asks a node sharing more matching files than it answers with: the
 * best hundred by the node's ranking, best first, so the first QueryHit holds the ten best names.
 */
class LocalAnswerOrderTest {
    @TempDir
    Path temp;

    @Test
    void theBestHundredGoOutBestFirstInHitsOfTen() throws Exception {
        Map<String, String> files = new HashMap<>();
        for (int i = 1; i <= 20; i++) {
            files.put(String.format(Locale.ROOT, "tide chart %02d.txt", i), "short " + i);
        }
        for (int i = 1; i <= 40; i++) {
            files.put(String.format(Locale.ROOT, "tide chart harbour north %02d.txt", i), "middle " + i);
        }
        for (int i = 1; i <= 60; i++) {
            files.put(String.format(Locale.ROOT, "tide chart for the outer harbour north side %02d.txt", i), "long " + i);
        }
        // Names that repeat a word: worth more to an index whose names are long on average (Lucene's
        // statistics cover every shared file), less among the short names that match (ours).
        for (int i = 1; i <= 10; i++) {
            files.put(String.format(Locale.ROOT, "tide tide chart harbour north %02d.txt", i), "repeat " + i);
        }
        for (int i = 1; i <= 150; i++) {
            files.put(String.format(Locale.ROOT, "a long unrelated name for the index to average over number %03d"
                    + " with many more words than any chart.txt", i), "filler " + i);
        }
        try (TestNodes net = new TestNodes(temp)) {
            ServentNode node = net.ultrapeer("node", 4, files);
            try (RawPeer peer = RawPeer.connectAsUltrapeer(node.listenAddress())) {
                Guid guid = Guid.random();
                peer.sendFrame(MessageCodec.frame(guid, 1, 0, Query.keywords("tide chart")));
                List<QueryHit> hits = readHits(peer, guid, 10);

                assertThat(hits).allSatisfy(h -> assertThat(h.results()).hasSize(QueryHit.MAX_RESULTS));
                List<String> names = hits.stream().flatMap(h -> h.results().stream()).map(QueryHit.Result::name).toList();
                assertThat(names).hasSize(LocalResponder.MAX_ANSWERS).doesNotHaveDuplicates();
                assertThat(hits.get(0).results()).extracting(QueryHit.Result::name).containsExactly(
                        "tide chart 01.txt", "tide chart 02.txt", "tide chart 03.txt", "tide chart 04.txt",
                        "tide chart 05.txt", "tide chart 06.txt", "tide chart 07.txt", "tide chart 08.txt",
                        "tide chart 09.txt", "tide chart 10.txt");
                assertThat(names.subList(20, 70)).allMatch(n -> n.contains("tide chart harbour north"));
                assertThat(names.subList(70, 100)).allMatch(n -> n.startsWith("tide chart for the outer"));
                // Best first by the same BM25 the node ranks its own searches with.
                List<List<String>> words = names.stream().map(FileNameAnalyzer::words).toList();
                Bm25 bm25 = Bm25.over(words);
                List<String> query = FileNameAnalyzer.words("tide chart");
                List<Double> relevance = words.stream().map(w -> bm25.relevance(query, w)).toList();
                assertThat(relevance).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            }
        }
    }

    /** Reads frames until {@code count} QueryHits answering {@code guid} arrived (the node also sends pings, QRP...). */
    private static List<QueryHit> readHits(RawPeer peer, Guid guid, int count) throws Exception {
        List<QueryHit> hits = new ArrayList<>();
        while (hits.size() < count) {
            Frame f = peer.readFrame();
            if (f.header().guid().equals(guid) && MessageCodec.decode(f) instanceof QueryHit hit) {
                hits.add(hit);
            }
        }
        return hits;
    }
}
