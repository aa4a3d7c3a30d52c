package dev.shoal.ui;

import dev.shoal.node.api.DownloadSource;
import dev.shoal.node.api.SearchHit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One file in a search's results: every hit with the same URN, one source per host. Hits without
 * a URN cannot be told apart from other files safely, so each name and size stays its own row
 * and cannot be downloaded (the swarm needs the hash to verify).
 */
final class ResultGroup {
    private final String key;
    private final String urn;
    private final String name;
    private final long size;
    private final Map<String, SearchHit> byHost = new LinkedHashMap<>();

    private ResultGroup(String key, SearchHit first) {
        this.key = key;
        this.urn = first.urn();
        this.name = first.name();
        this.size = first.size();
    }

    static String keyOf(SearchHit hit) {
        return hit.urn().isEmpty() ? "name:" + hit.name() + "|" + hit.size() : hit.urn().toLowerCase(java.util.Locale.ROOT);
    }

    static ResultGroup startedBy(SearchHit hit) {
        ResultGroup g = new ResultGroup(keyOf(hit), hit);
        g.add(hit);
        return g;
    }

    /**
     * Returns true when the hit came from a host not seen for this file yet. Firewalled hosts are
     * told apart by servent id: many of them share the same private address.
     */
    boolean add(SearchHit hit) {
        String host = hit.firewalled() ? "push:" + hit.serventId() : hit.host() + ":" + hit.port();
        return byHost.putIfAbsent(host, hit) == null;
    }

    String key() {
        return key;
    }

    String urn() {
        return urn;
    }

    /** The name the first host gave; others may name the same bytes differently. */
    String name() {
        return name;
    }

    long size() {
        return size;
    }

    String kind() {
        return Format.kind(name);
    }

    int sourceCount() {
        return byHost.size();
    }

    boolean downloadable() {
        return !urn.isEmpty();
    }

    /** The fewest relays any host's hit crossed: 0 is a direct peer. */
    int hops() {
        return byHost.values().stream().mapToInt(SearchHit::hops).min().orElse(0);
    }

    /** The servents offering it, by name, most common first. */
    String vendors() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SearchHit h : byHost.values()) {
            counts.merge(Format.vendor(h.vendor()), 1, Integer::sum);
        }
        return String.join(", ", counts.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .sorted((a, b) -> b.getValue() - a.getValue()).map(Map.Entry::getKey).toList());
    }

    /** How many hosts said they cannot accept connections (they are reached by Push, often slower). */
    int firewalledCount() {
        return (int) byHost.values().stream().filter(SearchHit::firewalled).count();
    }

    List<SearchHit> hits() {
        return new ArrayList<>(byHost.values());
    }

    List<DownloadSource> sources() {
        return byHost.values().stream().map(DownloadSource::of).toList();
    }
}
