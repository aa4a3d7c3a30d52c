package dev.shoal.node.spam;

import dev.shoal.node.api.FileKind;
import dev.shoal.node.api.SearchHit;
import dev.shoal.node.api.SpamReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Spots the hit patterns that fill real Gnutella networks, in the hits of one search: programs
 * dressed as media, sizes no such file has, URNs on the user's spam list (verdicts on a file), and
 * hosts that name files after whatever is searched or flood a search with hundreds of names
 * (verdicts on a host, whose every hit is then distrusted). A file offered under many unrelated
 * names is a decoy. The thresholds are {@link SpamRules}.
 *
 * <p>Words come in already cut (as the library's index cuts them). What only shows across searches
 * is kept in a {@link HostMemory} shared by the node's searches: {@link #observe} feeds it.
 */
public final class SpamFilter {
    private final SpamRules rules;
    private final HostMemory memory;
    private final Supplier<Set<String>> badUrns;

    /** @param badUrns the user's spam list, lower-case, read afresh at each {@link #judge} */
    public SpamFilter(SpamRules rules, HostMemory memory, Supplier<Set<String>> badUrns) {
        this.rules = rules;
        this.memory = memory;
        this.badUrns = badUrns;
    }

    /** The filter's verdicts on one search: by {@link SearchHit#hostKey()} and {@link SearchHit#fileKey()}. */
    public record Verdicts(Map<String, SpamReason> hosts, Map<String, List<SpamReason>> files) {
        public Optional<SpamReason> host(String hostKey) {
            return Optional.ofNullable(hosts.get(hostKey));
        }

        /** Most serious first; empty when nothing is wrong with the file itself. */
        public List<SpamReason> file(String fileKey) {
            return files.getOrDefault(fileKey, List.of());
        }
    }

    /**
     * Remembers a hit of a keyword search whose name is made of the query's words, for the pattern
     * of a host that does so for every search. Call once per hit as it arrives.
     */
    public void observe(List<String> queryWords, SearchHit hit, List<String> nameWords) {
        List<String> query = distinct(queryWords);
        if (echoes(query, nameWords)) {
            memory.echoed(hit.hostKey(), hit.size(), String.join(" ", query), String.join(" ", nameWords));
        }
    }

    /** Judges every hit of one search so far. */
    public Verdicts judge(List<String> queryWords, List<SearchHit> hits, Function<String, List<String>> words) {
        List<String> query = distinct(queryWords);
        Set<String> bad = badUrns.get();
        Map<String, Set<String>> namesByHost = new LinkedHashMap<>();
        Map<String, Map<Long, Map<String, String>>> echoesByHost = new LinkedHashMap<>();
        Map<String, Set<String>> namesByUrn = new HashMap<>();
        Map<String, Set<SpamReason>> files = new HashMap<>();
        for (SearchHit hit : hits) {
            List<String> name = words.apply(hit.name());
            namesByHost.computeIfAbsent(hit.hostKey(), h -> new LinkedHashSet<>()).add(hit.name());
            Set<SpamReason> found = files.computeIfAbsent(hit.fileKey(), k -> new LinkedHashSet<>());
            if (!hit.urn().isEmpty() && bad.contains(hit.urn().toLowerCase(Locale.ROOT))) {
                found.add(new SpamReason(SpamReason.Kind.KNOWN_BAD_URN, "on your spam list"));
            }
            FileChecks.executable(hit.name()).ifPresent(found::add);
            FileChecks.implausibleSize(hit.name(), hit.size(), rules).ifPresent(found::add);
            if (echoes(query, name)) {
                echoesByHost.computeIfAbsent(hit.hostKey(), h -> new LinkedHashMap<>())
                        .computeIfAbsent(hit.size(), s -> new LinkedHashMap<>())
                        .putIfAbsent(FileKind.extension(hit.name()), hit.name());
            }
            if (!hit.urn().isEmpty()) {
                namesByUrn.computeIfAbsent(hit.fileKey(), k -> new LinkedHashSet<>()).add(stem(name, query));
            }
        }
        for (Map.Entry<String, Set<String>> e : namesByUrn.entrySet()) {
            if (e.getValue().size() >= rules.manyNames()) {
                files.get(e.getKey()).add(new SpamReason(SpamReason.Kind.MANY_NAMES,
                        "one file offered under " + e.getValue().size() + " unrelated names"));
            }
        }
        Map<String, SpamReason> hosts = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> e : namesByHost.entrySet()) {
            hostVerdict(e.getKey(), e.getValue().size(), echoesByHost.getOrDefault(e.getKey(), Map.of()))
                    .ifPresent(r -> hosts.put(e.getKey(), r));
        }
        Map<String, List<SpamReason>> fileVerdicts = new HashMap<>();
        files.forEach((key, reasons) -> {
            if (!reasons.isEmpty()) {
                fileVerdicts.put(key, mostSeriousFirst(reasons));
            }
        });
        return new Verdicts(hosts, fileVerdicts);
    }

    private Optional<SpamReason> hostVerdict(String host, int names, Map<Long, Map<String, String>> echoesBySize) {
        if (names > rules.floodNames()) {
            memory.flooded(host);
            return Optional.of(new SpamReason(SpamReason.Kind.FLOODING_HOST,
                    "its host sent " + names + " different names for this one search"));
        }
        if (memory.isFlooder(host)) {
            return Optional.of(new SpamReason(SpamReason.Kind.FLOODING_HOST,
                    "its host sent hundreds of names for an earlier search"));
        }
        for (Map.Entry<Long, Map<String, String>> e : echoesBySize.entrySet()) {
            // Files of different kinds with the very same size are one payload under made-up names.
            if (e.getValue().size() >= 2) {
                return Optional.of(new SpamReason(SpamReason.Kind.ECHOES_QUERY, "its host named "
                        + e.getValue().size() + " different files after your words, all of " + bytes(e.getKey())
                        + ": " + String.join(", ", e.getValue().values())));
            }
        }
        HostMemory.Echo echo = memory.echo(host);
        if (echo.searches() >= rules.echoQueries()) {
            return Optional.of(new SpamReason(SpamReason.Kind.ECHOES_QUERY, "its host named files after "
                    + echo.searches() + " different searches, always of " + bytes(echo.size())));
        }
        return Optional.empty();
    }

    /**
     * True when the name holds the query's words one after the other, in order: what a host
     * making up names from the query produces ({@code ocean waves full version.zip}).
     */
    static boolean echoes(List<String> query, List<String> name) {
        if (query.isEmpty() || name.size() < query.size()) {
            return false;
        }
        for (int start = 0; start + query.size() <= name.size(); start++) {
            if (name.subList(start, start + query.size()).equals(query)) {
                return true;
            }
        }
        return false;
    }

    /** The words of a name that say what it is beyond the query and its extensions, in a canonical order. */
    static String stem(List<String> name, List<String> query) {
        Set<String> rest = new TreeSet<>(name);
        rest.removeAll(query);
        rest.removeIf(w -> FileKind.ofExtension(w) != FileKind.OTHER);
        return String.join(" ", rest);
    }

    private static List<SpamReason> mostSeriousFirst(Set<SpamReason> reasons) {
        List<SpamReason> out = new ArrayList<>();
        Set<SpamReason.Kind> seen = new LinkedHashSet<>();
        reasons.stream().sorted(Comparator.comparing(SpamReason::kind)).forEach(r -> {
            if (seen.add(r.kind())) {
                out.add(r);
            }
        });
        return out;
    }

    static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d bytes", n);
    }

    private static List<String> distinct(List<String> words) {
        return List.copyOf(new LinkedHashSet<>(words));
    }
}
