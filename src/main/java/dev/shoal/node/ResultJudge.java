package dev.shoal.node;

import dev.shoal.library.Library;
import dev.shoal.node.api.SpamList;
import dev.shoal.node.rank.RankWeights;
import dev.shoal.node.rank.Ranker;
import dev.shoal.node.spam.BadUrnFile;
import dev.shoal.node.spam.HostMemory;
import dev.shoal.node.spam.SpamFilter;
import dev.shoal.node.spam.SpamRules;
import dev.shoal.protocol.Query;
import dev.shoal.protocol.Urn;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How the node judges the hits of its own searches: one spam list, one memory of hosts across
 * searches, one ranking. Each search gets its own {@link SearchResults} from here.
 */
final class ResultJudge {
    private final BadUrnFile spamList;
    private final SpamFilter filter;
    private final Ranker ranker = new Ranker(RankWeights.DEFAULT);
    private final Supplier<Library> library;
    private final Predicate<Urn> downloaded;

    /** @param downloaded whether a URN's content was downloaded and verified by this node */
    ResultJudge(Path dataDir, Supplier<Library> library, Predicate<Urn> downloaded) {
        this.spamList = new BadUrnFile(dataDir);
        this.filter = new SpamFilter(SpamRules.DEFAULT, new HostMemory(), spamList::urns);
        this.library = library;
        this.downloaded = downloaded;
    }

    SearchResults resultsFor(Query query) {
        return new SearchResults(NameWords.ofQuery(query), filter, ranker, this::holds, NameWords::of);
    }

    /**
     * The results of a browse: one host listing everything it has is what was asked, so the rule
     * against hosts flooding a search with names is left out; the rules about files still hold.
     */
    SearchResults resultsForBrowse() {
        SpamRules r = SpamRules.DEFAULT;
        SpamRules oneHost = new SpamRules(Integer.MAX_VALUE, r.manyNames(), r.echoQueries(), r.minAudioBytes(),
                r.minVideoBytes());
        return new SearchResults(List.of(), new SpamFilter(oneHost, new HostMemory(), spamList::urns), ranker,
                this::holds, NameWords::of);
    }

    /** Whether we already hold this content: shared, or downloaded and verified. */
    private boolean holds(String urn) {
        if (!Urn.looksLikeSha1(urn)) {
            return false;
        }
        Urn u = Urn.parse(urn);
        return library.get().byUrn(u).isPresent() || downloaded.test(u);
    }

    SpamList spamList() {
        return spamList;
    }
}
