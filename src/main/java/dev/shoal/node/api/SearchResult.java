package dev.shoal.node.api;

import java.util.List;

/**
 * One file found by a search, as the node judges it: the hosts offering it, its {@link Score},
 * and why it is hidden when it looks like spam or a fake.
 *
 * @param key stable within the search: {@link SearchHit#fileKey()}
 * @param name the name the first host gave; others may name the same bytes differently
 * @param hits one per host offering it ({@link SearchHit#hostKey()}); hosts the node distrusts are
 *     left out while any other host offers the file
 * @param spam why it is hidden, most serious first; empty when it is shown
 */
public record SearchResult(String key, String urn, String name, long size, List<SearchHit> hits, Score score,
        List<SpamReason> spam) {

    public SearchResult {
        hits = List.copyOf(hits);
        spam = List.copyOf(spam);
    }

    public boolean hidden() {
        return !spam.isEmpty();
    }

    public int sourceCount() {
        return hits.size();
    }

    /** Only files named by a hash can be downloaded: the swarm needs it to verify what arrives. */
    public boolean downloadable() {
        return !urn.isEmpty();
    }

    public List<DownloadSource> sources() {
        return hits.stream().map(DownloadSource::of).toList();
    }

    /** The fewest relays any host's hit crossed: 0 is a direct peer. */
    public int hops() {
        return hits.stream().mapToInt(SearchHit::hops).min().orElse(0);
    }

    /** How many hosts said they cannot accept connections. */
    public int firewalledCount() {
        return (int) hits.stream().filter(SearchHit::firewalled).count();
    }
}
