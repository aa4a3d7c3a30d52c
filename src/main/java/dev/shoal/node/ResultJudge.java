package dev.shoal.node;

import dev.shoal.node.api.SpamList;
import dev.shoal.node.rank.RankWeights;
import dev.shoal.node.rank.Ranker;
import dev.shoal.node.spam.BadUrnFile;
import dev.shoal.node.spam.HostMemory;
import dev.shoal.node.spam.SpamFilter;
import dev.shoal.node.spam.SpamRules;
import dev.shoal.protocol.Query;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * How the node judges the hits of its own searches: one spam list, one memory of hosts across
 * searches, one ranking. Each search gets its own {@link SearchResults} from here.
 */
final class ResultJudge {
    private final BadUrnFile spamList;
    private final SpamFilter filter;
    private final Ranker ranker = new Ranker(RankWeights.DEFAULT);
    private final Predicate<String> verified;

    /** @param verified whether we already hold a URN's content (shared, or downloaded and checked) */
    ResultJudge(Path dataDir, Predicate<String> verified) {
        this.spamList = new BadUrnFile(dataDir);
        this.filter = new SpamFilter(SpamRules.DEFAULT, new HostMemory(), spamList::urns);
        this.verified = verified;
    }

    SearchResults resultsFor(Query query) {
        return new SearchResults(NameWords.ofQuery(query), filter, ranker, verified, NameWords::of);
    }

    SpamList spamList() {
        return spamList;
    }
}
