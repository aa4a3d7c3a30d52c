package dev.shoal.library;

import dev.shoal.protocol.TigerRoot;
import dev.shoal.protocol.Urn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The shared files in memory, by path, by index number and by urn, so look-ups on every
 * upload request and query never reach Lucene. The Lucene index is the durable copy.
 *
 * <p>One writer thread (the library worker) calls {@link #put}, {@link #remove} and
 * {@link #indexFor}; readers on any thread may run between the maps' updates, so removal takes
 * the file out of the search filter ({@code byPath}) last.
 */
final class Catalog {
    private final Map<Path, SharedFile> byPath = new ConcurrentHashMap<>();
    private final Map<Long, SharedFile> byIndex = new ConcurrentHashMap<>();
    /** Several paths may hold the same content; lists are immutable and replaced whole. */
    private final Map<Urn, List<SharedFile>> byUrn = new ConcurrentHashMap<>();
    private final AtomicLong totalBytes = new AtomicLong();
    /** Bumped after each change; the keyword cache is valid only for the version it was built at. */
    private final AtomicLong version = new AtomicLong();
    private volatile Keywords keywords = new Keywords(-1, Set.of());
    private long nextIndex = 1;

    private record Keywords(long version, Set<String> words) {
    }

    void put(SharedFile file) {
        SharedFile old = byPath.put(file.path(), file);
        if (old != null) {
            unlink(old);
        }
        byIndex.put(file.index(), file);
        byUrn.merge(file.urn(), List.of(file), (a, b) -> {
            List<SharedFile> merged = new ArrayList<>(a);
            merged.addAll(b);
            return List.copyOf(merged);
        });
        totalBytes.addAndGet(file.size());
        nextIndex = Math.max(nextIndex, file.index() + 1);
        version.incrementAndGet();
    }

    /**
     * Forgets a file. Searches are filtered through {@code byPath}, so it goes last: once a search
     * no longer shows the file, no look-up by index or urn finds it either.
     */
    Optional<SharedFile> remove(Path path) {
        SharedFile old = byPath.get(path);
        if (old == null) {
            return Optional.empty();
        }
        unlink(old);
        byPath.remove(path, old);
        version.incrementAndGet();
        return Optional.of(old);
    }

    private void unlink(SharedFile old) {
        byIndex.remove(old.index(), old);
        byUrn.computeIfPresent(old.urn(), (urn, list) -> {
            List<SharedFile> rest = list.stream().filter(f -> !f.path().equals(old.path())).toList();
            return rest.isEmpty() ? null : rest;
        });
        totalBytes.addAndGet(-old.size());
    }

    /**
     * The index number for {@code path}: the one it already has, else a fresh one. Numbers are
     * never handed out twice while the library runs; after a restart a number freed at the very
     * top may come back, so uploads must check the name as well as the number.
     */
    long indexFor(Path path) {
        SharedFile existing = byPath.get(path);
        if (existing != null) {
            return existing.index();
        }
        return nextIndex++;
    }

    Optional<SharedFile> byPath(Path path) {
        return Optional.ofNullable(byPath.get(path));
    }

    Optional<SharedFile> byIndex(long index) {
        return Optional.ofNullable(byIndex.get(index));
    }

    List<SharedFile> byUrn(Urn urn) {
        return byUrn.getOrDefault(urn, List.of());
    }

    /** Paths equal to {@code dir} or below it. */
    List<Path> pathsUnder(Path dir) {
        return byPath.keySet().stream().filter(p -> p.startsWith(dir)).toList();
    }

    Set<Path> paths() {
        return Set.copyOf(byPath.keySet());
    }

    List<SharedFile> all() {
        return byPath.values().stream().sorted(Comparator.comparingLong(SharedFile::index)).toList();
    }

    int size() {
        return byPath.size();
    }

    /** The Tiger roots of the shared contents that have one. */
    Set<TigerRoot> tigerRoots() {
        Set<TigerRoot> roots = new HashSet<>();
        for (SharedFile f : byPath.values()) {
            if (f.tigerRoot() != null) {
                roots.add(f.tigerRoot());
            }
        }
        return roots;
    }

    long totalBytes() {
        return totalBytes.get();
    }

    /** Distinct tokens of all names, cached until the next change. */
    Set<String> keywords(Function<String, List<String>> tokenizer) {
        Keywords cached = keywords;
        long now = version.get();
        if (cached.version() == now) {
            return cached.words();
        }
        Set<String> words = new HashSet<>();
        for (SharedFile file : byPath.values()) {
            words.addAll(tokenizer.apply(file.name()));
        }
        Set<String> result = Set.copyOf(words);
        keywords = new Keywords(now, result);
        return result;
    }
}
