package dev.shoal.node;

import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SearchResult;
import dev.shoal.node.api.SpamReason;
import dev.shoal.node.api.Vendors;
import dev.shoal.node.rank.Evidence;
import dev.shoal.node.rank.Ranker;
import dev.shoal.node.spam.SpamFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One of our searches as the user sees it: its hits grouped by file (one per host), judged by the
 * spam filter and ranked, computed afresh for each {@link #snapshot()} so that later hits, and
 * edits to the spam list, count for earlier ones. Hits arrive on node threads, which only queue
 * them (a connection's messages must not wait for a ranking); snapshots, taken on any thread, take
 * them in.
 */
final class SearchResults {
    /** Hits taken per search; later ones still reach the listener but not the results. */
    static final int MAX_HITS = 10_000;

    private final List<String> queryWords;
    private final SpamFilter filter;
    private final Ranker ranker;
    private final Predicate<String> verified;
    private final Function<String, List<String>> analyzer;
    private final Map<String, Map<String, SearchHit>> byFile = new LinkedHashMap<>();
    /** What the spam filter sees: every name each host gave each file (a decoy's host gives many). */
    private final List<SearchHit> hits = new ArrayList<>();
    private final Set<List<String>> seen = new HashSet<>();
    private final Map<String, List<String>> wordsByName = new HashMap<>();
    private final Queue<SearchHit> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicInteger taken = new AtomicInteger();

    /**
     * @param queryWords the query cut as the index cuts names; empty for a search by hash
     * @param verified whether we already hold a URN's content
     * @param words how the index cuts a name into words
     */
    SearchResults(List<String> queryWords, SpamFilter filter, Ranker ranker, Predicate<String> verified,
            Function<String, List<String>> words) {
        this.queryWords = List.copyOf(queryWords);
        this.filter = filter;
        this.ranker = ranker;
        this.verified = verified;
        this.analyzer = words;
    }

    /** Any thread, at once: queues a hit for the next snapshot. */
    void add(SearchHit hit) {
        if (taken.incrementAndGet() <= MAX_HITS) {
            arrived.add(hit);
        }
    }

    /** Every file found so far: those shown best first, then the hidden ones (best first too) with their reasons. */
    synchronized List<SearchResult> snapshot() {
        for (SearchHit hit = arrived.poll(); hit != null; hit = arrived.poll()) {
            takeIn(hit);
        }
        SpamFilter.Verdicts verdicts = filter.judge(queryWords, hits, this::words);
        List<Judged> files = new ArrayList<>(byFile.size());
        for (Map.Entry<String, Map<String, SearchHit>> e : byFile.entrySet()) {
            files.add(judged(e.getKey(), List.copyOf(e.getValue().values()), verdicts));
        }
        Comparator<Judged> byName = Comparator.comparing((Judged j) -> j.first().name().toLowerCase(Locale.ROOT))
                .thenComparing(Judged::key);
        return ranker.rank(queryWords, files, j -> words(j.first().name()), this::evidence, byName).stream()
                .map(r -> new SearchResult(r.item().key(), r.item().first().urn(), r.item().first().name(),
                        r.item().first().size(), r.item().shown(), r.score(), r.item().spam()))
                .sorted(Comparator.comparing(SearchResult::hidden))
                .toList();
    }

    /** One host offering the same file twice is one source; each name it gives counts for the filter. */
    private void takeIn(SearchHit hit) {
        if (!seen.add(List.of(hit.fileKey(), hit.hostKey(), hit.name()))) {
            return;
        }
        byFile.computeIfAbsent(hit.fileKey(), k -> new LinkedHashMap<>()).putIfAbsent(hit.hostKey(), hit);
        hits.add(hit);
        filter.observe(queryWords, hit, words(hit.name()));
    }

    /** A file with the hosts we trust for it (or all of them, when none is trusted) and what is wrong with it. */
    private record Judged(String key, SearchHit first, List<SearchHit> shown, List<SpamReason> spam) {
    }

    private static Judged judged(String key, List<SearchHit> all, SpamFilter.Verdicts verdicts) {
        List<SearchHit> trusted = all.stream().filter(h -> verdicts.host(h.hostKey()).isEmpty()).toList();
        List<SpamReason> spam = new ArrayList<>(verdicts.file(key));
        if (trusted.isEmpty()) {
            Set<SpamReason> hostReasons = new LinkedHashSet<>();
            all.forEach(h -> verdicts.host(h.hostKey()).ifPresent(hostReasons::add));
            spam.addAll(hostReasons);
        }
        return new Judged(key, all.get(0), trusted.isEmpty() ? all : trusted, spam);
    }

    private Evidence evidence(Judged j) {
        List<SearchHit> shown = j.shown();
        int known = (int) shown.stream().filter(h -> Vendors.isKnown(h.vendor())).count();
        int firewalled = (int) shown.stream().filter(SearchHit::firewalled).count();
        int hops = shown.stream().mapToInt(SearchHit::hops).min().orElse(0);
        boolean ours = !j.first().urn().isEmpty() && verified.test(j.first().urn());
        return new Evidence(shown.size(), hops, ours, known, firewalled);
    }

    private List<String> words(String name) {
        return wordsByName.computeIfAbsent(name, analyzer);
    }
}
