package dev.shoal.library;

import dev.shoal.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what looks private ({@link PrivateFiles}) out of the share, and remembers what it left out
 * and what the user chose to share anyway. Both lists are plain text in the data folder, one path a
 * line: {@value #LIST_FILE} is rewritten after each scan for the user to read, and
 * {@value #ANYWAY_FILE} is the user's (the app adds to it; anyone may edit it).
 *
 * <p>Threads: the walker and the indexer's worker record and replace; any thread reads.
 */
final class PrivateGuard {
    static final String LIST_FILE = "left-out.txt";
    static final String ANYWAY_FILE = "share-anyway.txt";
    private static final Logger log = LoggerFactory.getLogger(Library.class);

    private final Path listFile;
    private final Path anywayFile;
    private final Set<Path> anyway = ConcurrentHashMap.newKeySet();
    private volatile Map<Path, PrivateFiles.Family> leftOut = Map.of();

    PrivateGuard(Path dataDir) {
        this.listFile = dataDir.resolve(LIST_FILE);
        this.anywayFile = dataDir.resolve(ANYWAY_FILE);
        if (Files.isRegularFile(anywayFile)) {
            try {
                for (String line : Files.readAllLines(anywayFile, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        anyway.add(Path.of(line.strip()));
                    }
                }
            } catch (IOException e) {
                log.warn("Cannot read {} ({}): files that look private stay out", anywayFile, e.toString());
            }
        }
    }

    /** Why {@code file} is kept out, unless the user chose to share it anyway. */
    Optional<PrivateFiles.Family> file(Path file) {
        return anyway.contains(file) ? Optional.empty() : PrivateFiles.ofFile(file);
    }

    /** Why the whole of {@code folder} is kept out, unless the user chose to share it anyway. */
    Optional<PrivateFiles.Family> folder(Path folder) {
        return anyway.contains(folder) ? Optional.empty() : PrivateFiles.ofFolder(folder);
    }

    /** What the last scans left out, by path. */
    List<LeftOut> list() {
        List<LeftOut> out = new ArrayList<>();
        leftOut.forEach((p, f) -> out.add(new LeftOut(p, f)));
        return out;
    }

    /** Worker thread: {@code found} is now all that is left out below {@code under} (null: everywhere). */
    boolean replace(Path under, Map<Path, PrivateFiles.Family> found) {
        Map<Path, PrivateFiles.Family> next = new TreeMap<>(leftOut);
        next.keySet().removeIf(p -> under == null || p.startsWith(under));
        next.putAll(found);
        if (next.equals(leftOut)) {
            return false;
        }
        leftOut = Map.copyOf(next);
        save(next);
        return true;
    }

    /** Shares these paths from now on, though they look private; the next scan takes them in. */
    void allow(Collection<Path> paths) throws IOException {
        anyway.addAll(paths);
        List<String> lines = new ArrayList<>();
        lines.add("# Files and folders Shoal shares although they look private; one path a line.");
        anyway.stream().map(Path::toString).sorted().forEach(lines::add);
        write(anywayFile, lines);
    }

    private void save(Map<Path, PrivateFiles.Family> now) {
        List<String> lines = new ArrayList<>();
        lines.add("# Left out of the share because they look private. To share one anyway, add its path to "
                + ANYWAY_FILE + ".");
        now.forEach((p, f) -> lines.add(p + "\t" + f.label()));
        try {
            write(listFile, lines);
        } catch (IOException e) {
            log.warn("Cannot write {}: {}", listFile, e.toString());
        }
    }

    Path listFile() {
        return listFile;
    }

    Path anywayFile() {
        return anywayFile;
    }

    private static void write(Path file, List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append(System.lineSeparator()));
        AtomicFile.writeString(file, text.toString());
    }
}
