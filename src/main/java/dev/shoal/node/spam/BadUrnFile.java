package dev.shoal.node.spam;

import dev.shoal.io.AtomicFile;
import dev.shoal.node.api.ShoalException;
import dev.shoal.node.api.SpamList;
import dev.shoal.protocol.Urn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's spam list in {@code <data>/spam-urns.txt}. It is read again whenever its modification
 * time or size changed since the last look, so edits made with any editor count from the next
 * search snapshot; lines that are not URNs are skipped (and logged) then, but refused by
 * {@link #save}. Thread-safe.
 */
public final class BadUrnFile implements SpamList {
    public static final String FILE_NAME = "spam-urns.txt";
    static final String TEMPLATE = """
            # Shoal hides search results whose urn:sha1 is listed here.
            # One URN per line; a # starts a comment.
            # "Mark as spam" on a search result adds its URN here.
            """;
    private static final Logger log = LoggerFactory.getLogger(BadUrnFile.class);

    private final Path file;
    private Stamp stamp;
    private Set<String> urns = Set.of();

    /** What the file looked like when last read: a change in either means read it again. */
    private record Stamp(FileTime modified, long size) {
    }

    public BadUrnFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    @Override
    public Path file() {
        return file;
    }

    /** The listed URNs, lower-case, as the file holds them now. */
    public synchronized Set<String> urns() {
        Stamp now = stampOf(file);
        if (now == null) {
            stamp = null;
            urns = Set.of();
        } else if (!now.equals(stamp)) {
            try {
                urns = parse(Files.readString(file, StandardCharsets.UTF_8), false);
                stamp = now;
            } catch (IOException e) {
                log.warn("cannot read the spam list {}: {}", file, e.toString());
            }
        }
        return urns;
    }

    @Override
    public boolean contains(String urn) {
        return urns().contains(urn.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public synchronized String text() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return TEMPLATE;
        } catch (IOException e) {
            throw new ShoalException("cannot read the spam list " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void save(String text) {
        Set<String> parsed = parse(text, true);
        String content = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
        replace(content);
        urns = parsed;
        stamp = stampOf(file);
    }

    @Override
    public synchronized void add(String urn, String note) {
        String canonical = canonical(urn);
        if (canonical == null) {
            throw new ShoalException("not a urn:sha1: " + urn);
        }
        if (urns().contains(canonical.toLowerCase(Locale.ROOT))) {
            return;
        }
        String comment = note == null || note.isBlank() ? "" : "  # " + note.replaceAll("[\\r\\n]+", " ").strip();
        String before = text();
        String line = canonical + comment + "\n";
        replace(before + (before.isEmpty() || before.endsWith("\n") ? "" : "\n") + line);
        Set<String> more = new HashSet<>(urns);
        more.add(canonical.toLowerCase(Locale.ROOT));
        urns = Set.copyOf(more);
        stamp = stampOf(file);
    }

    /**
     * Writes the whole list to a temporary file renamed over the old one: a kill (or a reader)
     * finds the old list or the new one, never an empty or half-written file.
     */
    private void replace(String content) {
        try {
            AtomicFile.writeString(file, content);
        } catch (IOException e) {
            throw new ShoalException("cannot write the spam list " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The URNs of a list, lower-case. Strictly, the first line that is neither blank, a comment nor
     * a URN fails with its number; leniently it is skipped.
     */
    static Set<String> parse(String text, boolean strict) {
        Set<String> out = new HashSet<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String value = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (value.isEmpty()) {
                continue;
            }
            String canonical = canonical(value);
            if (canonical == null) {
                String problem = "line " + (i + 1) + " of the spam list is not a urn:sha1: " + value;
                if (strict) {
                    throw new ShoalException(problem);
                }
                log.warn("{}", problem);
                continue;
            }
            out.add(canonical.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }

    private static String canonical(String text) {
        String t = text.strip();
        if (!t.regionMatches(true, 0, Urn.SHA1_PREFIX, 0, Urn.SHA1_PREFIX.length()) || !Urn.looksLikeSha1(t)) {
            return null;
        }
        return Urn.parse(t).toString();
    }

    private static Stamp stampOf(Path file) {
        try {
            return new Stamp(Files.getLastModifiedTime(file), Files.size(file));
        } catch (IOException e) {
            return null;
        }
    }
}
